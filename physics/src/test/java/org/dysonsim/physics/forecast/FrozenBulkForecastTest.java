package org.dysonsim.physics.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.WishartConvention;
import org.dysonsim.physics.rng.CounterRng;
import org.junit.jupiter.api.Test;

/**
 * The forecast of the top k values in a frozen bulk ({@link SingularValueForecast#forecastInFrozenBulk})
 * against the whole gas ({@link SingularValueForecast#forecast}) on synthetic layers shaped like
 * mlp-fashion's: a bulk of singular values spread over [0.6, 1.6] with a small isotropic D, k = 4
 * values above it whose own D is a few hundred times larger (as the recorded projection variances
 * are), so that the whole gas's step rule cuts each SGD step into sub-steps.
 */
class FrozenBulkForecastTest {
    static final int K = 4, SAMPLES = 10, REPLICATES = 20;
    static final double ETA = 0.5, D = 2e-6;
    static final double[] TOP = {2.4, 2.9, 3.3, 3.8}, RANK_D = {6e-4, 4e-4, 5e-4, 3e-4}, MEAN_PROJECTION = {-0.002, 0.0, 0.0005, 0.0005};

    /** n values: n − k spread over the bulk with a seeded jitter, then {@link #TOP}. */
    static double[] layer(int n, long seed) {
        double[] s = new double[n];
        for (int i = 0; i < n - K; i++) s[i] = 0.6 + (i + 0.5 + 0.3 * CounterRng.uniform(seed, 0, i, 0, 0)) / (n - K);
        System.arraycopy(TOP, 0, s, n - K, K);
        return s;
    }

    /** Recorded projections, ranks from the top: the mean plus {@code spread} times noise of each rank's variance 2D_k/η. */
    static double[][] projections(long seed, double spread) {
        double[][] g = new double[SAMPLES][K];
        for (int j = 0; j < SAMPLES; j++) {
            for (int r = 0; r < K; r++) g[j][r] = MEAN_PROJECTION[r] + spread * Math.sqrt(2 * RANK_D[r] / ETA) * CounterRng.gaussian(seed, j, r, 0, 1);
        }
        return g;
    }

    static ForecastSettings settings(int rows) {
        return new ForecastSettings(ETA, rows, REPLICATES, 0.9, WishartConvention.BRU, D, 17, RANK_D);
    }

    @Test
    void theTopValuesInAFrozenBulkFollowTheWholeGas() {
        int n = 100, rows = 400;
        double[] s = layer(n, 3);
        long[] horizons = {20, 50};
        // the whole gas needs sub-steps: the top values' noise against the bulk's mean spacing
        double[] noise = new double[n];
        Arrays.fill(noise, ETA * D);
        for (int r = 0; r < K; r++) noise[n - 1 - r] = ETA * RANK_D[r];
        GasModel whole = WishartConvention.BRU.singularValues(rows, n, ETA * D, new Drift.Zero());
        GasModel anisotropic = new GasModel(noise, whole.coulomb(), whole.mirror(), whole.drift(), whole.lower(), whole.upper());
        assertEquals(2, SingularValueForecast.STEPPING.level(anisotropic, s, 1.0));

        ForecastBand all = SingularValueForecast.forecast(s, projections(5, 1), horizons, settings(rows));
        ForecastBand top = SingularValueForecast.forecastInFrozenBulk(s, projections(5, 1), horizons, settings(rows));
        for (int h = 0; h < horizons.length; h++) {
            for (int r = 0; r < K; r++) {
                double width = all.upper()[h][r] - all.lower()[h][r];
                assertTrue(width > 0.05, "the band is wider than the differences measured: " + width);
                // the same resampled drifts and Brownian paths: the frozen bulk and the coarser step move the band by little
                assertEquals(all.median()[h][r], top.median()[h][r], 0.01 * width, "median, horizon " + horizons[h] + " rank " + r);
                assertEquals(all.lower()[h][r], top.lower()[h][r], 0.02 * width, "lower end, horizon " + horizons[h] + " rank " + r);
                assertEquals(all.upper()[h][r], top.upper()[h][r], 0.02 * width, "upper end, horizon " + horizons[h] + " rank " + r);
            }
        }
        assertEquals(all.diffusion(), top.diffusion(), 0.0);
        assertEquals(Arrays.toString(all.drift()), Arrays.toString(top.drift()));
    }

    @Test
    void aLayerOf768ValuesIsForecastAndFollowsItsDrift() {
        int n = 768, rows = 1024;
        double[] s = layer(n, 4);
        long[] horizons = {250, 500, 1000};
        // projections of a small spread: a drift known to 1 %, the band from each rank's D
        ForecastBand top = SingularValueForecast.forecastInFrozenBulk(s, projections(6, 0.01), horizons, settings(rows));
        for (int h = 0; h < horizons.length; h++) {
            // the largest value, 0.5 above the next, drifts up by 0.001 a step; the others are pushed about by it and by order
            double moved = TOP[K - 1] + top.drift()[0] * horizons[h];
            assertTrue(top.lower()[h][0] < moved && moved < top.upper()[h][0], "at " + horizons[h] + ": " + moved
                    + " outside [" + top.lower()[h][0] + ", " + top.upper()[h][0] + "]");
            for (int r = 0; r < K; r++) {
                assertTrue(top.lower()[h][r] > s[n - K - 1], "above the frozen bulk");
                if (r > 0) assertTrue(top.median()[h][r] < top.median()[h][r - 1], "ranks in order");
            }
        }
    }

    @Test
    void aFrozenBulkNeedsABulk() {
        double[] s = {1.0, 2.0};
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SingularValueForecast.forecastInFrozenBulk(s, new double[][] {{0.1, 0.2}, {0.0, 0.1}}, new long[] {1}, settings(4)));
        assertTrue(e.getMessage().contains("frozen bulk"), e.getMessage());
    }
}
