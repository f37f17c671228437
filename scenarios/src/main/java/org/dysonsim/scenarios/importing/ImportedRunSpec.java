package org.dysonsim.scenarios.importing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.scenarios.config.ScenarioValues;

/**
 * The scenario an imported run records in its {@code RunStarted} events ({@code model = imported},
 * its layers, {@code n} their total, {@code steps} the last step, {@code training.lr} and
 * {@code training.batch-size} when they were saved) and the {@link RunSpec} read back
 * from it, which has no model to simulate: {@code resume} refuses it, {@code replay}, {@code export}
 * and {@code list} read it as any run.
 */
public final class ImportedRunSpec {
    public static final String MODEL = "imported";
    /** Eigenvalues per block actor: never used (nothing is simulated), the scenario default. */
    private static final int BLOCK_SIZE = 64;
    /** The learning rate and batch size saved with the weights: a number, or a list of one per record. */
    private static final String LR = "training.lr";
    private static final String BATCH_SIZE = "training.batch-size";

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
        s.append(line(LR, history.schedule().lr())).append(line(BATCH_SIZE, history.schedule().batchSize()));
        s.append("layers = [\n");
        for (LayerLayout.Layer l : history.layout().layers()) {
            s.append("  { name = ").append(ConfigUtil.quoteString(l.name())).append(", rows = ").append(l.rows())
                    .append(", cols = ").append(l.cols()).append(" }\n");
        }
        return s.append("]\n").toString();
    }

    private static String line(String key, double[] values) {
        if (values == null) return "";
        if (values.length == 1) return key + " = " + number(values[0]) + "\n";
        StringBuilder s = new StringBuilder(key).append(" = [");
        for (int i = 0; i < values.length; i++) s.append(i == 0 ? "" : ", ").append(number(values[i]));
        return s.append("]\n").toString();
    }

    /** Whole numbers without a fraction, others as Java prints them (read back to the same bits). */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The learning rate and batch size recorded in an imported run's resolved scenario. */
    public static TrainingSchedule schedule(Config resolved) {
        return new TrainingSchedule(values(resolved, LR), values(resolved, BATCH_SIZE));
    }

    private static double[] values(Config resolved, String key) {
        if (!resolved.hasPath(key)) return null; // null in the defaults: not saved
        if (resolved.getValue(key).valueType() == ConfigValueType.LIST) {
            return resolved.getDoubleList(key).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new double[] {resolved.getDouble(key)};
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
