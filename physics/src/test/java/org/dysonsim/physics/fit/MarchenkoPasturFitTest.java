package org.dysonsim.physics.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.laws.InverseCdf;
import org.dysonsim.physics.laws.MarchenkoPastur;
import org.dysonsim.physics.rng.CounterRng;
import org.junit.jupiter.api.Test;

class MarchenkoPasturFitTest {
    private static final double Z = 5.0;
    private static final int BULK = 20_000, TAIL = 1_000, BINS = 60;
    private static final double RATIO = 0.5, SIGMA2 = 1.3;

    /** Bulk from the law by inverse CDF, a Pareto tail from 1.2·x₊ upwards (outside the window). */
    private static double[] sample(long seed) {
        MarchenkoPastur mp = new MarchenkoPastur(RATIO, SIGMA2);
        double[] x = new double[BULK + TAIL];
        for (int i = 0; i < BULK; i++) x[i] = InverseCdf.quantile(mp, CounterRng.uniform(seed, 0, i, 0, 0));
        for (int i = 0; i < TAIL; i++) x[BULK + i] = 1.2 * mp.upper() * Math.pow(CounterRng.uniform(seed, 1, i, 0, 0), -1.0 / 2.0);
        return x;
    }

    @Test
    void recoversAreaWidthAndTheTailFraction() {
        double[] x = sample(61);
        double top = new MarchenkoPastur(RATIO, SIGMA2).upper();
        MarchenkoPasturFit fit = MarchenkoPasturFit.fit(x, RATIO, 0.0, 1.1 * top, BINS);
        double n = BULK + TAIL;
        assertEquals(BULK / n, fit.area(), Z * fit.areaSe());
        assertEquals(SIGMA2, fit.sigma2(), Z * fit.sigma2Se());
        // bulk points beyond the fitted edge: only those within ~5 SE of the edge, a few 1e-4 at most
        assertEquals(TAIL / n, fit.fractionBeyondEdge(), 2e-3);
        // deviance ~ χ² with dof degrees of freedom
        assertEquals(fit.degreesOfFreedom(), fit.deviance(), Z * Math.sqrt(2.0 * fit.degreesOfFreedom()));
    }

    /** Power: the same data fitted with the wrong aspect ratio r has a deviance far beyond χ². */
    @Test
    void wrongAspectRatioIsRejected() {
        double[] x = sample(62);
        double top = new MarchenkoPastur(RATIO, SIGMA2).upper();
        MarchenkoPasturFit wrong = MarchenkoPasturFit.fit(x, 0.3, 0.0, 1.1 * top, BINS);
        assertTrue(wrong.deviance() > wrong.degreesOfFreedom() + Z * Math.sqrt(2.0 * wrong.degreesOfFreedom()), "deviance " + wrong.deviance());
    }
}
