package org.dysonsim.scenarios.report.rendering;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.physics.sgd.SgdSettings;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.scenarios.report.analyses.LayerCompanion;
import org.knowm.xchart.XYChart;

/**
 * Each layer's {@code particle_companion} in report.json ({@link LayerCompanion}, member 0) and the
 * figure {@code layers-particle-companion}: per layer, the KS distance between the layer's spectrum
 * and its companion's and the top-k values' mean relative difference against the step.
 */
final class LayerCompanionSection {
    static final String KEY = "particle_companion", FIGURE = "layers-particle-companion";

    private LayerCompanionSection() {}

    /**
     * Runs the companions, draws the figure into {@code dir} (its name added to {@code plots}) and
     * returns each layer's entry; {@code sgd} null for a run without a learning rate (an import).
     */
    static List<Map<String, Object>> write(LayerLayout layout, int topK, SgdSettings sgd, MemberTrajectory member, long runSeed,
                                           Path dir, Map<String, String> plots) throws IOException {
        List<LayerCompanion> layers = LayerCompanion.of(layout, topK, sgd, member, runSeed);
        XYChart chart = Charts.chart("Each layer against its particle companion (member " + member.member() + ")", "distance");
        chart.setXAxisTitle("step");
        boolean drawn = false;
        List<Map<String, Object>> out = new ArrayList<>();
        for (LayerCompanion layer : layers) {
            out.add(json(layer, member.member()));
            if (layer.note() != null) continue;
            // a gas that stopped early has fewer records than the others
            double[] steps = Arrays.stream(layer.steps()).asDoubleStream().toArray();
            drawn |= Charts.addLine(chart, Plots.legend(layer.layer() + " KS"), steps, layer.ks()) != null;
            Charts.addLine(chart, Plots.legend(layer.layer() + " top-" + layer.topK() + " |rel. diff.|"), steps, layer.topRelativeDifference());
        }
        if (drawn) {
            Plots.save(chart, dir, FIGURE);
            plots.put(FIGURE, "per layer against the step: the KS distance between the nonzero eigenvalues of WᵀW and those of the"
                    + " layer's particle companion (its singular-value gas with drift and noise from the gradient records, from the first"
                    + " record on), and the mean relative difference of their top-k singular values");
        }
        return out;
    }

    static Map<String, Object> json(LayerCompanion layer, int member) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("description", "the Coulomb gas of the layer's singular values (Bru's equation, docs/physics.md §1) from its first"
                + " record, drift −η·u_kᵀGv_k on the top k from each record until the next and none on the rest, noise η²v/(2|B|)"
                + " per step (v: each top-k projection's per-sample variance, else the per-entry variance pooled over layers),"
                + " η = α/(1 − momentum); seeded from the run seed, member and layer; compared with the layer at every record");
        json.put("member", member);
        json.put("singular_values", layer.values());
        json.put("rows", layer.rows());
        json.put("top_k", layer.topK());
        json.put("learning_rate", layer.learningRate());
        json.put("summary", layer.summaryLine());
        if (layer.note() != null) return json;
        if (layer.stopped() != null) json.put("stopped", layer.stopped());
        json.put("step", layer.steps());
        json.put("ks", layer.ks());
        json.put("ks_threshold", layer.ksThreshold());
        json.put("w1", layer.w1());
        json.put("layer_top", Arrays.asList(layer.layerTop()));
        json.put("companion_top", Arrays.asList(layer.companionTop()));
        json.put("top_relative_difference", layer.topRelativeDifference());
        json.put("layer_bulk_edge", layer.layerEdge());
        json.put("companion_bulk_edge", layer.companionEdge());
        json.put("top_noise_ratio", layer.topNoiseRatio());
        return json;
    }
}
