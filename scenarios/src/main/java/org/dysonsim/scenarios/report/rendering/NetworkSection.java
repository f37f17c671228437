package org.dysonsim.scenarios.report.rendering;

import org.dysonsim.scenarios.report.Decimals;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.physics.laws.MarchenkoPastur;
import org.dysonsim.physics.monitor.SpectralDiagnostics;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.protocol.TrajectoryEvent;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.RecordedRun;
import org.dysonsim.scenarios.report.analyses.EnsembleSummary;
import org.dysonsim.scenarios.report.predictions.Prediction;

/**
 * The report of a network run ({@code model = network}), per layer: the spectrum of WᵀW at the
 * start against the Marchenko–Pastur law of its Gaussian W₀ (KS at level 1e-4, a verdict), and at the end
 * against the MP law fitted to its bulk (area, edge, outliers beyond it: how far the layer left
 * MP); and the network's train loss, test loss and test accuracy against step. A layer's zero
 * eigenvalues are left out ({@link NetworkLayers}).
 */
final class NetworkSection {
    private NetworkSection() {}

    /** The run itself when it is a network run: its section reads every member. */
    static Optional<RecordedRun> of(RecordedRun run, EnsembleSummary summary) {
        return run.spec().model() instanceof NetworkModel && run.spec().layers() != null ? Optional.of(run) : Optional.empty();
    }

    static ReportSection render(RecordedRun recorded, Path dir) throws IOException {
        RunResult run = recorded.inMemory();
        NetworkModel model = (NetworkModel) run.spec().model();
        LayerLayout layout = run.spec().layers();
        List<MemberTrajectory> members = run.members();
        int last = members.stream().mapToInt(m -> m.values().length).min().orElse(0) - 1;
        if (last < 0) return new ReportSection("network", List.of(), Map.of(), Map.of());
        List<Comparison> comparisons = new ArrayList<>();
        Map<String, String> plots = new LinkedHashMap<>();
        List<Object> layers = new ArrayList<>();
        List<Map<String, Object>> alongTraining = LayerMetricsSection.write(layout, members.get(0), run.spec().seed(), dir, plots);
        List<Map<String, Object>> forecasts = LayerForecastSection.write(model, layout, members, run.spec().seed(), dir, plots);
        List<Map<String, Object>> companions = LayerCompanionSection.write(layout, model.topK(), model.sgd(), members.get(0),
                run.spec().seed(), dir, plots);
        for (int l = 0; l < layout.layers().size(); l++) {
            LayerLayout.Layer layer = layout.layers().get(l);
            int p = Math.min(layer.rows(), layer.cols()), q = Math.max(layer.rows(), layer.cols());
            double[][] first = nonzero(members, 0, layout, l), end = nonzero(members, last, layout, l);
            double[] pooled = Arrays.stream(first).flatMapToDouble(Arrays::stream).toArray();
            MarchenkoPastur initial = NetworkLayers.initialLaw(model, layer);
            comparisons.add(NetworkLayers.againstInitialLaw(layer, pooled, initial, 0.0));
            long steps = members.get(0).steps()[last];
            SpectralDiagnostics start = SpectralDiagnostics.of(first, q, p, 0);
            SpectralDiagnostics fin = SpectralDiagnostics.of(end, q, p, steps);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", layer.name());
            json.put("rows", layer.rows());
            json.put("cols", layer.cols());
            json.put("initial_mp_edge", initial.upper());
            json.put("initial", diagnostics(start, first));
            json.put("final", diagnostics(fin, end));
            json.putAll(alongTraining.get(l));
            json.put(LayerForecastSection.KEY, forecasts.get(l));
            json.put(LayerCompanionSection.KEY, companions.get(l));
            layers.add(json);
            String base = "network-" + layer.name() + "-final";
            Plots.save(Plots.density(layer.name() + ": final spectrum of WᵀW, step " + steps, "λ",
                    Arrays.stream(end).flatMapToDouble(Arrays::stream).toArray(), NetworkLayers.fittedLaw(fin, q, p), 0.0), dir, base);
            plots.put(base, layer.name() + ": final nonzero eigenvalues of WᵀW (all members) against the MP law fitted to the bulk");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("layers", layers);
        json.put("metrics", metrics(dir, members.get(0), plots));
        return new ReportSection("network", comparisons, json, plots);
    }

    private static Map<String, Object> diagnostics(SpectralDiagnostics d, double[][] spectra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mp_area", d.mpArea());
        m.put("mp_sigma2", d.mpSigma2());
        m.put("mp_edge", d.mpEdge());
        m.put("outliers_per_spectrum", d.outliersPerSpectrum());
        m.put("largest", Arrays.stream(spectra).mapToDouble(s -> s[s.length - 1]).max().orElse(Double.NaN));
        return m;
    }

    /** Member 0's train loss, test loss and test accuracy against step, plotted. */
    private static Map<String, Object> metrics(Path dir, MemberTrajectory member, Map<String, String> plots) throws IOException {
        List<TrajectoryEvent.NetworkMetricsRecorded> m = member.metrics();
        double[] step = m.stream().mapToDouble(TrajectoryEvent.NetworkMetricsRecorded::step).toArray();
        double[] train = m.stream().mapToDouble(TrajectoryEvent.NetworkMetricsRecorded::trainLoss).toArray();
        double[] test = m.stream().mapToDouble(TrajectoryEvent.NetworkMetricsRecorded::testLoss).toArray();
        double[] accuracy = m.stream().mapToDouble(TrajectoryEvent.NetworkMetricsRecorded::testAccuracy).toArray();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("member", member.member());
        json.put("step", step);
        json.put("train_loss", train);
        json.put("test_loss", test);
        json.put("test_accuracy", accuracy);
        if (step.length > 0) {
            Plots.save(Plots.series("Test loss (member " + member.member() + ")", "test loss", step, test), dir, "network-test-loss");
            plots.put("network-test-loss", "cross-entropy on the held-out images against step (x axis: step)");
            Plots.save(Plots.series("Test accuracy (member " + member.member() + ")", "test accuracy", step, accuracy), dir,
                    "network-test-accuracy");
            plots.put("network-test-accuracy", "fraction of held-out images classified right against step (x axis: step)");
            Plots.save(Plots.series("Train loss (member " + member.member() + ")", "minibatch loss", step, train), dir,
                    "network-train-loss");
            plots.put("network-train-loss", "minibatch loss against step (x axis: step)");
        }
        return json;
    }

    /** The nonzero eigenvalues of layer {@code layer} at record {@code k} of each member. */
    private static double[][] nonzero(List<MemberTrajectory> members, int k, LayerLayout layout, int layer) {
        double[][] out = new double[members.size()][];
        for (int m = 0; m < out.length; m++) {
            out[m] = NetworkLayers.nonzero(layout.layers().get(layer), layout.of(members.get(m).values()[k], layer));
        }
        return out;
    }
}
