package org.dysonsim.scenarios.report.analyses;

import org.dysonsim.scenarios.report.Decimals;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.Power;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dysonsim.physics.laws.NormalLaw;
import org.dysonsim.physics.stats.CoupledBias;
import org.dysonsim.scenarios.ErrorControl;
import org.dysonsim.scenarios.report.RecordedRun;

/**
 * The step-size error control of a report (docs/physics.md §2): for each key statistic at the final
 * recorded time — the mean and variance of every level, of all levels pooled, and the pooled CDF
 * at its quartiles (what the KS comparisons with theory measure) — the coupled difference
 * between the run and its h/2 companion ({@link CoupledBias}) against a quarter of the
 * statistic's tolerance {@code z·SE}; at the earlier recorded times the worst of the same
 * statistics, one comparison per time ({@link StepBiasOverTime}). Recomputed from the recorded
 * trajectories alone, so a replay gives the same numbers.
 */
public final class StepBiasReport {
    /** Tolerance multiplier of the statistical tolerance the bias is a quarter of (docs/physics.md §7). */
    public static final double Z = 5.0;
    static final double[] QUARTILES = {0.25, 0.5, 0.75};
    /**
     * The CDF is smoothed over half the pooled interquartile range per level, about half a level
     * spacing; at least this many levels are assumed, so a run of one or two levels is not smoothed flat.
     */
    static final int MIN_SPACINGS = 4;
    private static final NormalLaw STANDARD_NORMAL = new NormalLaw(0.0, 1.0);
    /** The budget is a fixed share of the statistical tolerance it guards, so its power is that share in standard errors. */
    static final Power BIAS_POWER = Power.sizedByConstruction(0.25 * Z, "catches a step bias ≥ ¼·" + Decimals.of(Z)
            + " = " + Decimals.of(0.25 * Z) + " standard errors of the ensemble estimate: the bound is set by the statistical error it guards");

    /**
     * What error control found: its plan, why the companion cannot be compared (null if it can),
     * the final time, and the coupled difference of every statistic as a comparison; they enter
     * the verdict when the plan's mode is checked, else they are information only.
     *
     * @param comparisons what enters the run's verdict
     */
    public record StepBias(ErrorControl.Plan plan, String problem, double t, List<Comparison> differences,
                           List<Comparison> comparisons) {
        public boolean judged() {
            return plan.mode() == ErrorControl.Mode.CHECKED;
        }
    }

    /** A statistic as the ensemble mean of one value per member, given the final levels of a set of members. */
    private record Statistic(String name, java.util.function.Function<double[][], double[]> perMember) {}

    private StepBiasReport() {}

    /**
     * The companion's records at the run's earlier recorded times, to be handed the run's records
     * as they are read ({@link StepBiasOverTime#add}) and then to {@link #of}.
     *
     * @param fine the companion run, null if none was recorded
     */
    public static StepBiasOverTime overTime(EnsembleSummary run, RecordedRun fine) {
        return StepBiasOverTime.read(run, fine, fine == null ? null : EnsembleSummary.of(fine));
    }

    /** @param overTime the companion ({@link #overTime}), compared at the run's earlier recorded times */
    public static StepBias of(EnsembleSummary run, StepBiasOverTime overTime) {
        EnsembleSummary fine = overTime.fineSummary();
        ErrorControl.Plan plan = ErrorControl.plan(run.spec());
        if (!plan.runsCompanion()) return new StepBias(plan, null, Double.NaN, List.of(), List.of());
        boolean judged = plan.mode() == ErrorControl.Mode.CHECKED;
        String problem = problem(run, fine, plan.members());
        if (problem != null) {
            if (!judged || !run.succeeded()) return new StepBias(plan, problem, Double.NaN, List.of(), List.of());
            return new StepBias(plan, problem, Double.NaN, List.of(), List.of(new Comparison("step bias: companion run at h/2",
                    "recorded", Double.NaN, Double.NaN, Double.NaN, false, "the companion must complete: " + problem,
                    Power.sizedByConstruction(Double.NaN, "not statistical: the companion completes or not"))));
        }
        double[][] coarseAll = finalLevels(run);
        Map<Integer, double[]> coarseByMember = new TreeMap<>();
        for (int j = 0; j < coarseAll.length; j++) coarseByMember.put(run.finals().member()[j], coarseAll[j]);
        double[][] fineFinal = finalLevels(fine);
        double[][] coarsePaired = new double[fineFinal.length][];
        for (int m = 0; m < fineFinal.length; m++) coarsePaired[m] = coarseByMember.get(fine.finals().member()[m]);
        double t = run.first().times()[run.first().times().length - 1];

        // the earlier times first, then every statistic at the final time
        List<Comparison> differences = new ArrayList<>(overTime.comparisons());
        for (Map.Entry<String, CoupledBias> e : differencesAt(coarseAll, coarsePaired, fineFinal).entrySet()) {
            CoupledBias b = e.getValue();
            Map<String, Double> details = new LinkedHashMap<>();
            details.put("bias", b.bias());
            details.put("bias_se", b.biasSe());
            details.put("estimate", b.estimate());
            details.put("estimate_se", b.estimateSe());
            details.put("tolerance", b.tolerance(Z));
            differences.add(new Comparison("step bias: " + e.getKey(), "|coupled difference h − h/2|", t, Math.abs(b.bias()),
                    b.budget(Z), b.withinBudget(Z), "pass when |mean over " + b.pairs() + " members of stat_h − stat_h/2|"
                    + " ≤ ¼ · " + fmt(Z) + "·SE of the ensemble estimate (docs/physics.md §2)", details, BIAS_POWER));
        }
        return new StepBias(plan, null, t, differences, judged ? differences : List.of());
    }

