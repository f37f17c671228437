package org.dysonsim.physics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dysonsim.physics.rng.CounterRng;
import org.junit.jupiter.api.Test;

class BinderCumulantTest {
    private static final int N = 200_000;
    /** B = excess kurtosis/3; SE of the excess kurtosis of a Gaussian sample is √(24/n). */
    private static final double GAUSSIAN_SE = Math.sqrt(24.0 / N) / 3.0;
    private static final double Z = 5.0;

    @Test
    void zeroForAGaussianSample() {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) x[i] = 3.0 + 2.0 * CounterRng.gaussian(7, 0, i, 0, 0);
        assertEquals(0.0, BinderCumulant.of(x), Z * GAUSSIAN_SE);
    }

    @Test
    void exactForTwoPointAndUniformSets() {
        assertEquals(-2.0 / 3.0, BinderCumulant.about(new double[] {-1, 1, 1, -1}, 0), 1e-15);
        double[] grid = new double[100_001];
        for (int i = 0; i < grid.length; i++) grid[i] = -1 + 2.0 * i / (grid.length - 1);
        assertEquals(-0.4, BinderCumulant.of(grid), 1e-4);   // uniform: (1/5)/(3·1/9) − 1
    }
}
