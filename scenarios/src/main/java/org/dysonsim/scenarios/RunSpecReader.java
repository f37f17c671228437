package org.dysonsim.scenarios;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.List;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.physics.gas.ParticleModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.gas.WishartConvention;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.scenarios.config.ScenarioValues;
import org.dysonsim.scenarios.config.ScenarioValues.Bound;
import org.dysonsim.scenarios.report.predictions.Predictions;

/**
 * Builds the {@link RunSpec} of one resolved scenario, checking every value it reads: a run that
 * gets past here can start. The keys are documented in scenarios/README.md.
 */
public final class RunSpecReader {
    /** The keys of an SGD run's learning rate α and batch size |B|, which a scaling sweep varies. */
    public static final String SGD_ALPHA = "sgd.alpha", SGD_BATCH = "sgd.batch";
    public static final List<String> MODELS = List.of("coulomb", "sgd", "wishart", "cir", "matrix", "network");
    public static final List<String> DRIFTS = List.of("zero", "harmonic", "rbm", "mean-field");
    public static final List<String> INITS = List.of("marchenko-pastur", "goe", "explicit", "degenerate-pairs");

    private RunSpecReader() {}

    public static RunSpec read(ScenarioValues v, String runId) {
        String model = v.choice("model", MODELS);
        int n = v.integer("n", model.equals("cir") || model.equals("coulomb") ? 1 : 2); // one coulomb mode: no pair, its Fokker–Planck law
        long steps = v.integer("steps", 1, Long.MAX_VALUE);
        int recordEvery = v.integer("record-every", 1);
        long seed = v.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        if (!v.text(StoredRun.GENERATOR_KEY).equals(CounterRng.NAME)) {
            throw v.error(StoredRun.GENERATOR_KEY, "the only generator is " + CounterRng.NAME + " (" + StoredRun.OLD_GENERATOR
                    + ", of runs recorded before, is no longer in this version: such runs are replayed and exported, not run)");
        }
        int members = v.integer("ensemble.members", 1);
        RunSpec.Placement placement = new RunSpec.Placement(v.integer("blocks.size", 0), v.integer("blocks.nodes", 1));
        RunSpec.Checks checks = new RunSpec.Checks(predictions(v, "report.predictions"), v.integer("error-control.members", 0));
        String name = v.text("name");
        InitialSpectrum init = model.equals("matrix") || model.equals("network") ? null : readInit(v, n);
        String driftKind = v.choice("drift.kind", DRIFTS);

        double dt;
        ParticleModel particles;
        StepSizeRule rule = readRule(v);
        RunSpec.Coordinates coordinates = RunSpec.Coordinates.EIGENVALUES;
        RunSpec.Mapping mapping = new RunSpec.Mapping.Direct();
        LayerLayout layers = null;
        Config stored = v.config();
        switch (model) {
            case "network" -> {
                if (!driftKind.equals("zero")) throw v.error("drift.kind", "model = network takes its drift from its loss; use zero");
                NetworkModel network = NetworkSpecReader.read(v);
                dt = network.sgd().alpha();
                particles = network;
                rule = StepSizeRule.fixed();
                layers = NetworkSpecReader.layout(network);
                stored = NetworkSpecReader.stored(v, layers);
            }
            case "matrix" -> {
                if (!driftKind.equals("zero")) throw v.error("drift.kind", "model = matrix takes its drift from its loss (loss.kind); use zero");
                MatrixModel matrix = MatrixSpecReader.read(v, n);
                dt = matrix.sgd().alpha();
                particles = matrix;
                rule = StepSizeRule.fixed();
                // W₀ has iid N(0, init-scale²) entries: its spectrum has this law (the sample is W₀'s own)
                init = new InitialSpectrum.MarchenkoPastur(matrix.rows(), n, matrix.initScale() * matrix.initScale());
            }
            case "coulomb" -> {
                dt = v.positive("dt");
                particles = gas(v, n, driftKind, v.perMode("noise.g2", n, Bound.POSITIVE));
            }
            case "sgd" -> {
                double alpha = v.positive(SGD_ALPHA);
                int batch = v.integer(SGD_BATCH, 1);
                ModelMapping.Sgd sgd = ModelMapping.sgd(alpha, batch, v.perMode("sgd.g-tilde", n, Bound.POSITIVE));
                dt = sgd.dt();
                particles = gas(v, n, driftKind, sgd.g2());
                rule = StepSizeRule.fixed();
                mapping = new RunSpec.Mapping.Sgd(alpha, batch);
            }
            case "wishart" -> {
                dt = v.positive("dt");
                int m = v.isNull("wishart.m") ? n : v.integer("wishart.m", 1);
                if (m < n) throw v.error("wishart.m", "rows m must be ≥ n = " + n + ", got " + m);
                String convention = v.choice("wishart.convention", List.of("bru", "olsen"));
                if (driftKind.equals("rbm")) throw v.error("drift.kind", "rbm is not available for wishart (its walls clash with the wall at 0)");
                RunSpec.Mapping.Wishart wishart = new RunSpec.Mapping.Wishart(m, v.positive("wishart.eta"), v.positive("wishart.d"));
                particles = ModelMapping.wishart(wishart.m(), n, wishart.eta(), wishart.d(),
                        convention.equals("bru") ? WishartConvention.BRU : WishartConvention.OLSEN,
                        smoothDrift(v, n, driftKind));
                mapping = wishart;
                coordinates = RunSpec.Coordinates.SINGULAR_VALUES;
            }
            default -> {
                dt = v.positive("dt");
                if (!driftKind.equals("zero")) throw v.error("drift.kind", "cir has its own drift (α₀ − β₁λ); use zero");
                particles = new CirModel(n, v.nonNegative("cir.alpha0"), v.nonNegative("cir.beta1"), v.positive("cir.eta-d"));
            }
        }
        if (init != null) InitialCheck.check(v, particles, init, seed, members, coordinates);
        String text = stored.root().render(ConfigRenderOptions.defaults().setOriginComments(false).setJson(false));
        return new RunSpec(runId, name, text, particles, init, rule, dt, steps, recordEvery, seed, members, placement,
                coordinates, mapping, checks, layers);
    }

