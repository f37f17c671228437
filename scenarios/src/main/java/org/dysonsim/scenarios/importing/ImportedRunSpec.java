package org.dysonsim.scenarios.importing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.scenarios.config.ScenarioValues;

/**
 * The scenario an imported run records in its {@code RunStarted} events ({@code model = imported},
 * its layers, {@code n} their total, {@code steps} the last step) and the {@link RunSpec} read back
 * from it, which has no model to simulate: {@code resume} refuses it, {@code replay}, {@code export}
 * and {@code list} read it as any run.
 */
public final class ImportedRunSpec {
    public static final String MODEL = "imported";
    /** Eigenvalues per block actor: never used (nothing is simulated), the scenario default. */
    private static final int BLOCK_SIZE = 64;

    private ImportedRunSpec() {}

    /** The resolved scenario of an import of {@code history} named {@code name}. */
    static String scenarioText(TrainingHistory history, String name) {
        StringBuilder s = new StringBuilder();
        s.append("name = ").append(ConfigUtil.quoteString(name)).append('\n');
        s.append("model = ").append(MODEL).append('\n');
        s.append("n = ").append(history.layout().eigenvalues()).append('\n');
        s.append("steps = ").append(history.steps()[history.steps().length - 1]).append('\n');
        s.append("record-every = 1\n");
        s.append("seed = 0\n");
        s.append("ensemble.members = ").append(history.members()).append('\n');
        s.append("layers = [\n");
        for (LayerLayout.Layer l : history.layout().layers()) {
            s.append("  { name = ").append(ConfigUtil.quoteString(l.name())).append(", rows = ").append(l.rows())
                    .append(", cols = ").append(l.cols()).append(" }\n");
        }
        return s.append("]\n").toString();
    }

    /** Whether a resolved scenario is an imported run's. */
    public static boolean isImported(Config resolved) {
        return resolved.hasPath("model") && MODEL.equals(resolved.getValue("model").unwrapped());
    }

    /** The spec of an imported run's recorded scenario. */
    public static RunSpec read(ScenarioValues v, String runId) {
        int n = v.integer("n", 1);
        long steps = v.integer("steps", 0, Long.MAX_VALUE);
        int members = v.integer("ensemble.members", 1);
        LayerLayout layout = layers(v);
        if (layout.eigenvalues() != n) throw v.error("n", "the layers hold " + layout.eigenvalues() + " eigenvalues, n is " + n);
        return new RunSpec(runId, v.text("name"), v.config().root().render(com.typesafe.config.ConfigRenderOptions.defaults()
                .setOriginComments(false).setJson(false)), null, null, null, 1.0, steps, 1, 0, members,
                new RunSpec.Placement(BLOCK_SIZE, 1), RunSpec.Coordinates.EIGENVALUES, new RunSpec.Mapping.Direct(),
                RunSpec.Checks.DEFAULTS, layout);
    }

    private static LayerLayout layers(ScenarioValues v) {
        List<LayerLayout.Layer> layers = new ArrayList<>();
        try {
            for (Config layer : v.config().getConfigList("layers")) {
                int rows = layer.getInt("rows");
                int cols = layer.getInt("cols");
                if (rows < 1 || cols < 1) throw v.error("layers", "a layer of " + rows + " × " + cols);
                layers.add(new LayerLayout.Layer(layer.getString("name"), rows, cols));
            }
        } catch (ConfigException e) {
            throw v.error("layers", "expected a list of { name, rows, cols }: " + e.getMessage());
        }
        if (layers.isEmpty()) throw v.error("layers", "an imported run has at least one layer");
        return new LayerLayout(layers);
    }
}
