package org.dysonsim.scenarios.importing;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.physics.monitor.SpectralDiagnostics;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.scenarios.report.RecordedRun;
import org.dysonsim.scenarios.report.rendering.Json;
import org.dysonsim.scenarios.report.rendering.LayerMetricsSection;
import org.dysonsim.scenarios.report.rendering.NetworkLayers;
import org.dysonsim.scenarios.report.rendering.FigureQueue;
import org.dysonsim.scenarios.report.rendering.Plots;

/**
 * The report of a layered run without dynamics of its own (an import): per layer, its first and
 * final recorded spectra, pooled over members, against the Marchenko–Pastur law fitted to their
 * bulk ({@link SpectralDiagnostics}: MP area and width, the weight beyond the fitted edge, the tail
 * exponent). A layer with more columns than rows is read through WWᵀ, whose spectrum is the
 * nonzero part of WᵀW's. The learning rate and batch size saved with the weights ({@link TrainingSchedule})
 * are summarised and, where they vary, drawn against the step. Writes {@code report.json} and {@code report.html}.
 */
public final class LayerSpectraReport {
    public static final String JSON = "report.json";
    public static final String HTML = "report.html";

    private LayerSpectraReport() {}

    /** @return the HTML report's path */
    public static Path write(Path runDir, RecordedRun recorded) throws IOException {
        try (FigureQueue figures = FigureQueue.open()) {
            Path html = compose(runDir, recorded);
            figures.finish();
            return html;
        }
    }