    /** A list of prediction names ({@code []}: none, the report's defaults). */
    private static String[] predictions(ScenarioValues v, String key) {
        if (!v.config().hasPathOrNull(key)) throw v.error(key, "missing");
        ConfigValue value = v.config().getIsNull(key) ? null : v.config().getValue(key);
        if (value == null || value.valueType() != ConfigValueType.LIST) throw v.error(key, "expected a list of names, e.g. [free-convolution]");
        List<?> items = (List<?>) value.unwrapped();
        String[] out = new String[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(items.get(i) instanceof String s)) throw v.error(key, "element " + i + " is not a name: " + items.get(i));
            if (!Predictions.NAMES.containsKey(s)) {
                throw v.error(key, "unknown prediction \"" + s + "\", expected one of " + String.join(", ", Predictions.NAMES.keySet()));
            }
            out[i] = s;
        }
        return out;
    }

    private static GasModel gas(ScenarioValues v, int n, String driftKind, double[] g2) {
        if (!driftKind.equals("rbm")) return ModelMapping.coulomb(g2, smoothDrift(v, n, driftKind), Wall.NONE, Wall.NONE);
        double mu2 = v.positive("drift.mu2");
        double[] kappa;
        if (v.isNull("drift.kappa")) {
            int sites = v.integer("drift.lattice.sites", 1);
            if (sites < n) throw v.error("drift.lattice.sites", "need at least n = " + n + " lattice sites, got " + sites);
            kappa = ModelMapping.latticeKappa(n, sites, v.positive("drift.lattice.mass2"));
        } else {
            kappa = v.list("drift.kappa", n, Bound.POSITIVE);
        }
        Wall lower = v.choice("drift.lower", List.of("reflect", "none")).equals("reflect") ? Wall.reflect(0.0) : Wall.NONE;
        // K = (1/κ − 1/(μ² − x)) x = (x/κ + 1) − μ²/(μ² − x): smooth part explicit, wall implicit (docs/physics.md §2)
        return ModelMapping.coulomb(g2, new Drift.RbmSmooth(kappa), lower, Wall.barrier(mu2, mu2));
    }

    private static Drift smoothDrift(ScenarioValues v, int n, String kind) {
        return switch (kind) {
            case "zero" -> new Drift.Zero();
            case "harmonic" -> new Drift.Harmonic(v.perMode("drift.centre", n, Bound.ANY),
                    v.perMode("drift.stiffness", n, Bound.NON_NEGATIVE));
            case "mean-field" -> new Drift.MeanField(v.positive("drift.c"), v.perMode("drift.target", n, Bound.ANY));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static InitialSpectrum readInit(ScenarioValues v, int n) {
        return switch (v.choice("init.kind", INITS)) {
            case "marchenko-pastur" -> {
                int rows = v.isNull("init.rows") ? 2 * n : v.integer("init.rows", 1);
                if (rows < n) throw v.error("init.rows", "rows M must be ≥ n = " + n + " (else WᵀW has zero eigenvalues), got " + rows);
                yield new InitialSpectrum.MarchenkoPastur(rows, n, v.positive("init.sigma2"));
            }
            case "goe" -> new InitialSpectrum.Goe(n, v.positive("init.sigma2"));
            case "explicit" -> new InitialSpectrum.Explicit(v.list("init.values", n, Bound.ANY));
            default -> {
                if (n % 2 != 0) throw v.error("init.kind", "degenerate-pairs needs an even n, got " + n);
                yield new InitialSpectrum.DegeneratePairs(v.list("init.centres", n / 2, Bound.ANY), v.positive("init.split"));
            }
        };
    }

    private static StepSizeRule readRule(ScenarioValues v) {
        boolean adaptive = v.flag("step.adaptive");
        double theta = v.positive("step.theta");
        double thetaDrift = v.positive("step.theta-drift");
        int maxLevel = (int) v.integer("step.max-level", 0, 30);
        return adaptive ? new StepSizeRule(true, theta, thetaDrift, maxLevel) : new StepSizeRule(false, theta, thetaDrift, 0);
    }
}
