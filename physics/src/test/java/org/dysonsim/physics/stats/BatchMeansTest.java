package org.dysonsim.physics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.rng.CounterRng;
import org.junit.jupiter.api.Test;

class BatchMeansTest {
    private static final double PHI = 0.9;
    /** AR(1): τ_int = (1 + φ)/(2(1 − φ)) = 9.5. */
    private static final double TAU = (1 + PHI) / (2 * (1 - PHI));
    /** Sokal: var(τ̂) ≈ 2(2W + 1)τ²/n with W ≈ 6τ; at n = 400 000 the relative SE is ≈ 2.4 %. */
    private static final double TAU_RELATIVE_TOLERANCE = 5 * 0.024;

    private static double[] ar1(int n) {
        double[] x = new double[n];
        double v = 0, innovation = Math.sqrt(1 - PHI * PHI);
        for (int i = 0; i < n; i++) x[i] = v = PHI * v + innovation * CounterRng.gaussian(3, 0, i, 0, 0);
        return x;
    }

    @Test
    void autocorrelationTimeOfAnAr1Process() {
        double[] x = ar1(400_000);
        assertEquals(TAU, BatchMeans.integratedAutocorrelationTime(x), TAU_RELATIVE_TOLERANCE * TAU);
        BatchMeans.Estimate e = BatchMeans.of(x);
        assertTrue(e.sufficient());
        double exactSe = Math.sqrt(2 * TAU / x.length);   // unit stationary variance
        // the batch-means SE itself has relative error 1/√(2·batches) ≈ 3.5 % at ~2000 batches
        assertEquals(exactSe, e.standardError(), 5 * exactSe / Math.sqrt(2.0 * e.batches()));
        assertEquals(0.0, e.mean(), 5 * exactSe);
    }

    @Test
    void shortSeriesIsFlaggedInsufficient() {
        assertFalse(BatchMeans.of(ar1(2_000)).sufficient());
    }
}