    private static Path compose(Path runDir, RecordedRun recorded) throws IOException {
        RunResult run = recorded.inMemory();
        LayerLayout layout = run.spec().layers();
        List<Object> layers = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        StringBuilder figures = new StringBuilder();
        Files.createDirectories(runDir);
        List<Map<String, Object>> alongTraining = new ArrayList<>();
        if (!run.members().isEmpty() && run.members().get(0).steps().length > 0) {
            Plots.save(Plots.trajectories(run.spec(), run.members().get(0), "λ"), runDir, "trajectories");
            figures.append(figure("trajectories", "the largest eigenvalues of each layer against time, member 0"));
            Map<String, String> plots = new LinkedHashMap<>();
            alongTraining = LayerMetricsSection.write(layout, run.members().get(0), run.spec().seed(), runDir, plots);
            plots.forEach((base, caption) -> figures.append(figure(base, caption)));
        }
        TrainingSchedule schedule = ImportedRunSpec.schedule(ConfigFactory.parseString(run.spec().scenarioText()));
        figures.append(scheduleFigures(runDir, schedule, run));
        for (int l = 0; l < layout.layers().size(); l++) {
            LayerLayout.Layer layer = layout.layers().get(l);
            figures.append(finalSpectrum(runDir, run, layout, l));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", layer.name());
            entry.put("rows", layer.rows());
            entry.put("cols", layer.cols());
            entry.put("first", describe(run, layout, l, true));
            Map<String, Object> last = describe(run, layout, l, false);
            entry.put("final", last);
            if (!alongTraining.isEmpty()) entry.putAll(alongTraining.get(l));
            layers.add(entry);
            rows.append("<tr><td>").append(escape(layer.name())).append("</td><td>").append(layer.rows()).append(" × ")
                    .append(layer.cols()).append("</td>");
            for (String key : List.of("step", "mpArea", "mpSigma2", "fractionBeyondEdge", "largest", "mpEdge", "tailExponent")) {
                rows.append("<td>").append(format(last.get(key))).append("</td>");
            }
            rows.append("</tr>\n");
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("runId", run.spec().runId());
        report.put("name", run.spec().scenarioName());
        report.put("model", ImportedRunSpec.MODEL);
        report.put("members", run.members().size());
        report.put("training", schedule.json());
        report.put("layers", layers);
        Files.writeString(runDir.resolve(JSON), Json.write(report));
        Path html = runDir.resolve(HTML);
        Files.writeString(html, "<!doctype html><meta charset=\"utf-8\"><title>" + escape(run.spec().runId()) + "</title>\n"
                + "<h1>" + escape(run.spec().runId()) + "</h1>\n<p>Imported run, " + run.members().size() + " member(s). Per"
                + " layer, the final recorded spectrum of WᵀW (pooled over members) against the Marchenko–Pastur law fitted"
                + " to its bulk (docs/physics.md §5); every number is in report.json.</p>\n<p>" + escape(schedule.summary())
                + "</p>\n" + figures
                + "<table border=\"1\">\n"
                + "<tr><th>layer</th><th>shape</th><th>step</th><th>MP area</th><th>MP σ²</th><th>beyond edge</th>"
                + "<th>largest λ</th><th>MP edge</th><th>tail α</th></tr>\n" + rows + "</table>\n");
        return html;
    }

    /** The learning rate and batch size against the step, each where it varies along the records. */
    private static String scheduleFigures(Path runDir, TrainingSchedule schedule, RunResult run) throws IOException {
        if (run.members().isEmpty()) return "";
        long[] steps = run.members().get(0).steps();
        StringBuilder out = new StringBuilder();
        for (var e : schedule.varying().entrySet()) {
            if (e.getValue().length != steps.length) continue;
            String base = "training-" + e.getKey().replace('_', '-');
            String what = e.getKey().equals("lr") ? "learning rate" : "batch size";
            Plots.save(Plots.perLayer("The " + what + " saved with the weights", e.getKey(),
                    Arrays.stream(steps).asDoubleStream().toArray(), Map.of(e.getKey(), e.getValue())), runDir, base);
            out.append(figure(base, "the " + what + " saved with the weights against the step"));
        }
        return out.toString();
    }

    private static String figure(String base, String caption) {
        return "<figure><img src=\"" + base + ".png\" alt=\"" + escape(caption) + "\"><figcaption>" + escape(caption)
                + "</figcaption></figure>\n";
    }

    /** Layer {@code l}'s final nonzero eigenvalues (pooled over members) against the MP law fitted to its bulk, drawn. */
    private static String finalSpectrum(Path runDir, RunResult run, LayerLayout layout, int l) throws IOException {
        LayerLayout.Layer layer = layout.layers().get(l);
        Spectra last = spectra(run, layout, l, false);
        if (last.pooled().length == 0) return "";
        int q = Math.max(layer.rows(), layer.cols()), p = Math.min(layer.rows(), layer.cols());
        SpectralDiagnostics d = SpectralDiagnostics.of(last.pooled(), q, p, Math.max(last.step(), 0));
        String base = "layer-" + l + "-final";
        Plots.save(Plots.density(layer.name() + ": final spectrum of WᵀW, step " + last.step(), "λ",
                Arrays.stream(last.pooled()).flatMapToDouble(Arrays::stream).toArray(), NetworkLayers.fittedLaw(d, q, p), 0.0),
                runDir, base);
        return figure(base, layer.name() + ": final nonzero eigenvalues of WᵀW (all members) against the MP law fitted to its bulk");
    }

    /** A layer's nonzero eigenvalues at one record of every member that has one, and that record's step. */
    private record Spectra(double[][] pooled, long step) {}

    private static Spectra spectra(RunResult run, LayerLayout layout, int l, boolean first) {
        LayerLayout.Layer layer = layout.layers().get(l);
        List<double[]> spectra = new ArrayList<>();
        long step = -1;
        for (MemberTrajectory m : run.members()) {
            if (m.steps().length == 0) continue;
            int record = first ? 0 : m.steps().length - 1;
            spectra.add(NetworkLayers.nonzero(layer, layout.of(m.values()[record], l)));
            step = m.steps()[record];
        }
        return new Spectra(spectra.toArray(new double[0][]), step);
    }

    /** The diagnostics of layer {@code l} at the first or final record every member has. */
    static Map<String, Object> describe(RunResult run, LayerLayout layout, int l, boolean first) {
        LayerLayout.Layer layer = layout.layers().get(l);
        int rows = Math.max(layer.rows(), layer.cols()), cols = Math.min(layer.rows(), layer.cols());
        Spectra at = spectra(run, layout, l, first);
        long step = at.step();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("step", step);
        if (at.pooled().length == 0) return out;
        double[][] pooled = at.pooled();
        SpectralDiagnostics d = SpectralDiagnostics.of(pooled, rows, cols, Math.max(step, 0));
        out.put("largest", Arrays.stream(pooled).mapToDouble(s -> s[s.length - 1]).max().orElse(Double.NaN));
        out.put("mpArea", d.mpArea());
        out.put("mpSigma2", d.mpSigma2());
        out.put("mpEdge", d.mpEdge());
        out.put("fractionBeyondEdge", d.fractionBeyondEdge());
        out.put("outliersPerSpectrum", d.outliersPerSpectrum());
        out.put("tailExponent", d.tailExponent());
        return out;
    }

    private static String format(Object value) {
        if (value instanceof Double d) return Double.isFinite(d) ? String.format(java.util.Locale.ROOT, "%.4g", d) : "–";
        return escape(String.valueOf(value));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
