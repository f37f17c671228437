package org.dysonsim.scenarios.report.analyses;

import org.dysonsim.scenarios.report.predictions.RunStart;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.Ensembles;
import org.dysonsim.scenarios.report.predictions.HarmonicPairs;
import org.dysonsim.scenarios.report.predictions.Prediction;
import org.dysonsim.scenarios.report.predictions.Predictions;
import org.dysonsim.scenarios.report.predictions.TwoModePrediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dysonsim.actors.RunResult;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.scenarios.ModelMapping;
import org.junit.jupiter.api.Test;

/**
 * Two levels in one harmonic well (σ² = g²/Ω = 0.1), started almost degenerate at the centre:
 * from t = 5/Ω on, the two-mode density ρ, the Wigner surmise for the normalised spacing and
 * B = −4/27 (docs/physics.md §3).
 */
class HarmonicPairTest {
    private static final double G2 = 0.1, OMEGA = 1.0, CENTRE = 2.0;
    /** n_eff = 1200 members (one pair each): KS threshold 2.2253/√1200 ≈ 0.064. */
    private static final int MEMBERS = 1200;
    private static final RunResult RUN = Ensembles.run(Ensembles.spec(
            ModelMapping.coulomb(new double[] {G2, G2}, new Drift.Harmonic(new double[] {CENTRE, CENTRE}, new double[] {OMEGA, OMEGA}),
                    Wall.NONE, Wall.NONE),
            new InitialSpectrum.DegeneratePairs(new double[] {CENTRE}, 0.01), StepSizeRule.adaptive(0.01, 12), 0.01, 600, 50, 9,
            MEMBERS));

    @Test
    void theDefaultIsTheTwoModeDensityAtLateTimesOnly() {
        List<Prediction> p = Predictions.forRun(RunStart.of(RUN));
        assertEquals(1, p.size(), p.toString());
        assertFalse(p.get(0).appliesAt(4.9));
        List<Comparison> c = Ensembles.compare(p.get(0), RUN);
        assertEquals(List.of(5.0, 5.5, 6.0), c.stream().map(Comparison::t).toList());
        for (Comparison x : c) assertTrue(x.pass(), x.toString());
    }

    @Test
    void theSpacingFollowsTheSurmiseAndTheBinderCumulantIsMinusFourTwentySevenths() {
        List<Comparison> c = new PairStatistics().compare(Ensembles.summary(RUN), Ensembles.slice(RUN, Ensembles.summary(RUN).stats().times().length - 1));
        assertEquals(2, c.size(), c.toString());
        for (Comparison x : c) assertTrue(x.pass(), x.toString());
        assertEquals(-4.0 / 27.0, c.get(1).details().get("B"), 5 * c.get(1).details().get("standard_error"));
    }

    @Test
    void theSurmiseForBetaTwoIsRejected() {
        Comparison spacing = new PairStatistics(2).compare(Ensembles.summary(RUN), Ensembles.slice(RUN, Ensembles.summary(RUN).stats().times().length - 1)).get(0);
        assertFalse(spacing.pass(), spacing.toString());
    }

    @Test
    void theWignerPairsScenarioComparesEveryPair() {
        double[] centres = {0, 0, 10, 10, 20, 20, 30, 30};
        RunResult pairs = Ensembles.run(Ensembles.spec(
                ModelMapping.coulomb(new double[] {G2, G2, G2, G2, G2, G2, G2, G2}, new Drift.Harmonic(centres, new double[] {1, 1, 1, 1, 1, 1, 1, 1}),
                        Wall.NONE, Wall.NONE),
                new InitialSpectrum.DegeneratePairs(new double[] {0, 10, 20, 30}, 0.01), StepSizeRule.adaptive(0.01, 12), 0.01, 520, 520, 7,
                256));
        List<Comparison> c = new PairStatistics().compare(Ensembles.summary(pairs), Ensembles.slice(pairs, Ensembles.summary(pairs).stats().times().length - 1));
        assertEquals(4 + 1 + 1, c.size(), "four pairs, all pairs, Binder: " + c);
        for (Comparison x : c) assertTrue(x.pass(), x.toString());
        Comparison density = Ensembles.compare(new TwoModePrediction(HarmonicPairs.of(RunStart.of(pairs)).orElseThrow()), pairs).get(0);
        assertTrue(density.pass(), density.toString());
        assertEquals(4 * 256, density.details().get("n_eff"));
    }
}
