package org.dysonsim.scenarios.report.analyses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.stats.CoupledBias;
import org.dysonsim.scenarios.ErrorControl;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.Decimals;
import org.dysonsim.scenarios.report.RecordSlice;
import org.dysonsim.scenarios.report.RecordSlices;
import org.dysonsim.scenarios.report.RecordedRun;

/**
 * Error control at the recorded times before the last (docs/physics.md §2, Error control): a step
 * bias of the transient is gone by the final record, so {@link StepBiasReport} alone would miss it.
 * At each compared time one comparison: the statistic of {@link StepBiasReport} (mean and variance of
 * every level and pooled, pooled CDF at its quartiles) whose coupled difference h − h/2 uses the
 * largest share of its budget ¼·z·SE; it passes when that share is at most 1, i.e. when every
 * statistic is within budget, so a run of N levels gets one line per time instead of 2N + 5.
 * At most {@link RecordSlices#MAX_COMPARED} times, spread evenly, and no more than {@link RecordSlices#BUDGET}
 * companion positions held.
 */
public final class StepBiasOverTime {
    /** The name of every comparison this makes. */
    public static final String NAME = "step bias over time";

    private final RunSpec spec;
    private final EnsembleSummary fineSummary;
    private final Map<Integer, double[][]> fineLevels;
    private final Map<Integer, Integer> pairedIndex = new HashMap<>();
    private final List<Comparison> comparisons = new ArrayList<>();

    private StepBiasOverTime(RunSpec spec, EnsembleSummary fineSummary, Map<Integer, double[][]> fineLevels, int[] fineMembers) {
        this.spec = spec;
        this.fineSummary = fineSummary;
        this.fineLevels = fineLevels;
        for (int j = 0; j < fineMembers.length; j++) pairedIndex.put(fineMembers[j], j);
    }

    /** Nothing to compare at earlier times: no companion (null), or one that cannot be compared (StepBiasReport says why). */
    private static StepBiasOverTime none(EnsembleSummary fineSummary) {
        return new StepBiasOverTime(null, fineSummary, Map.of(), new int[0]);
    }

    /** The companion's one-pass summary, null if none was recorded. */
    public EnsembleSummary fineSummary() {
        return fineSummary;
    }

    /**
     * Reads the companion's records at the compared times: every record but the first (both runs
     * start from the same state) and the last (judged statistic by statistic).
     */
    static StepBiasOverTime read(EnsembleSummary run, RecordedRun fine, EnsembleSummary fineSummary) {
        ErrorControl.Plan plan = ErrorControl.plan(run.spec());
        if (!plan.runsCompanion() || fine == null || run.recorded() == 0 || fineSummary.recorded() == 0
                || StepBiasReport.problem(run, fineSummary, plan.members()) != null
                || !Arrays.equals(run.stats().times(), fineSummary.stats().times())) {
            return none(fineSummary);
        }
        int records = run.stats().times().length;
        int held = (int) Math.max(1, RecordSlices.BUDGET / ((long) fineSummary.recorded() * run.spec().n()));
        int[] chosen = RecordSlices.spread(Math.max(0, records - 2), Math.min(RecordSlices.MAX_COMPARED, held));
        SortedSet<Integer> wanted = new TreeSet<>();
        for (int k : chosen) wanted.add(k + 1);
        Map<Integer, double[][]> levels = new HashMap<>();
        int[] members = null;
        for (SortedSet<Integer> batch : RecordSlices.batches(fineSummary.recorded(), run.spec().n(), wanted)) {
            for (RecordSlice slice : RecordSlices.read(fine.members(), batch).values()) {
                double[][] l = new double[slice.size()][];
                for (int j = 0; j < l.length; j++) l[j] = slice.levels(run.spec(), j);
                levels.put(slice.record(), l);
                members = slice.member();
            }
        }
        return new StepBiasOverTime(run.spec(), fineSummary, levels, members == null ? new int[0] : members);
    }

    /** The run's records this compares, to be read in the report's passes and handed to {@link #add}. */
    public SortedSet<Integer> records() {
        return new TreeSet<>(fineLevels.keySet());
    }

    /** Compares the run's record {@code slice} at time {@code t}, if it is one of {@link #records()}. */
    public void add(RecordSlice slice, double t) {
        double[][] fine = fineLevels.get(slice.record());
        if (fine == null) return;
        double[][] coarseAll = new double[slice.size()][];
        double[][] coarsePaired = new double[fine.length][];
        for (int j = 0; j < coarseAll.length; j++) {
            coarseAll[j] = slice.levels(spec, j);
            Integer paired = pairedIndex.get(slice.member()[j]);
            if (paired != null) coarsePaired[paired] = coarseAll[j];
        }
        comparisons.add(worstAt(t, coarseAll, coarsePaired, fine));
    }

    /** The comparisons made, in time order. */
    public List<Comparison> comparisons() {
        return comparisons.stream().sorted((a, b) -> Double.compare(a.t(), b.t())).toList();
    }

    /** The one comparison of a time: the statistic using the largest share of its budget. */
    static Comparison worstAt(double t, double[][] coarseAll, double[][] coarsePaired, double[][] fine) {
        String worst = null;
        CoupledBias worstBias = null;
        double share = 0.0;
        for (Map.Entry<String, CoupledBias> e : StepBiasReport.differencesAt(coarseAll, coarsePaired, fine).entrySet()) {
            CoupledBias b = e.getValue();
            double budget = b.budget(StepBiasReport.Z);
            double s = b.bias() == 0.0 ? 0.0 : Math.abs(b.bias()) / budget;   // NaN (too few members) is kept
            // the largest share; a NaN one (too few members for a standard error) stays the worst
            if (worst == null || (!Double.isNaN(share) && (Double.isNaN(s) || s > share))) {
                worst = e.getKey();
                worstBias = b;
                share = s;
            }
        }
        Map<String, Double> details = new LinkedHashMap<>();
        details.put("bias", worstBias.bias());
        details.put("bias_se", worstBias.biasSe());
        details.put("estimate", worstBias.estimate());
        details.put("estimate_se", worstBias.estimateSe());
        details.put("budget", worstBias.budget(StepBiasReport.Z));
        int statistics = 2 * coarseAll[0].length + (coarseAll[0].length > 1 ? 2 : 0) + StepBiasReport.QUARTILES.length;
        return new Comparison(NAME, "largest |coupled difference h − h/2| / (¼·z·SE) of " + statistics
                + " statistics, at " + worst, t, share, 1.0, share <= 1.0, "pass when every statistic's |mean over " + worstBias.pairs()
                + " members of stat_h − stat_h/2| ≤ ¼ · " + Decimals.of(StepBiasReport.Z, 4)
                + "·SE of its ensemble estimate at this time (docs/physics.md §2)", details, StepBiasReport.BIAS_POWER);
    }
}
