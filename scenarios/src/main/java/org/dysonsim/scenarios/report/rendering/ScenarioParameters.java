package org.dysonsim.scenarios.report.rendering;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dysonsim.actors.RunSpec;

/**
 * The physical parameters of a run as its scenario states them (N, members, steps, dt, g², the
 * drift and its parameters, α, |B|, M, the loss, ...), for the report's summary: only the keys
 * that matter to the run's model and to its drift, initial spectrum and loss kinds, each with
 * its symbol. A run without a readable scenario shows what its spec holds.
 */
final class ScenarioParameters {
    /** A parameter: its symbol or short name, its value as the scenario wrote it, and its scenario key. */
    record Parameter(String label, String value, String key) {}

    private static final List<String[]> COMMON = List.of(
            new String[] {"model", "model"}, new String[] {"N", "n"}, new String[] {"members", "ensemble.members"},
            new String[] {"steps", "steps"}, new String[] {"record every", "record-every"}, new String[] {"seed", "seed"});
    /** Per model: the keys after the common ones ({@code dt} where the model's step is dt). */
    private static final Map<String, List<String[]>> BY_MODEL = Map.of(
            "coulomb", List.of(new String[] {"dt", "dt"}, new String[] {"g²", "noise.g2"}),
            "cir", List.of(new String[] {"dt", "dt"}, new String[] {"α₀", "cir.alpha0"}, new String[] {"β₁", "cir.beta1"},
                    new String[] {"ηD", "cir.eta-d"}),
            "wishart", List.of(new String[] {"dt", "dt"}, new String[] {"m", "wishart.m"}, new String[] {"D", "wishart.d"},
                    new String[] {"η", "wishart.eta"}, new String[] {"convention", "wishart.convention"}),
            "sgd", List.of(new String[] {"α", "sgd.alpha"}, new String[] {"|B|", "sgd.batch"}, new String[] {"g̃", "sgd.g-tilde"}),
            "matrix", List.of(new String[] {"α", "sgd.alpha"}, new String[] {"|B|", "sgd.batch"},
                    new String[] {"momentum", "sgd.momentum"}, new String[] {"M", "matrix.rows"},
                    new String[] {"init scale", "matrix.init-scale"}),
            "network", List.of(new String[] {"α", "sgd.alpha"}, new String[] {"|B|", "sgd.batch"},
                    new String[] {"momentum", "sgd.momentum"}, new String[] {"widths", "network.widths"},
                    new String[] {"init gain", "network.init-gain"}, new String[] {"training images", "network.train-size"}));
    /** Per kind of drift, initial spectrum or loss: its parameters. */
    private static final Map<String, List<String[]>> BY_KIND = Map.of(
            "drift.harmonic", List.of(new String[] {"centre", "drift.centre"}, new String[] {"Ω", "drift.stiffness"}),
            "drift.mean-field", List.of(new String[] {"c", "drift.c"}, new String[] {"λ*", "drift.target"}),
            "drift.rbm", List.of(new String[] {"μ²", "drift.mu2"}, new String[] {"κ", "drift.kappa"},
                    new String[] {"m²", "drift.lattice.mass2"}, new String[] {"lattice sites", "drift.lattice.sites"}),
            "init.marchenko-pastur", List.of(new String[] {"rows", "init.rows"}, new String[] {"σ²", "init.sigma2"}),
            "init.degenerate-pairs", List.of(new String[] {"centres", "init.centres"}, new String[] {"split", "init.split"}),
            "init.explicit", List.<String[]>of(new String[] {"values", "init.values"}),
            "loss.rbm-pcd", List.of(new String[] {"μ²", "loss.rbm.mu2"}, new String[] {"σ_h²", "loss.rbm.sigma-h2"},
                    new String[] {"m²", "loss.rbm.mass2"}, new String[] {"Gibbs sweeps", "loss.rbm.gibbs-sweeps"}),
            "loss.teacher-student", List.of(new String[] {"teacher scale", "loss.teacher.scale"},
                    new String[] {"label noise", "loss.teacher.noise"}, new String[] {"ridge", "loss.teacher.ridge"}),
            "loss.zero", List.<String[]>of(new String[] {"sample variance", "loss.zero.sample-variance"}));
    /** Models with a drift; models that start from weights, not from an initial spectrum. */
    private static final List<String> PARTICLE_MODELS = List.of("coulomb", "sgd"), LAYERED_MODELS = List.of("matrix", "network");

    private ScenarioParameters() {}

    /** The run's parameters in summary order. */
    static List<Parameter> of(RunSpec spec) {
        Config scenario;
        try {
            scenario = spec.scenarioText() == null ? ConfigFactory.empty() : ConfigFactory.parseString(spec.scenarioText());
        } catch (ConfigException e) {
            scenario = ConfigFactory.empty();
        }
        if (!scenario.hasPath("model")) return fromSpec(spec);
        String model = scenario.getString("model");
        List<Parameter> out = new ArrayList<>();
        add(out, scenario, COMMON);
        add(out, scenario, BY_MODEL.getOrDefault(model, List.of()));
        if (PARTICLE_MODELS.contains(model)) kind(out, scenario, "drift");
        if (!LAYERED_MODELS.contains(model)) kind(out, scenario, "init");
        if (model.equals("matrix")) kind(out, scenario, "loss");
        return out;
    }

    private static void kind(List<Parameter> out, Config scenario, String group) {
        String key = group + ".kind";
        if (!scenario.hasPath(key)) return;
        String kind = scenario.getString(key);
        out.add(new Parameter(group, kind, key));
        add(out, scenario, BY_KIND.getOrDefault(group + "." + kind, List.of()));
    }

    private static void add(List<Parameter> out, Config scenario, List<String[]> keys) {
        for (String[] k : keys) {
            // a key left at null (say, M = n) is not stated: left out
            if (!scenario.hasPath(k[1])) continue;
            var v = scenario.getValue(k[1]);
            String text = v.valueType() == ConfigValueType.STRING ? (String) v.unwrapped()
                    : v.render(ConfigRenderOptions.concise()).replace(",", ", ");
            out.add(new Parameter(k[0], text, k[1]));
        }
    }

    private static List<Parameter> fromSpec(RunSpec spec) {
        return List.of(new Parameter("N", String.valueOf(spec.n()), "n"),
                new Parameter("members", String.valueOf(spec.members()), "ensemble.members"),
                new Parameter("steps", String.valueOf(spec.steps()), "steps"),
                new Parameter("dt", Decimals.of(spec.dt()), "dt"));
    }
}
