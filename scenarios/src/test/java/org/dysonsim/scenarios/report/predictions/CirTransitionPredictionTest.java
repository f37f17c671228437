package org.dysonsim.scenarios.report.predictions;

import org.dysonsim.scenarios.report.predictions.RunStart;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.Ensembles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dysonsim.actors.RunResult;
import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.init.InitialSpectrum;
import org.junit.jupiter.api.Test;

/** A CIR ensemble (exact transitions) held against the exact CIR transition law at three times. */
class CirTransitionPredictionTest {
    private static final CirModel MODEL = new CirModel(16, 1.0, 1.0, 0.1);
    private static final int MEMBERS = 128;   // n_eff = 2048: KS threshold 2.2253/√2048 ≈ 0.049
    private static final RunResult RUN = Ensembles.run(Ensembles.spec(MODEL, new InitialSpectrum.MarchenkoPastur(32, 16, 0.1),
            StepSizeRule.fixed(), 0.05, 60, 20, 3, MEMBERS));

    @Test
    void theEnsembleMatchesTheTransitionLawAtThreeTimes() {
        List<Comparison> c = Ensembles.compare(new CirTransitionPrediction(MODEL, RunStart.of(RUN)), RUN);
        assertEquals(List.of(1.0, 2.0, 3.0), c.stream().map(Comparison::t).toList());
        for (Comparison x : c) {
            assertTrue(x.pass(), x.toString());
            assertEquals(MEMBERS * 16, x.details().get("n_eff"));
        }
    }

    @Test
    void aNoiseFiftyPercentOffFailsAtSomeTime() {
        CirModel wrong = new CirModel(16, 1.0, 1.0, 0.15);
        List<Comparison> c = Ensembles.compare(new CirTransitionPrediction(wrong, RunStart.of(RUN)), RUN);
        assertFalse(c.stream().allMatch(Comparison::pass), c.toString());
    }

    @Test
    void thePlottedMixtureStartsFromEveryLevelNotFromOneLevelIndex() {
        // 128 members × 16 levels: a stride of 32 over member-ordered levels picks level 0 of every other member
        RunStart start = RunStart.of(RUN);
        double[] all = java.util.stream.IntStream.range(0, start.start().size())
                .mapToObj(j -> start.start().levels(RUN.spec(), j)).flatMapToDouble(java.util.Arrays::stream).sorted().toArray();
        double median = all[all.length / 2];
        double below = new CirTransitionPrediction(MODEL, start).cdf(median, 0.01);
        assertEquals(0.5, below, 0.05, "just after the start, half the mixture lies below the starts' median");
    }

    @Test
    void itsMomentsAreExactOverEveryStart() {
        RunStart start = RunStart.of(RUN);
        double[] all = java.util.stream.IntStream.range(0, start.start().size())
                .mapToObj(j -> start.start().levels(RUN.spec(), j)).flatMapToDouble(java.util.Arrays::stream).toArray();
        double mean0 = java.util.Arrays.stream(all).average().orElseThrow();
        double[] m = new CirTransitionPrediction(MODEL, start).moments(1.0).orElseThrow();
        // α₀ = β₁ = 1: E λ_t = 1 + (λ₀ − 1)e^{−t}, averaged over the starts
        assertEquals(1 + (mean0 - 1) * Math.exp(-1), m[0], 1e-12);
        assertTrue(m[1] > 0);
    }

    @Test
    void theDefaultsOfACirRunAreTheTransitionLawAndTheStationaryLaw() {
        List<String> names = Predictions.forRun(RunStart.of(RUN)).stream().map(Prediction::name).toList();
        assertTrue(names.stream().anyMatch(n -> n.startsWith("exact CIR transition")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("stationary gamma")), names.toString());
    }
}
