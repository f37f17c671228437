package org.dysonsim.physics.sgd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.GasStepper;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * A weight matrix trained on pure minibatch noise and the Wishart particle model with the rate of
 * {@link WishartMatch} agree in distribution at a fixed time (two-sample KS over independent
 * members, docs/physics.md §7), and the same test rejects the convention printed by Olsen et al. and a
 * rate off by the factor 2 of s² = 2ηD.
 */
class ZeroGradientWishartTest {
    private static final int M = 5, BATCH = 4, MEMBERS = 2000;
    private static final double[] S0 = {0.5, 1.0, 1.5};
    private static final int N = S0.length;
    /** α = 0.002 and T = 0.5: 250 SGD steps; the particle run uses the same step as time step. */
    private static final double ALPHA = 0.002, T = 0.5;
    private static final long STEPS = Math.round(T / ALPHA);
    /** σ² = |B| s²/α gives the rate s² = 1 (the rate of the gas fixtures' Wishart test). */
    private static final double SAMPLE_VARIANCE = BATCH * 1.0 / ALPHA;
    /** Virtual antithetic data set, far larger than the 1000 samples a member draws. */
    private static final int DATA = 1 << 20;
    /** Two-sample KS critical value of √(nm/(n+m))·D at 1e-3 (docs/physics.md §7). */
    private static final double KS_CRITICAL_1E3 = 1.9495;

    private static double[][] matrixRun() {
        double[][] ends = new double[MEMBERS][];
        SgdSettings sgd = new SgdSettings(ALPHA, BATCH, 0.0);
        for (int k = 0; k < MEMBERS; k++) {
            DMatrixRMaj w0 = new DMatrixRMaj(M, N);
            for (int i = 0; i < N; i++) w0.set(i, i, S0[i]);
            MinibatchLoss loss = MinibatchLoss.create(new LossSpec.ZeroGradient(SAMPLE_VARIANCE), M, N, DATA, BATCH, 71, k);
            MatrixTraining training = new MatrixTraining(loss, sgd, w0);
            training.advance(STEPS);
            ends[k] = singularValues(training.spectrum());
        }
        return ends;
    }

    private static double[] singularValues(double[] eigenvalues) {
        double[] s = new double[eigenvalues.length];
        for (int i = 0; i < s.length; i++) s[i] = Math.sqrt(Math.max(eigenvalues[i], 0));
        return s;
    }

    /** Bru's form (docs/physics.md §1) in singular values: g² = Coulomb = mirror = s²/2, wall (s²/2)(m − n). */
    private static GasModel bru(double s2) {
        double g2 = s2 / 2;
        return new GasModel(filled(g2), filled(g2), filled(g2), new Drift.Zero(), Wall.barrier(0.0, g2 * (M - N)), Wall.NONE);
    }

    /** Olsen et al.'s printed form: half the Coulomb and mirror terms, wall (s²/4)(m − n + 1). */
    private static GasModel olsen(double s2) {
        double g2 = s2 / 2;
        return new GasModel(filled(g2), filled(g2 / 2), filled(g2 / 2), new Drift.Zero(),
                Wall.barrier(0.0, g2 / 2 * (M - N + 1)), Wall.NONE);
    }

    private static double[][] particleRun(GasModel model) {
        double[][] ends = new double[MEMBERS][];
        for (int k = 0; k < MEMBERS; k++) {
            double[] x = S0.clone();
            GasStepper stepper = new GasStepper(model, StepSizeRule.fixed(), 43, k);
            for (long s = 0; s < STEPS; s++) stepper.advance(x, s, ALPHA);
            ends[k] = x;
        }
        return ends;
    }

    private static double worstKs(double[][] a, double[][] b) {
        double worst = 0;
        for (int i = 0; i < N; i++) worst = Math.max(worst, KolmogorovSmirnov.twoSample(column(a, i), column(b, i)).scaled());
        return worst;
    }

    @Test
    void minibatchNoiseFollowsBrusWishartProcessAndNotTheWrongOnes() {
        WishartMatch match = WishartMatch.of(ALPHA, BATCH, SAMPLE_VARIANCE);
        double[][] matrix = matrixRun();
        double agree = worstKs(matrix, particleRun(bru(match.s2())));
        assertTrue(agree < KS_CRITICAL_1E3, "Bru's form with s² = 2ηD: worst KS " + agree);
        double printed = worstKs(matrix, particleRun(olsen(match.s2())));
        assertTrue(printed > KS_CRITICAL_1E3, "the printed convention should be rejected: worst KS " + printed);
        double doubled = worstKs(matrix, particleRun(bru(2 * match.s2())));
        assertTrue(doubled > KS_CRITICAL_1E3, "s² = 4ηD (D = σ²/|B|) should be rejected: worst KS " + doubled);
    }

    private static double[] column(double[][] rows, int i) {
        double[] c = new double[rows.length];
        for (int k = 0; k < rows.length; k++) c[k] = rows[k][i];
        return c;
    }

    private static double[] filled(double v) {
        double[] a = new double[N];
        Arrays.fill(a, v);
        return a;
    }
}
