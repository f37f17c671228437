package org.dysonsim.scenarios.report.analyses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.scenarios.report.Comparison;
import org.junit.jupiter.api.Test;

/**
 * The per-mode comparison of matrix and particle companion at rbm-pcd's size: two-sample KS of 16
 * members against 16 has threshold 2.2253/√8 ≈ 0.79, more than any width error can move a KS
 * distance (½), so it cannot pass; with enough members the same comparison can.
 */
class ParticleCompanionPowerTest {
    private static final long SEED = 11;

    private static double[] gaussians(int n, double width, long stream) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = width * CounterRng.gaussian(SEED, stream, i, 0, 0);
        return x;
    }

    @Test
    void sixteenMembersWhoseWidthsDifferFourfoldAreInconclusiveNotPass() {
        Comparison c = ParticleCompanion.twoSample("mode 0", 1.0, gaussians(16, 1.0, 0), gaussians(16, 4.0, 1));
        assertTrue(c.value() <= c.threshold(), "the statistic is within its threshold: " + c);
        assertEquals("inconclusive", c.verdict());
        assertEquals(Double.POSITIVE_INFINITY, c.power().value());
    }

    @Test
    void sixteenMembersOfDisjointLawsStillFail() {
        double[] far = gaussians(16, 1.0, 1);
        for (int i = 0; i < far.length; i++) far[i] += 100;
        assertEquals("fail", ParticleCompanion.twoSample("mode 0", 1.0, gaussians(16, 1.0, 0), far).verdict());
    }

    @Test
    void enoughMembersOfTheSameLawPassAndCatchATwofoldWidth() {
        // n = m = 1000: n_e = 500, threshold ≈ 0.0995, a width error of ≈ 1.5× reaches it
        Comparison same = ParticleCompanion.twoSample("mode 0", 1.0, gaussians(1000, 1.0, 0), gaussians(1000, 1.0, 1));
        assertEquals("pass", same.verdict(), same.toString());
        assertTrue(same.power().value() < 2, same.power().toString());
        Comparison twofold = ParticleCompanion.twoSample("mode 0", 1.0, gaussians(1000, 1.0, 0), gaussians(1000, 2.0, 1));
        assertEquals("fail", twofold.verdict(), twofold.toString());
    }
}
