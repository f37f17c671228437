package org.dysonsim.scenarios.report.analyses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.physics.stats.CoupledBias;
import org.dysonsim.scenarios.report.Comparison;
import org.junit.jupiter.api.Test;

/**
 * Error control at every recorded time: a step bias that sits in the transient and is gone by the
 * last record is caught by {@link StepBiasOverTime}, where the last record alone passes.
 */
class StepBiasOverTimeTest {
    private static final int MEMBERS = 400, PAIRED = 8, LEVELS = 3;
    private static final double SPREAD = 0.1;

    /** The run at one time: MEMBERS members of LEVELS levels around 0, 1, 2. */
    private static double[][] run(long time) {
        double[][] x = new double[MEMBERS][LEVELS];
        for (int m = 0; m < MEMBERS; m++) {
            for (int i = 0; i < LEVELS; i++) x[m][i] = i + SPREAD * CounterRng.gaussian(7, m, i, time, 0);
        }
        return x;
    }

    /** The first PAIRED members at h/2: the run's levels less {@code shift} on level 1, plus a small coupled noise. */
    private static double[][] companion(double[][] run, double shift, long time) {
        double[][] fine = new double[PAIRED][];
        for (int m = 0; m < PAIRED; m++) {
            fine[m] = run[m].clone();
            for (int i = 0; i < LEVELS; i++) fine[m][i] -= 1e-4 * CounterRng.gaussian(7, m, i, time, 1);
            fine[m][1] -= shift;
        }
        return fine;
    }

    private static double[][] paired(double[][] run) {
        return java.util.Arrays.copyOf(run, PAIRED);
    }

    private static boolean allWithinBudget(Map<String, CoupledBias> differences) {
        return differences.values().stream().allMatch(b -> b.withinBudget(StepBiasReport.Z));
    }

    @Test
    void aTransientBiasIsCaughtWhereTheLastRecordAlonePasses() {
        double se = SPREAD / Math.sqrt(MEMBERS);   // SE of a level's ensemble mean; the budget is ¼·5·SE = 1.25 SE
        double[][] early = run(1), last = run(2);
        double[][] fineEarly = companion(early, 3 * se, 1), fineLast = companion(last, 0.2 * se, 2);

        // the last record, statistic by statistic, as StepBiasReport judges it: all within budget
        assertTrue(allWithinBudget(StepBiasReport.differencesAt(last, paired(last), fineLast)));
        Comparison atLast = StepBiasOverTime.worstAt(0.2, last, paired(last), fineLast);
        assertTrue(atLast.pass(), atLast.toString());

        // the transient: one comparison for the time, failing, naming the biased statistic
        assertFalse(allWithinBudget(StepBiasReport.differencesAt(early, paired(early), fineEarly)));
        Comparison atEarly = StepBiasOverTime.worstAt(0.1, early, paired(early), fineEarly);
        assertFalse(atEarly.pass(), atEarly.toString());
        assertEquals(StepBiasOverTime.NAME, atEarly.name());
        assertTrue(atEarly.statistic().endsWith("mean of level 1"), atEarly.statistic());
        assertEquals(3 * se / (0.25 * StepBiasReport.Z * se), atEarly.value(), 0.05);
        assertEquals(0.1, atEarly.t());
    }

    @Test
    void theWorstShareIsTheLargestAndNaNWhenNoStandardErrorExists() {
        double[][] x = run(3);
        double[][] fine = companion(x, 0.0, 3);
        Comparison none = StepBiasOverTime.worstAt(0.3, x, paired(x), fine);
        assertTrue(none.pass() && none.value() < 0.1, none.toString());
        // one member: no standard error, so no verdict can pass
        double[][] one = {x[0]};
        Comparison single = StepBiasOverTime.worstAt(0.3, one, one, new double[][] {fine[0]});
        assertTrue(Double.isNaN(single.value()) && !single.pass(), single.toString());
    }
}
