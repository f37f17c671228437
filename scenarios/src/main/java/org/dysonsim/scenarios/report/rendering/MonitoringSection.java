package org.dysonsim.scenarios.report.rendering;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dysonsim.physics.monitor.SpectralDiagnostics;
import org.dysonsim.physics.monitor.TrainingStage;
import org.dysonsim.physics.monitor.TrainingStages;
import org.dysonsim.scenarios.report.MatrixRun;
import org.dysonsim.scenarios.report.analyses.SpectralMonitoring.Monitoring;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The "monitoring" section of a matrix run's report ({@link org.dysonsim.scenarios.report.analyses.SpectralMonitoring}): its JSON and plots against the step. */
final class MonitoringSection {
    static final String KEY = "monitoring";

    private MonitoringSection() {}

    static ReportSection render(Monitoring m, Path dir) throws IOException {
        long[] steps = m.steps();
        MatrixRun matrix = m.matrix();
        TrainingStages rules = m.rules();
        List<TrainingStage> stages = m.stages();
        int stop = m.stop();
        double[] step = new double[steps.length];
        for (int k = 0; k < step.length; k++) step[k] = steps[k];

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("description", "diagnostics of the spectrum of WᵀW at every record, all " + m.members()
                + " members pooled; W is " + matrix.rows() + "×" + matrix.cols());
        json.put("tail_variant", "continuous untruncated power-law MLE α = 1 + (n − 1)/Σ ln(x_i/x_min), SE (α − 1)/√n,"
                + " x_min by the smallest KS distance among the upper half of the pooled eigenvalues (at most "
                + SpectralDiagnostics.TAIL_CANDIDATES + "); not WeightWatcher's truncated fit (docs/physics.md §5)");
        json.put("mp_fit", "A·P_MP(x; σ²) fitted to the eigenvalues of WᵀW/M (r = N/M) by binned Poisson likelihood on a window"
                + " inside the bulk; σ² is the entry variance, the edge M·σ²(1 + √r)² is in WᵀW units");
        json.put("diffusion_rule", "Olsen et al. Lemma 6.18: D ≈ (σ_max − σ_med)²/t_b, σ = √λ of one member, t_b = SGD steps;"
                + " mean over members; per step");
        json.put("step", steps);
        json.put("t", m.times());
        json.put("loss", m.loss());
        json.put("tail_exponent", m.field(SpectralDiagnostics::tailExponent));
        json.put("tail_exponent_se", m.field(SpectralDiagnostics::tailExponentSe));
        json.put("tail_x_min", m.field(SpectralDiagnostics::tailXMin));
        json.put("tail_size", m.field(x -> x.tailSize()));
        json.put("mp_area", m.field(SpectralDiagnostics::mpArea));
        json.put("mp_area_se", m.field(SpectralDiagnostics::mpAreaSe));
        json.put("mp_sigma2", m.field(SpectralDiagnostics::mpSigma2));
        json.put("mp_sigma2_se", m.field(SpectralDiagnostics::mpSigma2Se));
        json.put("mp_edge", m.field(SpectralDiagnostics::mpEdge));
        json.put("fraction_beyond_edge", m.field(SpectralDiagnostics::fractionBeyondEdge));
        json.put("outliers_per_spectrum", m.field(SpectralDiagnostics::outliersPerSpectrum));
        json.put("diffusion", m.field(SpectralDiagnostics::diffusion));
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
        lossChart(step, m.loss(), dir, plots);
        double[] alpha = m.field(SpectralDiagnostics::tailExponent), alphaSe = m.field(SpectralDiagnostics::tailExponentSe);
        XYChart exponent = Charts.chart("Power-law exponent of the tail", "α");
        Charts.addWithErrors(exponent, "α ± SE", step, alpha, alphaSe);
        markStop(exponent, steps, stop, alpha);
        Plots.save(exponent, dir, "monitor-exponent");
        plots.put("monitor-exponent", "tail exponent α (± SE) against the step; the stopping signal marked");
        XYChart mp = Charts.chart("Marchenko–Pastur fit", "A, σ²/σ²(0), weight beyond the edge");
        double[] sigma = m.field(SpectralDiagnostics::mpSigma2);
        double s0 = sigma[0];
        double[] relative = new double[sigma.length];
        for (int k = 0; k < sigma.length; k++) relative[k] = sigma[k] / s0;
        Charts.addWithErrors(mp, "area A", step, m.field(SpectralDiagnostics::mpArea), m.field(SpectralDiagnostics::mpAreaSe));
        Charts.addLine(mp, "width σ²/σ²(0)", step, relative);
        Charts.addLine(mp, "fraction beyond the MP edge", step, m.field(SpectralDiagnostics::fractionBeyondEdge));
        Plots.save(mp, dir, "monitor-mp");
        plots.put("monitor-mp", "MP fit area A (± SE), width σ² relative to the first record and the weight beyond the MP edge against the step");
        XYChart diffusion = Charts.chart("Diffusion constant (Olsen et al. Lemma 6.18)", "D per step");
        Charts.addLine(diffusion, "(σ_max − σ_med)²/t_b", step, m.field(SpectralDiagnostics::diffusion));
        Plots.save(diffusion, dir, "monitor-diffusion");
        plots.put("monitor-diffusion", "estimated diffusion constant D against the step");
        XYChart stage = Charts.chart("Training stage", "0 exploration, 1 heavy-tail stabilisation, 2 saturation");
        double[] code = stages.stream().mapToDouble(TrainingStage::ordinal).toArray();
        XYSeries st = stage.addSeries("stage", step, code);
        st.setMarker(SeriesMarkers.CIRCLE);
        Charts.addLine(stage, "mean minibatch loss (scaled to [0, 2])", step, scaled(m.loss()));
        Plots.save(stage, dir, "monitor-stage");
        plots.put("monitor-stage", "stage label per record and the mean minibatch loss (rescaled) against the step");
        return new ReportSection(KEY, m.comparisons(), json, plots);
    }

    /**
     * The mean minibatch loss against the step, on a log scale when it is positive (ticks labelled
     * within decades too: a loss that stays within one decade would otherwise get one label at
     * most); none when the loss is zero throughout.
     */
    private static void lossChart(double[] step, double[] loss, Path dir, Map<String, String> plots) throws IOException {
        if (java.util.Arrays.stream(loss).noneMatch(v -> Double.isFinite(v) && v != 0.0)) return;
        boolean positive = java.util.Arrays.stream(loss).filter(Double::isFinite).allMatch(v -> v > 0.0);
        XYChart chart = Charts.chart("Mean minibatch loss over members", positive ? "loss (log scale)" : "loss");
        chart.getStyler().setYAxisLogarithmic(positive);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        chart.getStyler().setLegendVisible(false);
        Charts.addLine(chart, "mean minibatch loss", step, loss);
        Plots.save(chart, dir, "monitor-loss");
        plots.put("monitor-loss", "mean minibatch loss over members against the step" + (positive ? ", on a log scale" : ""));
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
    private static void markStop(XYChart chart, long[] steps, int stop, double[] y) {
        if (stop < 0 || !Double.isFinite(y[stop])) return;
        XYSeries s = chart.addSeries("stopping signal (step " + steps[stop] + ")", new double[] {steps[stop]}, new double[] {y[stop]});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.DIAMOND);
    }
}
