package org.dysonsim.physics.sgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.rng.CounterRng;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Each loss's minibatch gradient against central finite differences of its minibatch loss. */
class GradientCheckTest {
    private static final int M = 6, N = 4, SIZE = 64, BATCH = 8;
    private static final long SEED = 17, MEMBER = 3, STEP = 5;
    /** Central differences with h = 1e-5 on O(1) entries: truncation h²·|ℓ'''| ≈ 1e-10, rounding ε/h ≈ 1e-11. */
    private static final double H = 1e-5, TOLERANCE = 1e-6;

    private static DMatrixRMaj weights(double scale) {
        DMatrixRMaj w = new DMatrixRMaj(M, N);
        for (int k = 0; k < w.data.length; k++) w.data[k] = scale * CounterRng.gaussian(99, 0, k, 0, 0);
        return w;
    }

    private static void assertMatchesFiniteDifferences(MinibatchLoss loss, DMatrixRMaj gradient, DMatrixRMaj w) {
        double worst = 0, scale = 0;
        for (int k = 0; k < w.data.length; k++) {
            DMatrixRMaj plus = w.copy(), minus = w.copy();
            plus.data[k] += H;
            minus.data[k] -= H;
            double fd = (loss.loss(STEP, plus) - loss.loss(STEP, minus)) / (2 * H);
            worst = Math.max(worst, Math.abs(fd - gradient.data[k]));
            scale = Math.max(scale, Math.abs(fd));
        }
        assertTrue(scale > 1e-3, "a gradient that can be checked");
        assertTrue(worst <= TOLERANCE * Math.max(1, scale), "largest deviation from finite differences " + worst);
    }

    @Test
    void teacherStudentGradientWithRidge() {
        MinibatchLoss loss = MinibatchLoss.create(new LossSpec.TeacherStudent(1.0, 0.3, 0.05), M, N, SIZE, BATCH, SEED, MEMBER);
        DMatrixRMaj w = weights(0.4);
        assertMatchesFiniteDifferences(loss, loss.gradient(STEP, w, null).gradient(), w);
    }

    @Test
    void zeroGradientLossIsLinearWithThePerSampleNoiseAsGradient() {
        MinibatchLoss loss = MinibatchLoss.create(new LossSpec.ZeroGradient(2.0), M, N, SIZE, BATCH, SEED, MEMBER);
        DMatrixRMaj w = weights(0.4);
        assertMatchesFiniteDifferences(loss, loss.gradient(STEP, w, null).gradient(), w);
    }

    @Test
    void zeroGradientFullBatchGradientVanishes() {
        // every sample of the (antithetic) data set once: the mean gradient is exactly zero
        var loss = new ZeroGradientLoss(new LossSpec.ZeroGradient(1.0), M, N, 2, 2, SEED, MEMBER);
        DMatrixRMaj w = weights(0.4);
        double both = 0;
        for (long step = 1; step < 50; step++) {
            // batches of two that happen to hold both members of the pair cancel to round-off
            MinibatchGradient g = loss.gradient(step, w, null);
            int[] idx = Minibatch.indices(SEED, MEMBER, step, 2, 2);
            if (idx[0] != idx[1]) {
                for (double v : g.gradient().data) assertEquals(0.0, v, 1e-15);
                both++;
            }
        }
        assertTrue(both > 10, "pairs drawn together");
    }

    @Test
    void rbmExactGradientAndNegativeLogLikelihood() {
        var loss = (RbmPcdLoss) MinibatchLoss.create(new LossSpec.RbmPcd(1.0, 6.0, 1.0, 1), M, N, SIZE, BATCH, SEED, MEMBER);
        DMatrixRMaj w = weights(0.5);
        assertMatchesFiniteDifferences(loss, loss.exactGradient(STEP, w), w);
    }

    @Test
    void rbmLossIsInfiniteWhereTheModelIsNotNormalisable() {
        var loss = MinibatchLoss.create(new LossSpec.RbmPcd(1.0, 1.0, 1.0, 1), M, N, SIZE, BATCH, SEED, MEMBER);
        assertEquals(Double.POSITIVE_INFINITY, loss.loss(STEP, weights(3.0)));
    }
}