    /**
     * The coupled difference h − h/2 of every key statistic at one recorded time, by name, in
     * report order.
     *
     * @param coarseAll    the levels of every member of the run
     * @param coarsePaired the levels of the members also run at h/2, in the companion's member order
     * @param fine         their levels in the companion
     */
    static Map<String, CoupledBias> differencesAt(double[][] coarseAll, double[][] coarsePaired, double[][] fine) {
        Map<String, CoupledBias> out = new LinkedHashMap<>();
        for (Statistic s : statistics(coarseAll)) {
            out.put(s.name(), CoupledBias.of(s.perMember().apply(coarseAll), s.perMember().apply(coarsePaired),
                    s.perMember().apply(fine)));
        }
        return out;
    }

    /** Why the companion cannot be compared, or null. */
    static String problem(EnsembleSummary run, EnsembleSummary fine, int expected) {
        if (!run.succeeded()) return "the run failed, so its companion was not run";
        if (fine == null) return "no companion run is recorded";
        if (!fine.succeeded()) return "the companion failed: " + fine.failure();
        if (fine.recorded() != expected || fine.members() != expected) return "the companion recorded " + fine.recorded() + " of " + expected + " members";
        long last = run.lastStep()[0];
        for (long step : run.lastStep()) if (step != last) return "the run's members end at different steps";
        Map<Integer, Long> byId = new TreeMap<>();
        for (int j = 0; j < run.recorded(); j++) byId.put(run.finals().member()[j], run.lastStep()[j]);
        for (int j = 0; j < fine.recorded(); j++) {
            int member = fine.finals().member()[j];
            if (!byId.containsKey(member)) return "companion member " + member + " is not a member of the run";
            if (fine.lastStep()[j] != last) return "companion member " + member + " ends at step " + fine.lastStep()[j] + ", the run at " + last;
        }
        return null;
    }

    private static double[][] finalLevels(EnsembleSummary run) {
        double[][] out = new double[run.recorded()][];
        for (int j = 0; j < out.length; j++) out[j] = run.finals().levels(run.spec(), j);
        return out;
    }

    private static List<Statistic> statistics(double[][] coarseAll) {
        int n = coarseAll[0].length;
        List<Statistic> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int mode = i;
            out.add(new Statistic("mean of level " + i, set -> column(set, mode)));
            out.add(new Statistic("variance of level " + i, set -> squaredDeviations(column(set, mode))));
        }
        if (n > 1) {
            out.add(new Statistic("mean of all levels", set -> Arrays.stream(set).mapToDouble(x -> mean(x)).toArray()));
            out.add(new Statistic("variance of all levels", StepBiasReport::pooledSquaredDeviations));
        }
        double[] pooled = Arrays.stream(coarseAll).flatMapToDouble(Arrays::stream).sorted().toArray();
        double width = (quantile(pooled, 0.75) - quantile(pooled, 0.25)) / (2.0 * Math.max(n, MIN_SPACINGS));
        for (double p : QUARTILES) {
            double q = quantile(pooled, p);
            out.add(new Statistic("pooled CDF at its " + (int) Math.round(100 * p) + "% quantile " + fmt(q)
                    + " (smoothed over " + fmt(width) + ")", set -> Arrays.stream(set)
                    .mapToDouble(x -> smoothedFractionAtMost(x, q, width)).toArray()));
        }
        return out;
    }

    private static double[] column(double[][] set, int i) {
        double[] out = new double[set.length];
        for (int m = 0; m < set.length; m++) out[m] = set[m][i];
        return out;
    }

    /** The influence values of a variance: each member's squared deviation from the set's mean. */
    private static double[] squaredDeviations(double[] x) {
        double mean = mean(x);
        double[] out = new double[x.length];
        for (int m = 0; m < x.length; m++) out[m] = (x[m] - mean) * (x[m] - mean);
        return out;
    }

    private static double[] pooledSquaredDeviations(double[][] set) {
        double mean = Arrays.stream(set).flatMapToDouble(Arrays::stream).average().orElse(Double.NaN);
        double[] out = new double[set.length];
        for (int m = 0; m < set.length; m++) {
            for (double v : set[m]) out[m] += (v - mean) * (v - mean) / set[m].length;
        }
        return out;
    }

    private static double quantile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    /**
     * The fraction of a member's levels at most q, each level counted as Φ((q − x)/width): the
     * coupled difference of a plain indicator is a few random flips of levels within O(h) of q,
     * which the coupling cannot make small; smoothed over half a level spacing it varies with
     * the levels as smoothly as a moment does.
     */
    private static double smoothedFractionAtMost(double[] x, double q, double width) {
        double sum = 0;
        for (double v : x) sum += width > 0 ? STANDARD_NORMAL.cdf((q - v) / width) : (v <= q ? 1 : 0);
        return sum / x.length;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    private static String fmt(double d) {
        return Decimals.of(d, 4);
    }
}
