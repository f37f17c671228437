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
import org.dysonsim.scenarios.report.analyses.BulkSpacingsAlongTraining;
import org.dysonsim.scenarios.report.analyses.LayerMetricsAlongTraining;
import org.dysonsim.scenarios.report.analyses.LayerTailsAlongTraining;
import org.dysonsim.scenarios.report.analyses.RandomDistanceAlongTraining;
import org.dysonsim.scenarios.report.analyses.StoppingAgainstPlateau;

/**
 * The per-layer analyses of a layered run along training, as report.json keys of each layer:
 * WeightWatcher's metrics at every record ({@link LayerMetricsAlongTraining}, {@code along_training},
 * figures of α and of the spikes against the step) and the tail verdict at a few records
 * ({@link LayerTailsAlongTraining}, {@code tail_along_training}, {@link LayerTailsSection}) and the
 * level statistics of the bulk at the same records ({@link BulkSpacingsAlongTraining},
 * {@code bulk_spacings_along_training}, {@link BulkSpacingsSection}); the random distance where the
 * run measured it ({@link RandomDistanceSection}, in {@code along_training}); and the lag of the stopping
 * signal behind the test-accuracy plateau ({@link StoppingAgainstPlateau}, {@code stopping_signal},
 * in the α figure's caption).
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
        List<BulkSpacingsAlongTraining> spacings = BulkSpacingsAlongTraining.of(layout, member);
        List<RandomDistanceAlongTraining> distances = RandomDistanceAlongTraining.of(layout, member);
        List<Map<String, Object>> json = new ArrayList<>();
        List<StoppingAgainstPlateau> stops = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            LayerMetricsAlongTraining layer = layers.get(l);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("member", member.member());
            entry.put("step", layer.steps());
            METRICS.forEach((name, metric) -> entry.put(name, layer.series(metric)));
            RandomDistanceSection.json(distances.get(l), layer.steps(), entry);
            Map<String, Object> keys = new LinkedHashMap<>();
            keys.put("along_training", entry);
            keys.put("tail_along_training", LayerTailsSection.json(tails.get(l), member.member()));
            keys.put("bulk_spacings_along_training", BulkSpacingsSection.json(spacings.get(l), member.member()));
            LayerLayout.Layer shape = layout.layers().get(l);
            StoppingAgainstPlateau stop = StoppingAgainstPlateau.of(layer, Math.min(shape.rows(), shape.cols()), member);
            stops.add(stop);
            keys.put("stopping_signal", stopping(stop, member.member()));
            json.add(keys);
        }
        if (member.steps().length > 0) {
            double[] steps = Arrays.stream(layers.get(0).steps()).asDoubleStream().toArray();
            draw(layers, steps, "alpha", "α", "Power-law tail exponent α of each layer (member " + member.member() + ")",
                    LayerMetrics::alpha, dir, plots);
            plots.computeIfPresent("layers-alpha", (base, caption) -> caption + "; " + lags(stops));
            draw(layers, steps, "num_spikes", "spikes", "Eigenvalues beyond the MP edge + Tracy–Widom margin (member "
                    + member.member() + ")", LayerMetrics::numSpikes, dir, plots);
            LayerTailsSection.draw(tails, member.member(), dir, plots);
            BulkSpacingsSection.draw(spacings, member.member(), dir, plots);
            RandomDistanceSection.draw(distances, member.member(), dir, plots);
        }
        return json;
    }

    private static Map<String, Object> stopping(StoppingAgainstPlateau stop, int member) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("member", member);
        m.put("signal_step", stop.signalled() ? stop.signalStep() : null);
        m.put("plateau_step", stop.plateaued() ? stop.plateauStep() : null);
        m.put("accuracy_tolerance", StoppingAgainstPlateau.ACCURACY_TOLERANCE);
        m.put("final_accuracy", stop.finalAccuracy());
        m.put("lag_steps", stop.signalled() && stop.plateaued() ? stop.lag() : null);
        m.put("lag", stop.describe());
        return m;
    }

    /** The lag of every layer's stopping signal behind the accuracy plateau, in words. */
    private static String lags(List<StoppingAgainstPlateau> stops) {
        StringBuilder s = new StringBuilder("stopping signal (α stable over 5 records) minus the test-accuracy plateau (within "
                + StoppingAgainstPlateau.ACCURACY_TOLERANCE + " of the final accuracy from then on)");
        String sep = ": ";
        for (StoppingAgainstPlateau stop : stops) {
            s.append(sep).append(stop.layer()).append(' ').append(stop.describe());
            sep = ", ";
        }
        return s.toString();
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
