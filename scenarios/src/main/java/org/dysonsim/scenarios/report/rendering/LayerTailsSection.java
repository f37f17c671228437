package org.dysonsim.scenarios.report.rendering;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.ToDoubleFunction;
import org.dysonsim.physics.tails.TailAnalysis;
import org.dysonsim.scenarios.report.analyses.LayerTailsAlongTraining;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The tail verdict of each layer along training ({@link LayerTailsAlongTraining}): a
 * {@code tail_along_training} entry per layer in report.json, and a figure of the bootstrap p of
 * every layer against the step with the verdict's level dashed, its caption naming each layer's
 * final verdict.
 */
final class LayerTailsSection {
    /** What a record without an analysis says (fewer than ten positive eigenvalues). */
    static final String TOO_FEW = "too few eigenvalues";

    private LayerTailsSection() {}

    static Map<String, Object> json(LayerTailsAlongTraining layer, int member) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("member", member);
        m.put("bootstrap_sets", LayerTailsAlongTraining.BOOTSTRAP_SETS);
        m.put("step", layer.steps());
        m.put("alpha", series(layer, t -> t.powerLaw().alpha()));
        m.put("alpha_se", series(layer, t -> t.powerLaw().alphaSe()));
        m.put("xmin", series(layer, t -> t.powerLaw().xMin()));
        m.put("n_tail", series(layer, t -> t.powerLaw().tailSize()));
        m.put("p_value", series(layer, t -> t.bootstrap().pValue()));
        m.put("verdict", layer.tails().stream().map(LayerTailsSection::verdict).toList());
        m.put("final_verdict", verdict(layer.last()));
        return m;
    }

    static String verdict(TailAnalysis t) {
        return t == null ? TOO_FEW : t.verdict().label();
    }

    private static double[] series(LayerTailsAlongTraining layer, ToDoubleFunction<TailAnalysis> value) {
        return layer.tails().stream().mapToDouble(t -> t == null ? Double.NaN : value.applyAsDouble(t)).toArray();
    }

    /** The bootstrap p of every layer against the step, the level 0.1 dashed; nothing when no layer has an analysis. */
    static void draw(List<LayerTailsAlongTraining> layers, int member, Path dir, Map<String, String> plots) throws IOException {
        if (layers.isEmpty() || layers.get(0).steps().length == 0) return;
        Map<String, double[]> p = new LinkedHashMap<>();
        StringJoiner verdicts = new StringJoiner("; ");
        for (LayerTailsAlongTraining layer : layers) {
            p.put(layer.layer(), series(layer, t -> t.bootstrap().pValue()));
            verdicts.add(layer.layer() + ": " + verdict(layer.last()));
        }
        if (p.values().stream().flatMapToDouble(Arrays::stream).noneMatch(Double::isFinite)) return;
        double[] steps = Arrays.stream(layers.get(0).steps()).asDoubleStream().toArray();
        XYChart chart = Plots.perLayer("Bootstrap p of the power-law tail of each layer (member " + member + ")", "p", steps, p);
        dashed(chart, "level " + TailAnalysis.LEVEL, new double[] {steps[0], steps[steps.length - 1]},
                new double[] {TailAnalysis.LEVEL, TailAnalysis.LEVEL});
        Plots.save(chart, dir, "layers-tail-p-value");
        plots.put("layers-tail-p-value", "Bootstrap goodness-of-fit p of each layer's power-law tail against the step ("
                + LayerTailsAlongTraining.BOOTSTRAP_SETS + " sets; below the dashed level the power law is rejected); final"
                + " verdicts: " + verdicts + " (docs/physics.md §8)");
    }

    /** A dashed line without markers. */
    static XYSeries dashed(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(SeriesLines.DASH_DASH);
        return s;
    }
}
