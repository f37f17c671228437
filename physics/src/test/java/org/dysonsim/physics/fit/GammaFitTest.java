package org.dysonsim.physics.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.laws.GammaLaw;
import org.dysonsim.physics.rng.CounterStream;
import org.dysonsim.physics.rng.Samplers;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.junit.jupiter.api.Test;

class GammaFitTest {
    private static final int N = 20_000;
    private static final double Z = 5.0;

    @Test
    void recoversOlsensStationaryShapeAndScale() {
        GammaLaw truth = GammaLaw.squareRootStationary(0.8, 2.0, 0.05);   // shape 4, scale 0.1
        double[] x = new double[N];
        for (int i = 0; i < N; i++) x[i] = truth.scale() * Samplers.gamma(truth.shape(), new CounterStream(41, i, 0, 0, 0));
        GammaFit fit = GammaFit.of(x);
        assertEquals(truth.shape(), fit.shape(), Z * fit.shapeSe());
        assertEquals(truth.scale(), fit.scale(), Z * fit.scaleSe());
        assertTrue(KolmogorovSmirnov.oneSample(x, fit.law()::cdf).scaled() < KolmogorovSmirnov.CRITICAL_1E4);
    }

    @Test
    void shapeBelowOneIsRecoveredToo() {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) x[i] = 3.0 * Samplers.gamma(0.6, new CounterStream(42, i, 0, 0, 0));
        GammaFit fit = GammaFit.of(x);
        assertEquals(0.6, fit.shape(), Z * fit.shapeSe());
        assertEquals(3.0, fit.scale(), Z * fit.scaleSe());
    }

    /**
     * Power: a CIR transient with α₀ < 4ηD (d = α₀/(2ηD) = 0.5, so 0 is reachable) started away
     * from 0 is a non-central χ² with a spike at 0 and a bump: the fitted gamma is rejected.
     */
    @Test
    void transientCirIsRejected() {
        double d = 0.5, nonCentrality = 6.0;
        double[] x = new double[N];
        for (int i = 0; i < N; i++) x[i] = Samplers.noncentralChiSquared(d, nonCentrality, new CounterStream(43, i, 0, 0, 0));
        GammaFit fit = GammaFit.of(x);
        assertTrue(KolmogorovSmirnov.oneSample(x, fit.law()::cdf).scaled() > KolmogorovSmirnov.CRITICAL_1E6);
    }
}
