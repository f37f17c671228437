package org.dysonsim.scenarios;

import org.dysonsim.scenarios.report.Decimals;
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
 * its symbol. A run without a readable scenario shows what its spec holds. It lives beside the
 * scenario reader because it names scenario keys; every key it names is one of the scenario
 * defaults (a test holds it to that), so a renamed key fails there, not as a missing row.
 */
public final class ScenarioParameters {
    /** A parameter: its symbol or short name, its value as the scenario wrote it, and its scenario key. */
    public record Parameter(String label, String value, String key) {}

    /** A scenario key with the symbol it is shown by. */
    private record Key(String label, String key) {}

    private static Key k(String label, String key) {
        return new Key(label, key);
    }

    private static final List<Key> COMMON = List.of(
            k("model", "model"), k("N", "n"), k("members", "ensemble.members"),
            k("steps", "steps"), k("record every", "record-every"), k("seed", "seed"));
    /** Per model: the keys after the common ones ({@code dt} where the model's step is dt). */
    private static final Map<String, List<Key>> BY_MODEL = Map.of(
            "coulomb", List.of(k("dt", "dt"), k("g²", "noise.g2")),
            "cir", List.of(k("dt", "dt"), k("α₀", "cir.alpha0"), k("β₁", "cir.beta1"),
                    k("ηD", "cir.eta-d")),
            "wishart", List.of(k("dt", "dt"), k("m", "wishart.m"), k("D", "wishart.d"),
                    k("η", "wishart.eta"), k("convention", "wishart.convention")),
            "sgd", List.of(k("α", "sgd.alpha"), k("|B|", "sgd.batch"), k("g̃", "sgd.g-tilde")),
            "matrix", List.of(k("α", "sgd.alpha"), k("|B|", "sgd.batch"),
                    k("momentum", "sgd.momentum"), k("M", "matrix.rows"),
                    k("init scale", "matrix.init-scale")),
            "network", List.of(k("α", "sgd.alpha"), k("|B|", "sgd.batch"),
                    k("momentum", "sgd.momentum"), k("widths", "network.widths"),
                    k("init gain", "network.init-gain"), k("training images", "network.train-size")));
    /** Per kind of drift, initial spectrum or loss: its parameters. */
    private static final Map<String, List<Key>> BY_KIND = Map.of(
            "drift.harmonic", List.of(k("centre", "drift.centre"), k("Ω", "drift.stiffness")),
            "drift.mean-field", List.of(k("c", "drift.c"), k("λ*", "drift.target")),
            "drift.rbm", List.of(k("μ²", "drift.mu2"), k("κ", "drift.kappa"),
                    k("m²", "drift.lattice.mass2"), k("lattice sites", "drift.lattice.sites"),
                    k("lower wall", "drift.lower")),
            "init.marchenko-pastur", List.of(k("M", "init.rows"), k("σ²", "init.sigma2")),
            "init.goe", List.of(k("σ²", "init.sigma2")),
            "init.degenerate-pairs", List.of(k("centres", "init.centres"), k("split", "init.split")),
            "init.explicit", List.of(k("values", "init.values")),
            "loss.rbm-pcd", List.of(k("μ²", "loss.rbm.mu2"), k("σ_h²", "loss.rbm.sigma-h2"),
                    k("m²", "loss.rbm.mass2"), k("Gibbs sweeps", "loss.rbm.gibbs-sweeps")),
            "loss.teacher-student", List.of(k("teacher scale", "loss.teacher.scale"),
                    k("label noise", "loss.teacher.noise"), k("ridge", "loss.teacher.ridge")),
            "loss.zero", List.of(k("sample variance", "loss.zero.sample-variance")));
    /** Models with a drift; models that start from weights, not from an initial spectrum. */
    private static final List<String> PARTICLE_MODELS = List.of("coulomb", "sgd"), LAYERED_MODELS = List.of("matrix", "network");

    private ScenarioParameters() {}

    /** Every scenario key the summary may show. */
    static List<String> keys() {
        List<String> keys = new ArrayList<>();
        COMMON.forEach(k -> keys.add(k.key()));
        BY_MODEL.values().forEach(list -> list.forEach(k -> keys.add(k.key())));
        BY_KIND.values().forEach(list -> list.forEach(k -> keys.add(k.key())));
        return keys;
    }

    /** The run's parameters in summary order. */
    public static List<Parameter> of(RunSpec spec) {
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

    private static void add(List<Parameter> out, Config scenario, List<Key> keys) {
        for (Key k : keys) {
            // a key left at null (say, M = n) is not stated: left out
            if (!scenario.hasPath(k.key())) continue;
            var v = scenario.getValue(k.key());
            String text = v.valueType() == ConfigValueType.STRING ? (String) v.unwrapped()
                    : v.render(ConfigRenderOptions.concise()).replace(",", ", ");
            out.add(new Parameter(k.label(), text, k.key()));
        }
    }

    private static List<Parameter> fromSpec(RunSpec spec) {
        return List.of(new Parameter("N", String.valueOf(spec.n()), "n"),
                new Parameter("members", String.valueOf(spec.members()), "ensemble.members"),
                new Parameter("steps", String.valueOf(spec.steps()), "steps"),
                new Parameter("dt", Decimals.of(spec.dt()), "dt"));
    }
}
