package org.dysonsim.scenarios.report.analyses;

import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.MatrixRun;
import org.dysonsim.scenarios.report.Power;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.dysonsim.scenarios.report.MemberSource;
import org.dysonsim.scenarios.report.RecordSlice;
import org.dysonsim.scenarios.report.RecordSlices;
import org.dysonsim.scenarios.report.RecordedRun;
import org.dysonsim.physics.monitor.SpectralDiagnostics;
import org.dysonsim.physics.monitor.TrainingStage;
import org.dysonsim.physics.monitor.TrainingStages;

/**
 * Spectral monitoring along training (issue 5) for a matrix-level run: at every record the
 * {@link SpectralDiagnostics} of the spectra of WᵀW of all members pooled (members are
 * independent trainings of the same network, so the pooled spectrum is the ensemble's), the
 * stage label and the stopping signal of {@link TrainingStages#DEFAULT}, and the mean minibatch
 * loss. Plotted against the step.
 */
public final class SpectralMonitoring {
    private SpectralMonitoring() {}

    /**
     * What the monitoring of a matrix run found: the diagnostics and stage of every record, the
     * record of the stopping signal (−1 if it never fired), the mean minibatch loss per record and
     * the width-growth check (empty where it does not apply).
     */
    public record Monitoring(MatrixRun matrix, int members, long[] steps, double[] times, List<SpectralDiagnostics> diagnostics,
                             TrainingStages rules, List<TrainingStage> stages, int stop, double[] loss,
                             List<Comparison> comparisons) {
        public double[] field(java.util.function.ToDoubleFunction<SpectralDiagnostics> f) {
            return diagnostics.stream().mapToDouble(f).toArray();
        }
    }

    /** Empty unless the run is a matrix-level run. */
    public static Optional<Monitoring> of(RecordedRun run, EnsembleSummary summary) {
        return summary.matrixRun().map(m -> of(run, m, summary));
    }

    /** Reads the run's members a few records at a time ({@link RecordSlices}) and once for the gradient records. */
    public static Monitoring of(RecordedRun run, MatrixRun matrix, EnsembleSummary summary) {
        long[] steps = summary.stats().steps();
        double[] times = summary.stats().times();
        SortedSet<Integer> all = new TreeSet<>();
        for (int k = 0; k < steps.length; k++) all.add(k);
        List<SpectralDiagnostics> d = new ArrayList<>();
        // record k pools the members that have it
        for (SortedSet<Integer> batch : RecordSlices.batches(summary.recorded(), run.spec().n(), all)) {
            for (RecordSlice slice : RecordSlices.read(run.members(), batch).values()) {
                d.add(SpectralDiagnostics.of(slice.positions(), matrix.rows(), matrix.cols(), steps[slice.record()]));
            }
        }
        Gradients g = Gradients.of(run.members(), steps.length);
        TrainingStages rules = TrainingStages.DEFAULT;
        return new Monitoring(matrix, summary.recorded(), steps, times, d, rules, rules.stages(d), rules.stoppingRecord(d),
                g.meanLoss(), widthGrowth(matrix, g, steps, times, d));
    }

    /**
     * What the gradient records of every member give: the mean minibatch loss over members at each
     * record, and the mean recorded per-sample variance of a gradient entry over all records.
     */
    record Gradients(double[] meanLoss, double noiseVariance, int noiseCount) {
        static Gradients of(MemberSource members, int records) {
            double[] sum = new double[records];
            int[] count = new int[records];
            double[] v = {0};
            int[] vCount = {0};
            members.forEach(m -> {
                if (m.values().length == 0) return;
                for (int k = 0; k < Math.min(records, m.gradients().size()); k++) {
                    sum[k] += m.gradients().get(k).loss();
                    count[k]++;
                }
                for (var g : m.gradients()) {
                    if (Double.isFinite(g.noiseVariance())) {
                        v[0] += g.noiseVariance();
                        vCount[0]++;
                    }
                }
            });
            for (int k = 0; k < records; k++) sum[k] = count[k] > 0 ? sum[k] / count[k] : Double.NaN;
            return new Gradients(sum, v[0], vCount[0]);
        }
    }

    /** Standard errors of the width-growth check (docs/physics.md §7). */
    static final double Z = 5.0;

    /**
     * Zero gradient, plain SGD: every step adds minibatch noise of variance α²v/|B| to each entry of
     * W (v the recorded per-sample variance of a gradient entry), so the fitted MP width grows from
     * its first value by {@code t_b·α²v/|B|} after t_b steps. Compared at the last record.
     */
    static List<Comparison> widthGrowth(MatrixRun matrix, Gradients gradients, long[] steps, double[] times, List<SpectralDiagnostics> d) {
        if (!matrix.loss().equals(MatrixRun.ZERO) || matrix.momentum() != 0.0 || d.size() < 2) return List.of();
        double v = gradients.noiseVariance();
        int count = gradients.noiseCount();
        int last = d.size() - 1;
        SpectralDiagnostics a = d.get(0), b = d.get(last);
        if (count == 0 || !Double.isFinite(a.mpSigma2()) || !Double.isFinite(b.mpSigma2())) return List.of();
        v /= count;
        double predicted = (steps[last] - steps[0]) * matrix.alpha() * matrix.alpha() * v / matrix.batch();
        double growth = b.mpSigma2() - a.mpSigma2();
        double se = Math.hypot(a.mpSigma2Se(), b.mpSigma2Se());
        java.util.Map<String, Double> details = new LinkedHashMap<>();
        details.put("growth", growth);
        details.put("predicted", predicted);
        details.put("standard_error", se);
        details.put("noise_variance", v);
        return List.of(new Comparison("MP width grows by the recorded minibatch noise, t_b·α²v/|B| (zero gradient)",
                "|Δσ² − t_b·α²v/|B||", times[last], Math.abs(growth - predicted), Z * se, Math.abs(growth - predicted) <= Z * se,
                String.format("pass when within %.1f standard errors of the two MP fits (first and last record)", Z), details,
                Power.ofTolerance(Z * se, predicted, "growth of the MP width")));
    }

}
