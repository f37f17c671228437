package org.dysonsim.scenarios;

import java.util.List;
import java.util.Map;
import org.dysonsim.scenarios.config.ScenarioValues;

/**
 * Rejects a key the user set that the chosen model, drift or initial spectrum never reads (say
 * {@code sgd.alpha} with {@code model = coulomb}): it is almost always a forgotten
 * {@code model = sgd}. Skipped for a choice that is itself swept, where each run reads only its
 * own part.
 */
final class UnusedKeys {
    /** Key prefix → the choice key and the value under which it is read. */
    private static final Map<String, String[]> OWNERS = Map.ofEntries(
            Map.entry("noise.", new String[] {"model", "coulomb"}),
            Map.entry("sgd.alpha", new String[] {"model", "sgd", "matrix", "network"}),
            Map.entry("sgd.batch", new String[] {"model", "sgd", "matrix", "network"}),
            Map.entry("sgd.g-tilde", new String[] {"model", "sgd"}),
            Map.entry("sgd.momentum", new String[] {"model", "matrix", "network"}),
            Map.entry("matrix.", new String[] {"model", "matrix"}),
            Map.entry("loss.", new String[] {"model", "matrix"}),
            Map.entry("data.size", new String[] {"model", "matrix"}),
            Map.entry("data.path", new String[] {"model", "network"}),
            Map.entry("network.", new String[] {"model", "network"}),
            Map.entry("forecast.top-k", new String[] {"model", "matrix", "network"}),
            Map.entry("loss.rbm.", new String[] {"loss.kind", "rbm-pcd"}),
            Map.entry("loss.teacher.", new String[] {"loss.kind", "teacher-student"}),
            Map.entry("loss.zero.", new String[] {"loss.kind", "zero"}),
            Map.entry("wishart.", new String[] {"model", "wishart"}),
            Map.entry("cir.", new String[] {"model", "cir"}),
            Map.entry("training.", new String[] {"model", "imported"}),
            Map.entry("drift.centre", new String[] {"drift.kind", "harmonic"}),
            Map.entry("drift.stiffness", new String[] {"drift.kind", "harmonic"}),
            Map.entry("drift.mu2", new String[] {"drift.kind", "rbm"}),
            Map.entry("drift.kappa", new String[] {"drift.kind", "rbm"}),
            Map.entry("drift.lattice.", new String[] {"drift.kind", "rbm"}),
            Map.entry("drift.lower", new String[] {"drift.kind", "rbm"}),
            Map.entry("drift.c", new String[] {"drift.kind", "mean-field"}),
            Map.entry("drift.target", new String[] {"drift.kind", "mean-field"}),
            Map.entry("init.rows", new String[] {"init.kind", "marchenko-pastur"}),
            Map.entry("init.sigma2", new String[] {"init.kind", "marchenko-pastur", "goe"}),
            Map.entry("init.values", new String[] {"init.kind", "explicit"}),
            Map.entry("init.centres", new String[] {"init.kind", "degenerate-pairs"}),
            Map.entry("init.split", new String[] {"init.kind", "degenerate-pairs"}));

    private UnusedKeys() {}

    static void check(ScenarioValues v, List<String> swept) {
        if (v.given() == null) return;
        for (String key : v.given()) {
            for (Map.Entry<String, String[]> owner : OWNERS.entrySet()) {
                String prefix = owner.getKey();
                boolean owned = prefix.endsWith(".") ? key.startsWith(prefix) : key.equals(prefix);
                String choice = owner.getValue()[0];
                List<String> needed = List.of(owner.getValue()).subList(1, owner.getValue().length);
                if (!owned || swept.contains(choice)) continue;
                String chosen = v.text(choice);
                if (!needed.contains(chosen)) {
                    throw v.error(key, "not used with " + choice + " = " + chosen + " (it belongs to " + choice + " = "
                            + String.join(" or ", needed) + ")");
                }
            }
            String model = v.text("model");
            if (key.equals("n") && model.equals("network") && !swept.contains("model") && !isLayerSum(v)) {
                throw v.error(key, "not used with model = network (n is the sum of network.widths but the last)");
            }
            boolean sgdStep = model.equals("sgd") || model.equals("matrix") || model.equals("network");
            if (key.equals("dt") && sgdStep && !swept.contains("model")) {
                throw v.error(key, "not used with model = " + model + " (the step is sgd.alpha)");
            }
            if (key.startsWith("init.") && (model.equals("matrix") || model.equals("network")) && !swept.contains("model")) {
                throw v.error(key, "not used with model = " + model + (model.equals("matrix")
                        ? " (W₀ has iid N(0, matrix.init-scale²) entries)" : " (W_l starts with iid N(0, network.init-gain²/fan-in) entries)"));
            }
        }
    }

    /** Whether {@code n} is what a network run's stored scenario carries: the sum of network.widths but the last. */
    private static boolean isLayerSum(ScenarioValues v) {
        try {
            List<Integer> widths = v.config().getIntList("network.widths");
            long sum = 0;
            for (int l = 0; l < widths.size() - 1; l++) sum += widths.get(l);
            return v.config().getLong("n") == sum;
        } catch (com.typesafe.config.ConfigException e) {
            return false; // not numbers: the reader says so
        }
    }
}
