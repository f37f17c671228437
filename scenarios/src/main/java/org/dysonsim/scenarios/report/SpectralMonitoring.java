package org.dysonsim.scenarios.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.physics.monitor.SpectralDiagnostics;
import org.dysonsim.physics.monitor.TrainingStage;
import org.dysonsim.physics.monitor.TrainingStages;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Spectral monitoring along training (issue 5) for a matrix-level run: at every record the
 * {@link SpectralDiagnostics} of the spectra of WᵀW of all members pooled (members are
 * independent trainings of the same network, so the pooled spectrum is the ensemble's), the
 * stage label and the stopping signal of {@link TrainingStages#DEFAULT}, and the mean minibatch
 * loss. Plotted against the step.
 */
final class SpectralMonitoring {
    static final String KEY = "monitoring";

    private SpectralMonitoring() {}

    /** The diagnostics of every record; record k pools the members that have it. */
    static List<SpectralDiagnostics> diagnostics(RunResult run, MatrixRun matrix, long[] steps) {
        List<SpectralDiagnostics> out = new ArrayList<>();
        for (int k = 0; k < steps.length; k++) {
            List<double[]> spectra = new ArrayList<>();
            for (MemberTrajectory m : run.members()) if (m.values().length > k) spectra.add(m.values()[k]);
            out.add(SpectralDiagnostics.of(spectra.toArray(new double[0][]), matrix.rows(), matrix.cols(), steps[k]));
        }
        return out;
    }

    static ReportSection write(Path dir, RunResult run, MatrixRun matrix, SpectrumStatistics stats) throws IOException {
        long[] steps = stats.steps();
        List<SpectralDiagnostics> d = diagnostics(run, matrix, steps);
        TrainingStages rules = TrainingStages.DEFAULT;
        List<TrainingStage> stages = rules.stages(d);
        int stop = rules.stoppingRecord(d);
        double[] step = new double[steps.length];
        for (int k = 0; k < step.length; k++) step[k] = steps[k];

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("description", "diagnostics of the spectrum of WᵀW at every record, all " + run.members().size()
                + " members pooled; W is " + matrix.rows() + "×" + matrix.cols());
        json.put("tail_variant", "continuous untruncated power-law MLE α = 1 + (n − 1)/Σ ln(x_i/x_min), SE (α − 1)/√n,"
                + " x_min by the smallest KS distance among the upper half of the pooled eigenvalues (at most "
                + SpectralDiagnostics.TAIL_CANDIDATES + "); not WeightWatcher's truncated fit (docs/physics.md §5)");
        json.put("mp_fit", "A·P_MP(x; σ²) fitted to the eigenvalues of WᵀW/M (r = N/M) by binned Poisson likelihood on a window"
                + " inside the bulk; σ² is the entry variance, the edge M·σ²(1 + √r)² is in WᵀW units");
        json.put("diffusion_rule", "Olsen et al. Lemma 6.18: D ≈ (σ_max − σ_med)²/t_b, σ = √λ of one member, t_b = SGD steps;"
                + " mean over members; per step");
        json.put("step", steps);
        json.put("t", stats.times());
        json.put("loss", meanLoss(run, steps.length));
        json.put("tail_exponent", field(d, SpectralDiagnostics::tailExponent));
        json.put("tail_exponent_se", field(d, SpectralDiagnostics::tailExponentSe));
        json.put("tail_x_min", field(d, SpectralDiagnostics::tailXMin));
        json.put("tail_size", field(d, x -> x.tailSize()));
        json.put("mp_area", field(d, SpectralDiagnostics::mpArea));
        json.put("mp_area_se", field(d, SpectralDiagnostics::mpAreaSe));
        json.put("mp_sigma2", field(d, SpectralDiagnostics::mpSigma2));
        json.put("mp_sigma2_se", field(d, SpectralDiagnostics::mpSigma2Se));
        json.put("mp_edge", field(d, SpectralDiagnostics::mpEdge));
        json.put("fraction_beyond_edge", field(d, SpectralDiagnostics::fractionBeyondEdge));
        json.put("outliers_per_spectrum", field(d, SpectralDiagnostics::outliersPerSpectrum));
        json.put("diffusion", field(d, SpectralDiagnostics::diffusion));
        json.put("stage", stages.stream().map(TrainingStage::label).toList());
        json.put("stage_rules", String.format("tail present: fraction beyond the MP edge ≥ %.3g, at least %.3g eigenvalues per spectrum"
                + " beyond it and α ≤ %.3g; stable at record k: k ≥ %d, tail present at records k − %d … k and"
                + " |α_k − α_{k−%d}| ≤ %.3g·SE(α_k); label saturation if stable, heavy-tail-stabilisation if a tail is present,"
                + " else exploration", rules.minTailFraction(), rules.minOutliers(), rules.maxAlpha(),
                rules.window(), rules.window(), rules.window(), rules.seMultiple()));
        Map<String, Object> stopping = new LinkedHashMap<>();
        stopping.put("fired", stop >= 0);
        stopping.put("record", stop >= 0 ? stop : null);
        stopping.put("step", stop >= 0 ? steps[stop] : null);
        stopping.put("rule", "the first record at which the exponent is stable (no validation data used)");
        json.put("stopping_signal", stopping);

        Map<String, String> plots = new LinkedHashMap<>();
        double[] alpha = field(d, SpectralDiagnostics::tailExponent), alphaSe = field(d, SpectralDiagnostics::tailExponentSe);
        XYChart exponent = chart("Power-law exponent of the tail", "α");
        addWithErrors(exponent, "α ± SE", step, alpha, alphaSe);
        markStop(exponent, steps, stop, alpha);
        Plots.save(exponent, dir, "monitor-exponent");
        plots.put("monitor-exponent", "tail exponent α (± SE) against the step; the stopping signal marked");
        XYChart mp = chart("Marchenko–Pastur fit", "A, σ²/σ²(0), weight beyond the edge");
        double[] sigma = field(d, SpectralDiagnostics::mpSigma2);
        double s0 = sigma[0];
        double[] relative = new double[sigma.length];
        for (int k = 0; k < sigma.length; k++) relative[k] = sigma[k] / s0;
        addWithErrors(mp, "area A", step, field(d, SpectralDiagnostics::mpArea), field(d, SpectralDiagnostics::mpAreaSe));
        addLine(mp, "width σ²/σ²(0)", step, relative);
        addLine(mp, "fraction beyond the MP edge", step, field(d, SpectralDiagnostics::fractionBeyondEdge));
        Plots.save(mp, dir, "monitor-mp");
        plots.put("monitor-mp", "MP fit area A (± SE), width σ² relative to the first record and the weight beyond the MP edge against the step");
        XYChart diffusion = chart("Diffusion constant (Olsen et al. Lemma 6.18)", "D per step");
        addLine(diffusion, "(σ_max − σ_med)²/t_b", step, field(d, SpectralDiagnostics::diffusion));
        Plots.save(diffusion, dir, "monitor-diffusion");
        plots.put("monitor-diffusion", "estimated diffusion constant D against the step");
        XYChart stage = chart("Training stage", "0 exploration, 1 heavy-tail stabilisation, 2 saturation");
        double[] code = stages.stream().mapToDouble(TrainingStage::ordinal).toArray();
        XYSeries st = stage.addSeries("stage", step, code);
        st.setMarker(SeriesMarkers.CIRCLE);
        addLine(stage, "mean minibatch loss (scaled to [0, 2])", step, scaled(meanLoss(run, steps.length)));
        Plots.save(stage, dir, "monitor-stage");
        plots.put("monitor-stage", "stage label per record and the mean minibatch loss (rescaled) against the step");
        return new ReportSection(KEY, widthGrowth(run, matrix, steps, stats.times(), d), json, plots);
    }

    /** Standard errors of the width-growth check (docs/physics.md §7). */
    static final double Z = 5.0;

    /**
     * Zero gradient, plain SGD: every step adds minibatch noise of variance α²v/|B| to each entry of
     * W (v the recorded per-sample variance of a gradient entry), so the fitted MP width grows from
     * its first value by {@code t_b·α²v/|B|} after t_b steps. Compared at the last record.
     */
    static List<Comparison> widthGrowth(RunResult run, MatrixRun matrix, long[] steps, double[] times, List<SpectralDiagnostics> d) {
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
    static double[] meanLoss(RunResult run, int records) {
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

    private static double[] scaled(double[] y) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : y) if (Double.isFinite(v)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double[] out = new double[y.length];
        for (int k = 0; k < y.length; k++) out[k] = hi > lo ? 2 * (y[k] - lo) / (hi - lo) : 1.0;
        return out;
    }

    static double[] field(List<SpectralDiagnostics> d, java.util.function.ToDoubleFunction<SpectralDiagnostics> f) {
        return d.stream().mapToDouble(f).toArray();
    }

    static XYChart chart(String title, String axis) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("step").yAxisTitle(axis).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        return chart;
    }

    /** A series without its non-finite points (XChart cannot draw them). */
    static void addLine(XYChart chart, String name, double[] x, double[] y) {
        List<Integer> keep = finite(y, null);
        if (keep.isEmpty()) return;
        XYSeries s = chart.addSeries(name, pick(x, keep), pick(y, keep));
        s.setMarker(SeriesMarkers.NONE);
    }

    static void addWithErrors(XYChart chart, String name, double[] x, double[] y, double[] se) {
        List<Integer> keep = finite(y, se);
        if (keep.isEmpty()) return;
        XYSeries s = chart.addSeries(name, pick(x, keep), pick(y, keep), pick(se, keep));
        s.setMarker(SeriesMarkers.CIRCLE);
    }

    private static void markStop(XYChart chart, long[] steps, int stop, double[] y) {
        if (stop < 0 || !Double.isFinite(y[stop])) return;
        XYSeries s = chart.addSeries("stopping signal (step " + steps[stop] + ")", new double[] {steps[stop]}, new double[] {y[stop]});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.DIAMOND);
    }

    private static List<Integer> finite(double[] y, double[] se) {
        List<Integer> keep = new ArrayList<>();
        for (int k = 0; k < y.length; k++) if (Double.isFinite(y[k]) && (se == null || Double.isFinite(se[k]))) keep.add(k);
        return keep;
    }

    private static double[] pick(double[] a, List<Integer> keep) {
        return keep.stream().mapToDouble(k -> a[k]).toArray();
    }
}
