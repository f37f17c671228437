package org.dysonsim.scenarios.report.rendering;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.physics.layers.LayerMetrics;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.scenarios.report.analyses.LayerMetricsAlongTraining;
import org.dysonsim.scenarios.report.analyses.LayerTailsAlongTraining;

/**
 * The per-layer analyses of a layered run along training, as report.json keys of each layer:
 * WeightWatcher's metrics at every record ({@link LayerMetricsAlongTraining}, {@code along_training},
 * figures of α and of the spikes against the step) and the tail verdict at a few records
 * ({@link LayerTailsAlongTraining}, {@code tail_along_training}, {@link LayerTailsSection}).
 */
public final class LayerMetricsSection {
    /** The report.json names of the metrics written at every record, in WeightWatcher's terms. */
    static final Map<String, ToDoubleFunction<LayerMetrics>> METRICS = new LinkedHashMap<>();

    static {
        METRICS.put("log_norm", LayerMetrics::logNorm);
        METRICS.put("log_spectral_norm", LayerMetrics::logSpectralNorm);
        METRICS.put("alpha", LayerMetrics::alpha);
        METRICS.put("alpha_se", LayerMetrics::alphaSe);
        METRICS.put("alpha_weighted", LayerMetrics::alphaWeighted);
        METRICS.put("log_alpha_norm", LayerMetrics::logAlphaNorm);
        METRICS.put("stable_rank", LayerMetrics::stableRank);
        METRICS.put("entropy", LayerMetrics::entropy);
        METRICS.put("mp_softrank", LayerMetrics::mpSoftrank);
        METRICS.put("num_spikes", LayerMetrics::numSpikes);
        METRICS.put("mp_area", LayerMetrics::mpArea);
        METRICS.put("fraction_beyond_edge", LayerMetrics::fractionBeyondEdge);
        METRICS.put("weight_beyond_edge", LayerMetrics::weightBeyondEdge);
    }

    private LayerMetricsSection() {}

    /**
     * Computes the analyses of member {@code member}'s layers, draws them into {@code dir} (names
     * added to {@code plots}) and returns each layer's report.json keys; {@code runSeed} seeds the
     * tail bootstraps.
     */
    public static List<Map<String, Object>> write(LayerLayout layout, MemberTrajectory member, long runSeed, Path dir,
                                                  Map<String, String> plots) throws IOException {
        List<LayerMetricsAlongTraining> layers = LayerMetricsAlongTraining.of(layout, member);
        List<LayerTailsAlongTraining> tails = LayerTailsAlongTraining.of(layout, member, runSeed);
        List<Map<String, Object>> json = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            LayerMetricsAlongTraining layer = layers.get(l);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("member", member.member());
            entry.put("step", layer.steps());
            METRICS.forEach((name, metric) -> entry.put(name, layer.series(metric)));
            Map<String, Object> keys = new LinkedHashMap<>();
            keys.put("along_training", entry);
            keys.put("tail_along_training", LayerTailsSection.json(tails.get(l), member.member()));
            json.add(keys);
        }
        if (member.steps().length > 0) {
            double[] steps = Arrays.stream(layers.get(0).steps()).asDoubleStream().toArray();
            draw(layers, steps, "alpha", "α", "Power-law tail exponent α of each layer (member " + member.member() + ")",
                    LayerMetrics::alpha, dir, plots);
            draw(layers, steps, "num_spikes", "spikes", "Eigenvalues beyond the MP edge + Tracy–Widom margin (member "
                    + member.member() + ")", LayerMetrics::numSpikes, dir, plots);
            LayerTailsSection.draw(tails, member.member(), dir, plots);
        }
        return json;
    }

    private static void draw(List<LayerMetricsAlongTraining> layers, double[] steps, String name, String axis, String title,
                             ToDoubleFunction<LayerMetrics> metric, Path dir, Map<String, String> plots) throws IOException {
        Map<String, double[]> series = new LinkedHashMap<>();
        for (LayerMetricsAlongTraining layer : layers) {
            double[] values = layer.series(metric);
            if (Arrays.stream(values).anyMatch(Double::isFinite)) series.put(layer.layer(), values);
        }
        if (series.isEmpty()) return; // no layer large enough for the metric
        String base = "layers-" + name.replace('_', '-');
        Plots.save(Plots.perLayer(title, axis, steps, series), dir, base);
        plots.put(base, "WeightWatcher's " + name + " of each layer against the step (docs/physics.md §8)");
    }
}
