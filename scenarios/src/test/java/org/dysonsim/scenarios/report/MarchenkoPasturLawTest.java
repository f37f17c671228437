package org.dysonsim.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.init.InitialSpectrum;
import org.junit.jupiter.api.Test;

class MarchenkoPasturLawTest {
    /** Simpson's rule on the smooth θ integrand: the CDF matches a fine midpoint sum of the density to this. */
    private static final double CDF_TOLERANCE = 1e-6;
    private static final int MEMBERS = 200;

    @Test
    void cdfIsTheIntegralOfTheDensityAndIsNormalised() {
        for (MarchenkoPasturLaw law : new MarchenkoPasturLaw[] {
                new MarchenkoPasturLaw(32, 16, 0.5), new MarchenkoPasturLaw(10, 10, 1.0), new MarchenkoPasturLaw(100, 3, 2.0)}) {
            assertEquals(0.0, law.cdf(law.lower(), 0), 0.0);
            assertEquals(1.0, law.cdf(law.upper(), 0), CDF_TOLERANCE);
            double x = law.lower() + 0.37 * (law.upper() - law.lower());
            int steps = 200_000;
            double h = (x - law.lower()) / steps;
            double sum = 0;
            for (int k = 0; k < steps; k++) sum += law.density(law.lower() + (k + 0.5) * h, 0) * h;
            // a hard edge (M = N) has an integrable 1/√x singularity the midpoint sum resolves only to ~√h
            assertEquals(sum, law.cdf(x, 0), law.lower() == 0 ? 2e-3 : CDF_TOLERANCE);
        }
    }

    @Test
    void meanIsMSigma2() {
        MarchenkoPasturLaw law = new MarchenkoPasturLaw(40, 10, 0.5);
        int steps = 100_000;
        double h = (law.upper() - law.lower()) / steps;
        double mean = 0;
        for (int k = 0; k < steps; k++) {
            double x = law.lower() + (k + 0.5) * h;
            mean += x * law.density(x, 0) * h;
        }
        assertEquals(40 * 0.5, mean, 1e-4);
    }

    @Test
    void sampledInitialSpectraPassAndAWrongWidthFails() {
        InitialSpectrum.MarchenkoPastur init = new InitialSpectrum.MarchenkoPastur(32, 16, 0.5);
        double[] pooled = new double[MEMBERS * 16];
        for (int m = 0; m < MEMBERS; m++) System.arraycopy(init.sample(7, m), 0, pooled, m * 16, 16);
        Comparison right = SpectralComparison.ks(new MarchenkoPasturLaw(32, 16, 0.5), 0.0, pooled, 16);
        assertTrue(right.pass(), right.toString());
        // power: σ² off by 20 % is rejected by the same threshold
        Comparison wrong = SpectralComparison.ks(new MarchenkoPasturLaw(32, 16, 0.6), 0.0, pooled, 16);
        assertFalse(wrong.pass(), wrong.toString());
    }

    @Test
    void ksPValueOfTheCriticalValue() {
        int n = 10_000;
        assertEquals(0.001, KolmogorovSmirnov.pValue(KolmogorovSmirnov.CRITICAL_0_001 / Math.sqrt(n), n), 1e-4);
        assertEquals(1.0, KolmogorovSmirnov.pValue(0.0, n));
    }
}
