package org.dysonsim.physics.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.GasStepper;
import org.dysonsim.physics.gas.WishartConvention;
import org.dysonsim.physics.rng.CounterRng;
import org.junit.jupiter.api.Test;

/**
 * The forecast against a synthetic singular-value process with known drift and D: three singular
 * values of a 8×3 matrix follow Bru's equation with a constant gradient drift, and the recorded
 * gradient projections are that drift plus isotropic minibatch noise of the matching variance.
 * Each replica draws its own gradient samples and its own true path; its 90 % band should cover
 * the truth in 90 % of replicas.
 */
class SingularValueForecastTest {
    /** Standard errors of a binomial coverage rate (docs/physics.md §7). */
    static final double Z = 5.0;
    static final int ROWS = 8, REPLICAS = 200, REPLICATES = 100, SAMPLES = 200;
    static final double ETA = 0.1, D = 0.02;
    /** Ascending singular values at the origin and their drift per step. */
    static final double[] START = {1.0, 2.0, 3.0}, DRIFT = {-0.01, 0.0, 0.02};
    static final long[] HORIZONS = {20, 50, 100};
    static final double LEVEL = 0.9;

    /** g_k = −μ_k/η + noise of variance 2D/η (so that η²var = 2ηD), ranks from the top. */
    static double[][] projections(long seed, long replica) {
        double sd = Math.sqrt(2 * D / ETA);
        double[][] g = new double[SAMPLES][START.length];
        for (int j = 0; j < SAMPLES; j++) {
            for (int r = 0; r < START.length; r++) {
                g[j][r] = -DRIFT[START.length - 1 - r] / ETA + sd * CounterRng.gaussian(seed, replica, j, r, 0);
            }
        }
        return g;
    }

    /** The true path at the horizons, ranks from the top: [h][k]. */
    static double[][] truth(long seed, long replica) {
        GasModel model = WishartConvention.BRU.singularValues(ROWS, START.length, ETA * D, new Drift.Constant(DRIFT));
        GasStepper stepper = new GasStepper(model, SingularValueForecast.STEPPING, seed, replica);
        double[] x = START.clone();
        double[][] out = new double[HORIZONS.length][START.length];
        long step = 0;
        for (int h = 0; h < HORIZONS.length; h++) {
            for (; step < HORIZONS[h]; step++) stepper.advance(x, step, 1.0);
            for (int r = 0; r < START.length; r++) out[h][r] = x[START.length - 1 - r];
        }
        return out;
    }

    /** covered[h][k] counts over replicas. */
    static int[][] coverage(boolean withDrift) {
        int[][] covered = new int[HORIZONS.length][START.length];
        for (int rep = 0; rep < REPLICAS; rep++) {
            double[][] g = projections(41, rep);
            if (!withDrift) {
                // the same noise about a zero mean: a forecast blind to the gradient's direction
                double[] mean = new double[START.length];
                for (double[] row : g) for (int r = 0; r < mean.length; r++) mean[r] += row[r] / SAMPLES;
                for (double[] row : g) for (int r = 0; r < mean.length; r++) row[r] -= mean[r];
            }
            ForecastSettings settings = new ForecastSettings(ETA, ROWS, REPLICATES, LEVEL, WishartConvention.BRU, Double.NaN, 1000 + rep);
            ForecastBand band = SingularValueForecast.forecast(START, g, HORIZONS, settings);
            double[][] truth = truth(43, rep);
            for (int h = 0; h < HORIZONS.length; h++) {
                for (int r = 0; r < START.length; r++) if (band.covers(h, r, truth[h][r])) covered[h][r]++;
            }
        }
        return covered;
    }

    @Test
    void bandCoversTheTruthAtTheNominalRate() {
        double tolerance = Z * Math.sqrt(LEVEL * (1 - LEVEL) / REPLICAS);
        int[][] covered = coverage(true);
        for (int h = 0; h < HORIZONS.length; h++) {
            for (int r = 0; r < START.length; r++) {
                double rate = covered[h][r] / (double) REPLICAS;
                assertEquals(LEVEL, rate, tolerance, "horizon " + HORIZONS[h] + ", rank " + r + ": coverage " + rate);
            }
        }
    }

    @Test
    void forecastWithoutTheGradientDriftMissesTheLargestValue() {
        int[][] covered = coverage(false);
        double rate = covered[HORIZONS.length - 1][0] / (double) REPLICAS;
        assertTrue(LEVEL - rate > Z * Math.sqrt(LEVEL * (1 - LEVEL) / REPLICAS), "coverage without drift " + rate);
    }

    @Test
    void driftAndDiffusionComeFromTheGradients() {
        double[][] g = {{1.0, -2.0}, {3.0, 0.0}};
        ForecastBand band = SingularValueForecast.forecast(new double[] {10, 20, 30}, g, new long[] {1}, ForecastSettings.of(0.5, 4, 1));
        assertEquals(-0.5 * 2.0, band.drift()[0], 1e-15);
        assertEquals(-0.5 * -1.0, band.drift()[1], 1e-15);
        // variances about the rank means: (1 + 1)/1 and (1 + 1)/1, pooled 2; D = η·2/2
        assertEquals(0.5, band.diffusion(), 1e-15);
        assertEquals(0.5, SingularValueForecast.diffusionFromGradients(g, 0.5), 1e-15);
    }

    /** The replicates run in parallel: one thread and three give the same bits. */
    @Test
    void sameInputsSameForecastOnAnyNumberOfThreads() throws Exception {
        ForecastSettings s = ForecastSettings.of(ETA, ROWS, 7);
        ForecastBand a = on(1, () -> SingularValueForecast.forecast(START, projections(1, 0), HORIZONS, s));
        ForecastBand b = on(3, () -> SingularValueForecast.forecast(START, projections(1, 0), HORIZONS, s));
        for (int h = 0; h < HORIZONS.length; h++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.upper()[h], b.upper()[h], 0.0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.median()[h], b.median()[h], 0.0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.lower()[h], b.lower()[h], 0.0);
        }
    }

    /** {@code work} inside a fork-join pool of {@code threads}, where its parallel streams run. */
    private static <T> T on(int threads, java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        try {
            return pool.submit(work).get();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void eachTopValueDiffusesWithItsOwnDWhenGiven() {
        // one step ahead the band is the noise alone: its width goes as √D; rank 0 gets 4× the isotropic D
        double[][] g = {{0.0, 0.0}, {0.0, 0.0}};
        double[] start = {10.0, 20.0, 30.0};
        ForecastSettings iso = new ForecastSettings(0.1, 8, 4000, LEVEL, WishartConvention.BRU, 0.01, 3);
        ForecastSettings aniso = new ForecastSettings(0.1, 8, 4000, LEVEL, WishartConvention.BRU, 0.01, 3, new double[] {0.04, 0.01});
        ForecastBand a = SingularValueForecast.forecast(start, g, new long[] {1}, iso);
        ForecastBand b = SingularValueForecast.forecast(start, g, new long[] {1}, aniso);
        double wa0 = a.upper()[0][0] - a.lower()[0][0], wb0 = b.upper()[0][0] - b.lower()[0][0];
        double wa1 = a.upper()[0][1] - a.lower()[0][1], wb1 = b.upper()[0][1] - b.lower()[0][1];
        // quantiles of 4000 replicates: a few per cent of sampling error in a width
        assertEquals(2.0, wb0 / wa0, 0.1, "rank 0 widths " + wa0 + ", " + wb0);
        assertEquals(1.0, wb1 / wa1, 0.1, "rank 1 widths " + wa1 + ", " + wb1);
    }
}
