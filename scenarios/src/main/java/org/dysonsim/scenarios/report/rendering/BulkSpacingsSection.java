package org.dysonsim.scenarios.report.rendering;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.ToDoubleFunction;
import org.dysonsim.physics.layers.BulkLevelStatistics;
import org.dysonsim.scenarios.report.analyses.BulkSpacingsAlongTraining;
import org.knowm.xchart.XYChart;

/**
 * The level statistics of each layer's bulk along training ({@link BulkSpacingsAlongTraining}): a
 * {@code bulk_spacings_along_training} entry per layer in report.json, and two figures, the KS
 * distance of every layer's unfolded bulk spacings to the GOE law and to the Poisson law against
 * the step, each layer's threshold dashed.
 */
final class BulkSpacingsSection {
    static final String NOT_TESTED = "not tested";

    private BulkSpacingsSection() {}

    static Map<String, Object> json(BulkSpacingsAlongTraining layer, int member) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("member", member);
        m.put("step", layer.steps());
        m.put("levels", layer.series(BulkLevelStatistics::levels));
        m.put("spacings", layer.series(BulkLevelStatistics::spacings));
        m.put("ks_goe", layer.series(BulkLevelStatistics::ksGoe));
        m.put("ks_poisson", layer.series(BulkLevelStatistics::ksPoisson));
        m.put("threshold", layer.series(BulkLevelStatistics::threshold));
        m.put("goe", layer.bulk().stream().map(b -> b == null ? NOT_TESTED : b.goe() ? "pass" : "fail").toList());
        m.put("poisson", layer.bulk().stream().map(b -> b == null ? NOT_TESTED : b.poisson() ? "pass" : "fail").toList());
        m.put("verdict", layer.bulk().stream().map(BulkSpacingsSection::verdict).toList());
        m.put("final_verdict", verdict(last(layer)));
        return m;
    }

    /** "GOE" or "Poisson" when exactly one law passes, "cannot tell" when both do, "neither" when none does. */
    static String verdict(BulkLevelStatistics b) {
        if (b == null) return NOT_TESTED;
        if (b.goe() && b.poisson()) return "cannot tell";
        if (b.goe()) return "GOE";
        return b.poisson() ? "Poisson" : "neither";
    }

    private static BulkLevelStatistics last(BulkSpacingsAlongTraining layer) {
        return layer.bulk().isEmpty() ? null : layer.bulk().get(layer.bulk().size() - 1);
    }

    static void draw(List<BulkSpacingsAlongTraining> layers, int member, Path dir, Map<String, String> plots) throws IOException {
        if (layers.isEmpty() || layers.get(0).steps().length == 0) return;
        StringJoiner verdicts = new StringJoiner("; ");
        for (BulkSpacingsAlongTraining layer : layers) verdicts.add(layer.layer() + ": " + verdict(last(layer)));
        String caption = " against the step, each layer's threshold 2.2253/√n dashed (KS at level 1e-4); final verdicts: "
                + verdicts + " (docs/physics.md §8)";
        draw(layers, member, "goe", "GOE (Gaudin)", BulkLevelStatistics::ksGoe, dir, plots,
                "KS distance of each layer's unfolded bulk spacings to the GOE spacing law" + caption);
        draw(layers, member, "poisson", "Poisson", BulkLevelStatistics::ksPoisson, dir, plots,
                "KS distance of each layer's unfolded bulk spacings to the Poisson spacing law" + caption);
    }

    private static void draw(List<BulkSpacingsAlongTraining> layers, int member, String name, String law,
                             ToDoubleFunction<BulkLevelStatistics> distance, Path dir, Map<String, String> plots,
                             String caption) throws IOException {
        Map<String, double[]> series = new LinkedHashMap<>();
        for (BulkSpacingsAlongTraining layer : layers) series.put(layer.layer(), layer.series(distance));
        if (series.values().stream().flatMapToDouble(Arrays::stream).noneMatch(Double::isFinite)) return;
        double[] steps = Arrays.stream(layers.get(0).steps()).asDoubleStream().toArray();
        XYChart chart = Plots.perLayer("Bulk spacings vs " + law + ": KS distance (member " + member + ")", "KS distance", steps, series);
        java.awt.Color[] colours = chart.getStyler().getSeriesColors();
        List<String> drawn = List.copyOf(chart.getSeriesMap().keySet());
        for (BulkSpacingsAlongTraining layer : layers) {
            double[] threshold = layer.series(BulkLevelStatistics::threshold);
            int index = drawn.indexOf(Plots.legend(layer.layer()));
            if (index < 0 || Arrays.stream(threshold).noneMatch(Double::isFinite)) continue;
            LayerTailsSection.dashed(chart, drawn.get(index) + " threshold", steps, threshold).setLineColor(colours[index % colours.length]);
        }
        String base = "layers-spacings-ks-" + name;
        Plots.save(chart, dir, base);
        plots.put(base, caption);
    }
}
