package org.dysonsim.physics.sgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.rng.CounterRng;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Heavy-ball SGD on a linear loss with white minibatch noise, G = ḡ + σξ, run by the optimiser's own
 * loop ({@link SgdUpdate}) on many independent weights at once, from a velocity settled over
 * {@link #SETTLE} steps: the mean and the variance of the displacement over n steps against
 * {@link HeavyBall} (the rate α/(1 − β), the AR(1) variance), and against the plain rate α, which
 * they reject.
 */
class HeavyBallTest {
    static final int PATHS = 4000, SETTLE = 150;
    static final double ALPHA = 0.05, BETA = 0.9, MEAN = 0.3, SIGMA = 1.0;

    @Test
    void theDisplacementHasTheEffectiveRateAndTheAr1Variance() {
        SgdSettings sgd = new SgdSettings(ALPHA, 1, BETA);
        double eta = HeavyBall.effectiveRate(sgd);
        assertEquals(0.5, eta, 1e-12);
        DMatrixRMaj w = new DMatrixRMaj(1, PATHS), v = new DMatrixRMaj(1, PATHS), g = new DMatrixRMaj(1, PATHS);
        long[] horizons = {1, 5, 200};
        double[] origin = null;
        int h = 0;
        for (int step = 0; step < SETTLE + 200; step++) {
            if (step == SETTLE) origin = w.data.clone();
            for (int p = 0; p < PATHS; p++) g.data[p] = MEAN + SIGMA * CounterRng.gaussian(7, p, 0, step, 0);
            SgdUpdate.apply(w, v, g, sgd);
            if (origin != null && h < horizons.length && step + 1 - SETTLE == horizons[h]) {
                long n = horizons[h++];
                double sum = 0, ss = 0;
                for (int p = 0; p < PATHS; p++) sum += w.data[p] - origin[p];
                double mean = sum / PATHS;
                for (int p = 0; p < PATHS; p++) ss += (w.data[p] - origin[p] - mean) * (w.data[p] - origin[p] - mean);
                double variance = ss / (PATHS - 1);
                double expected = eta * eta * SIGMA * SIGMA * HeavyBall.diffusiveSteps(n, BETA);
                double meanSe = Math.sqrt(variance / PATHS), varianceSe = variance * Math.sqrt(2.0 / (PATHS - 1));
                assertEquals(-eta * MEAN * n, mean, 5 * meanSe, "mean displacement over " + n + " steps");
                assertTrue(Math.abs(-ALPHA * MEAN * n - mean) > 20 * meanSe, "the plain rate α is rejected at " + n + " steps");
                assertEquals(expected, variance, 5 * varianceSe, "variance over " + n + " steps");
                if (n == 1) {
                    // one step: the variance of the settled velocity, (1 − β)/(1 + β) of plain SGD's at η
                    assertEquals(eta * eta * SIGMA * SIGMA * (1 - BETA) / (1 + BETA), expected, 1e-12);
                }
            }
        }
        assertEquals(horizons.length, h);
        // beyond 1/(1 − β) the deficit is at most 2β/(1 − β²) ≈ 9.5 steps: 4 % at 250 steps, the record interval of mlp-fashion
        assertEquals(250 - 2 * BETA / (1 - BETA * BETA), HeavyBall.diffusiveSteps(250, BETA), 1e-9);
        assertEquals(0.0, HeavyBall.diffusiveSteps(0, BETA), 1e-12);
    }
}
