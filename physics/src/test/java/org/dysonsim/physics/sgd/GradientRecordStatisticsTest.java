package org.dysonsim.physics.sgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The statistics a gradient record carries mean what the data contract says: on pure minibatch
 * noise of known per-sample variance σ², at a fixed W, over many independent minibatches.
 */
class GradientRecordStatisticsTest {
    private static final int M = 6, N = 4, BATCH = 8, K = 3, STEPS = 4000;
    /** Virtual data set: large enough that its own variance is σ² to ≪ the statistical error. */
    private static final int SIZE = 1 << 20;
    private static final double SIGMA2 = 2.5;
    /** docs/physics.md §7: z = 5 standard errors, the errors estimated from the independent steps. */
    private static final double Z = 5.0;

    @Test
    void projectionsVariancesAndNoiseVarianceMatchTheirDefinitions() {
        MinibatchLoss loss = MinibatchLoss.create(new LossSpec.ZeroGradient(SIGMA2), M, N, SIZE, BATCH, 5, 0);
        DMatrixRMaj w = InitialWeights.gaussian(M, N, 1.0, 5, 0);
        SingularPairs pairs = WeightSpectrum.withTopPairs(w, K).top();
        double[][] projections = new double[K][STEPS];
        double[][] variances = new double[K][STEPS];
        double[] noise = new double[STEPS];
        for (int s = 0; s < STEPS; s++) {
            MinibatchGradient g = loss.gradient(s + 1, w, pairs);
            for (int j = 0; j < K; j++) {
                assertEquals(pairs.project(g.gradient(), j), g.projections()[j], 1e-12, "u_jᵀ G_B v_j");
                projections[j][s] = g.projections()[j];
                variances[j][s] = g.projectionVariances()[j];
            }
            noise[s] = g.noiseVariance();
        }
        // each per-sample entry, and each per-sample projection on unit vectors, has variance σ²
        assertWithin(SIGMA2, noise, "noise variance");
        for (int j = 0; j < K; j++) {
            assertWithin(SIGMA2, variances[j], "projection variance " + j);
            // the step-to-step variance of the projection is the per-sample one over |B|
            double mean = mean(projections[j]);
            double[] squares = new double[STEPS];
            for (int s = 0; s < STEPS; s++) squares[s] = (projections[j][s] - mean) * (projections[j][s] - mean);
            assertWithin(SIGMA2 / BATCH, squares, "variance of projection " + j + " across minibatches");
        }
    }

    private static void assertWithin(double expected, double[] samples, String what) {
        double mean = mean(samples);
        double ss = 0;
        for (double v : samples) ss += (v - mean) * (v - mean);
        double se = Math.sqrt(ss / (samples.length - 1) / samples.length);
        assertTrue(Math.abs(mean - expected) <= Z * se, what + ": " + mean + " vs " + expected + " ± " + se);
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s / a.length;
    }
}
