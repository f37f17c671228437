package org.dysonsim.scenarios.report;

import org.dysonsim.scenarios.report.predictions.RunStart;
import org.dysonsim.scenarios.report.predictions.LawPrediction;
import org.dysonsim.scenarios.report.predictions.Prediction;
import org.dysonsim.scenarios.report.predictions.Predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.laws.MarchenkoPastur;
import org.junit.jupiter.api.Test;

class SpectralComparisonTest {
    private static final int ROWS = 32;
    private static final int N = 16;
    private static final int MEMBERS = 200;
    private static final double SIGMA2 = 0.5;

    private static double[] pooledInitialSpectra() {
        InitialSpectrum.MarchenkoPastur init = new InitialSpectrum.MarchenkoPastur(ROWS, N, SIGMA2);
        double[] pooled = new double[MEMBERS * N];
        for (int m = 0; m < MEMBERS; m++) System.arraycopy(init.sample(7, m), 0, pooled, m * N, N);
        return pooled;
    }

    private static Prediction mp(double sigma2) {
        return new LawPrediction("MP", MarchenkoPastur.ofGram(ROWS, N, sigma2), 0, 0, Predictions.MP_FINITE_SIZE);
    }

    @Test
    void sampledInitialSpectraPassTheirLaw() {
        Comparison c = mp(SIGMA2).pooled(0.0, pooledInitialSpectra(), N);
        assertTrue(c.pass(), c.toString());
        assertEquals("pass", c.verdict());
    }

    @Test
    void aQuickstartSizedComparisonCatchesATwofoldWidthErrorAndPasses() {
        // quickstart: 32 members × 16 levels pooled, threshold 2.2253/√512 + 0.5/16 ≈ 0.13 < 0.161, the KS distance of a factor 2
        double[] quickstart = java.util.Arrays.copyOf(pooledInitialSpectra(), 32 * N);
        Comparison c = mp(SIGMA2).pooled(0.0, quickstart, N);
        assertEquals("pass", c.verdict(), c.toString());
        assertTrue(c.power().value() > 1 && c.power().value() < 2, c.power().toString());
        assertTrue(c.power().rule().startsWith("catches a width off by ≥ 1."), c.power().rule());
    }

    @Test
    void aWidthTwentyPercentOffFailsTheSameThreshold() {
        Comparison c = mp(1.2 * SIGMA2).pooled(0.0, pooledInitialSpectra(), N);
        assertFalse(c.pass(), c.toString());
    }

    @Test
    void marchenkoPasturAppliesAtTimeZeroAndTheGammaLawAfterTenRelaxationTimes() {
        RunSpec spec = new RunSpec("id", "s", "", new CirModel(N, 1, 0.5, 0.1), new InitialSpectrum.MarchenkoPastur(ROWS, N, SIGMA2),
                StepSizeRule.fixed(), 0.1, 10, 1, 1, 1, 1, RunSpec.Coordinates.EIGENVALUES);
        List<Prediction> p = Predictions.forRun(RunStart.of(withStart(spec, 1.0)));
        assertEquals(3, p.size(), "Marchenko–Pastur, CIR transition, stationary gamma");
        p = List.of(p.get(0), p.get(2));
        assertTrue(p.get(0).appliesAt(0.0));
        assertFalse(p.get(0).appliesAt(0.1));
        assertFalse(p.get(1).appliesAt(19.9));
        assertTrue(p.get(1).appliesAt(20.0));
        // Gamma(shape α₀/(4ηD) = 2.5, scale 4ηD/β₁ = 0.8) has mean 2
        assertEquals(0.5, p.get(1).cdf(2.0, 30.0), 0.1);
        RunSpec explicit = new RunSpec("id", "s", "", new CirModel(1, 1, 0, 1), new InitialSpectrum.Explicit(new double[] {1}),
                StepSizeRule.fixed(), 0.1, 10, 1, 1, 1, 1, RunSpec.Coordinates.EIGENVALUES);
        assertTrue(Predictions.forRun(RunStart.of(withStart(explicit, 1.0))).stream().noneMatch(q -> q instanceof LawPrediction),
                "no stationary law without a restoring drift");
    }

    /** A run of one member that recorded only its start, every level at x. */
    private static org.dysonsim.actors.RunResult withStart(RunSpec spec, double x) {
        double[] start = new double[spec.n()];
        java.util.Arrays.fill(start, x);
        return new org.dysonsim.actors.RunResult(spec, List.of(new org.dysonsim.actors.MemberTrajectory(0, new long[] {0},
                new double[] {0.0}, new double[][] {start})), null);
    }
}
