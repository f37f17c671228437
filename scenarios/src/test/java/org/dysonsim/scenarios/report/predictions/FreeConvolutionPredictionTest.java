package org.dysonsim.scenarios.report.predictions;

import org.dysonsim.scenarios.report.predictions.RunStart;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.Ensembles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.physics.exact.DysonOuSampler;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.scenarios.ModelMapping;
import org.junit.jupiter.api.Test;

/** Pure Dyson Brownian motion from Marchenko–Pastur starts against the free convolution with a semicircle. */
class FreeConvolutionPredictionTest {
    private static final int N = 16;
    private static final int MEMBERS = 128;   // 2048 pooled levels: threshold 2.2253/√2048 + 0.5/16 ≈ 0.08 (conservative: pooled levels are rigid)
    private static final double G2 = 1.0;
    private static final InitialSpectrum INIT = new InitialSpectrum.MarchenkoPastur(32, N, 0.05);   // narrow: the semicircle (τ = N g² t = 8 at t = 0.5) dominates
    private static final RunResult RUN = Ensembles.run(Ensembles.spec(
            ModelMapping.coulomb(filled(G2), new Drift.Zero(), Wall.NONE, Wall.NONE), INIT, StepSizeRule.adaptive(0.01, 12),
            0.002, 250, 125, 5, MEMBERS));

    private static double[] filled(double v) {
        double[] x = new double[N];
        java.util.Arrays.fill(x, v);
        return x;
    }

    @Test
    void theGasFollowsTheFreeConvolutionAtEveryRecordedTime() {
        List<Prediction> p = Predictions.forRun(RunStart.of(RUN));
        assertEquals(2, p.size(), "Marchenko–Pastur at t = 0 and the free convolution: " + p);
        List<Comparison> c = Ensembles.compare(p.get(1), RUN);
        assertEquals(List.of(0.25, 0.5), c.stream().map(Comparison::t).toList());
        for (Comparison x : c) assertTrue(x.pass(), x.toString());
    }

    @Test
    void aDoubledNoiseFails() {
        List<Comparison> c = Ensembles.compare(new FreeConvolutionPrediction(0, 0, 2.0 * G2, RunStart.of(RUN)), RUN);
        assertFalse(c.stream().allMatch(Comparison::pass), c.toString());
    }

    /**
     * The finite-N allowance: the exact finite-N sampler (docs/physics.md §3) with many members, so that
     * the KS noise is small, differs from the large-N prediction by less than the allowance 0.5/N.
     */
    @Test
    void theExactFiniteNLawIsWithinTheAllowanceOfTheLargeNLimit() {
        for (int n : new int[] {8, 32}) {
            InitialSpectrum init = new InitialSpectrum.MarchenkoPastur(2 * n, n, 0.5);
            int members = 40_000 / n;
            List<MemberTrajectory> m = new ArrayList<>();
            for (int k = 0; k < members; k++) {
                double[] x0 = init.sample(11, k);
                double[] x1 = new DysonOuSampler(x0, 0.0, G2, 0.5).sample(11, k);
                java.util.Arrays.sort(x1);
                m.add(new MemberTrajectory(k, new long[] {0, 1}, new double[] {0, 0.5}, new double[][] {x0, x1}));
            }
            double[] g2 = new double[n];
            java.util.Arrays.fill(g2, G2);
            RunResult exact = new RunResult(Ensembles.spec(ModelMapping.coulomb(g2, new Drift.Zero(), Wall.NONE, Wall.NONE), init,
                    StepSizeRule.fixed(), 0.5, 1, 1, 11, members), m, null);
            Comparison c = new FreeConvolutionPrediction(0, 0, G2, RunStart.of(exact)).compare(exact.spec(), Ensembles.slice(exact, 1), 0.5);
            double noise = 2.2253 / Math.sqrt(members * n);
            assertTrue(c.value() < noise + FreeConvolutionPrediction.FINITE_SIZE / n, n + ": " + c);
            System.out.printf("free convolution vs exact finite N: N = %d, KS %.4g, N·KS %.3g%n", n, c.value(), n * c.value());
        }
    }

    /**
     * The closed-form mean and variance (free cumulants add) against those integrated from the
     * prediction's own CDF, for a harmonic well with its centre off zero: they agree to the CDF
     * table's accuracy, and a variance without τ would be off by τ.
     */
    @Test
    void theMomentsAreTheLawsOwn() {
        FreeConvolutionPrediction p = new FreeConvolutionPrediction(0.3, 1.5, G2, RunStart.of(RUN));
        double t = 0.2;
        double[] integrated = IntegratedMoments.of(p, t, -8, 9, 200_000);
        double first = integrated[0], integratedVariance = integrated[1];
        double[] closed = p.moments(t).orElseThrow();
        assertEquals(first, closed[0], 1e-4, "mean");
        assertEquals(integratedVariance, closed[1], 1e-3 * integratedVariance, "variance");
        assertTrue(integratedVariance > 1.0, "the semicircle dominates: τ = " + integratedVariance);
    }
}
