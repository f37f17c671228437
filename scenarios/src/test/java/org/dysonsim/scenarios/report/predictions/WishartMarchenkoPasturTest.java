package org.dysonsim.scenarios.report.predictions;

import org.dysonsim.scenarios.report.predictions.RunStart;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.Ensembles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.WishartConvention;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.scenarios.ModelMapping;
import org.junit.jupiter.api.Test;

/**
 * Zero-gradient Wishart runs (n = 8, m = 32, s² = 2ηD = 0.1) against the time-dependent
 * Marchenko–Pastur law of W₀ + sB(t): Bru's equation is the matrix process and passes; the
 * convention printed by Olsen et al. is not and fails.
 */
class WishartMarchenkoPasturTest {
    private static final int N = 8, M = 32;
    /** 64 members × 8 levels: threshold 2.2253/√512 + 0.5/8 ≈ 0.16 (pooled levels, conservative). */
    private static final int MEMBERS = 64;

    private static RunResult run(WishartConvention convention) {
        RunSpec spec = new RunSpec("test", "test", "model = wishart", ModelMapping.wishart(M, N, 0.05, 1.0, convention,
                new Drift.Zero()), new InitialSpectrum.MarchenkoPastur(M, N, 0.05), StepSizeRule.adaptive(0.01, 12), 0.0025,
                400, 200, 13, MEMBERS, new RunSpec.Placement(64, 1), RunSpec.Coordinates.SINGULAR_VALUES,
                new RunSpec.Mapping.Wishart(M, 0.05, 1.0), RunSpec.Checks.DEFAULTS);
        return Ensembles.run(spec);
    }

    @Test
    void brusEquationFollowsTheMatrixLawAndThePrintedFormDoesNot() {
        RunResult bru = run(WishartConvention.BRU);
        Prediction p = Predictions.forRun(RunStart.of(bru)).stream().filter(q -> q instanceof WishartMarchenkoPastur).findFirst().orElseThrow();
        List<Comparison> c = Ensembles.compare(p, bru);
        assertEquals(List.of(0.5, 1.0), c.stream().map(Comparison::t).toList());
        for (Comparison x : c) assertTrue(x.pass(), x.toString());

        RunResult olsen = run(WishartConvention.OLSEN);
        Prediction q = Predictions.named(RunStart.of(olsen), "wishart-mp").orElseThrow();
        assertFalse(Ensembles.compare(q, olsen).stream().allMatch(Comparison::pass));
    }

    /**
     * The closed-form mean and variance against those integrated from the prediction's own CDF
     * (the mixture of Dozier–Silverstein laws over the members' starts): the same law's moments.
     * (They agree to 1e-5 and 6e-5; the cross term 2σ²(m + n)Σλ₀/n alone is twice the variance here.)
     */
    @Test
    void theMomentsAreTheLawsOwn() {
        Prediction p = Predictions.forRun(RunStart.of(run(WishartConvention.BRU))).stream()
                .filter(q -> q instanceof WishartMarchenkoPastur).findFirst().orElseThrow();
        double t = 1.0, hi = 12.0;
        double[] integrated = IntegratedMoments.of(p, t, 0.0, hi, 24_000);
        double first = integrated[0], integratedVariance = integrated[1];
        assertEquals(1.0, p.cdf(hi, t), 1e-9, "the range holds the whole law");
        double[] closed = p.moments(t).orElseThrow();
        assertEquals(first, closed[0], 1e-4 * first, "mean");
        assertEquals(integratedVariance, closed[1], 1e-3 * integratedVariance, "variance");
    }
}
