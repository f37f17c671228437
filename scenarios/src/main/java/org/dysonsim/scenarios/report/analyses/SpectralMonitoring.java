package org.dysonsim.scenarios.report.analyses;

import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.MatrixRun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
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
    public static Optional<Monitoring> of(RunResult run, SpectrumStatistics stats) {
        return MatrixRun.of(run).map(m -> of(run, m, stats));
    }

    public static Monitoring of(RunResult run, MatrixRun matrix, SpectrumStatistics stats) {
        long[] steps = stats.steps();
        List<SpectralDiagnostics> d = diagnostics(run, matrix, steps);
        TrainingStages rules = TrainingStages.DEFAULT;
        return new Monitoring(matrix, run.members().size(), steps, stats.times(), d, rules, rules.stages(d),
                rules.stoppingRecord(d), meanLoss(run, steps.length), widthGrowth(run, matrix, steps, stats.times(), d));
    }

    /** The diagnostics of every record; record k pools the members that have it. */
    public static List<SpectralDiagnostics> diagnostics(RunResult run, MatrixRun matrix, long[] steps) {
        List<SpectralDiagnostics> out = new ArrayList<>();
        for (int k = 0; k < steps.length; k++) {
            List<double[]> spectra = new ArrayList<>();
            for (MemberTrajectory m : run.members()) if (m.values().length > k) spectra.add(m.values()[k]);
            out.add(SpectralDiagnostics.of(spectra.toArray(new double[0][]), matrix.rows(), matrix.cols(), steps[k]));
        }
        return out;
    }

    /** Standard errors of the width-growth check (docs/physics.md §7). */
    static final double Z = 5.0;

    /**
     * Zero gradient, plain SGD: every step adds minibatch noise of variance α²v/|B| to each entry of
     * W (v the recorded per-sample variance of a gradient entry), so the fitted MP width grows from
     * its first value by {@code t_b·α²v/|B|} after t_b steps. Compared at the last record.
     */
    public static List<Comparison> widthGrowth(RunResult run, MatrixRun matrix, long[] steps, double[] times, List<SpectralDiagnostics> d) {
        if (!matrix.loss().equals(MatrixRun.ZERO) || matrix.momentum() != 0.0 || d.size() < 2) return List.of();
        double v = 0;
        int count = 0;
        for (MemberTrajectory m : run.members()) {
            for (var g : m.gradients()) {
                if (Double.isFinite(g.noiseVariance())) {
                    v += g.noiseVariance();
                    count++;
                }
            }
        }
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
                String.format("pass when within %.1f standard errors of the two MP fits (first and last record)", Z), details));
    }

    /** The mean over members of the recorded minibatch loss at every record. */
    public static double[] meanLoss(RunResult run, int records) {
        double[] sum = new double[records];
        int[] count = new int[records];
        for (MemberTrajectory m : run.members()) {
            for (int k = 0; k < Math.min(records, m.gradients().size()); k++) {
                sum[k] += m.gradients().get(k).loss();
                count[k]++;
            }
        }
        for (int k = 0; k < records; k++) sum[k] = count[k] > 0 ? sum[k] / count[k] : Double.NaN;
        return sum;
    }

    static double[] field(List<SpectralDiagnostics> d, java.util.function.ToDoubleFunction<SpectralDiagnostics> f) {
        return d.stream().mapToDouble(f).toArray();
    }

}
