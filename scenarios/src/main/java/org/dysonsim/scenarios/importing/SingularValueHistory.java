package org.dysonsim.scenarios.importing;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.protocol.TrajectoryEvent;
import org.dysonsim.scenarios.config.ScenarioException;

/**
 * An HDF5 file of per-step singular values in the layout of the LossGeometry project: per layer a
 * group {@code /layers/<name>} with the attribute {@code shape} (the weight's shape as text, e.g.
 * {@code "(1024, 784)"}) and a group {@code singular_values} of datasets {@code batch_0},
 * {@code batch_1}, ... (one per record, the min(rows, cols) singular values σ); the record steps in
 * {@code /batch_numbers}, the losses in {@code /loss_values} (used when there is one per record).
 * A layer of shape a × b becomes a layer of max(a, b) rows and min(a, b) cols, whose eigenvalues
 * are the σ², ascending: the nonzero spectrum of WᵀW. Read with jHDF, a pure-Java HDF5 reader, one
 * dataset at a time.
 */
final class SingularValueHistory implements TrainingHistory {
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final String RECORD = "batch_";

    private final Path file;
    private final LayerLayout layout;
    private final long[] steps;
    private final double[] loss;

    private SingularValueHistory(Path file, LayerLayout layout, long[] steps, double[] loss) {
        this.file = file;
        this.layout = layout;
        this.steps = steps;
        this.loss = loss;
    }

    static SingularValueHistory open(Path path) {
        String shown = path.toString();
        try (HdfFile hdf = new HdfFile(path)) {
            if (!(hdf.getChildren().get("layers") instanceof Group layers)) {
                throw new ScenarioException(shown, "layers", "missing: expected the LossGeometry layout (/layers/<name>/singular_values/batch_<i>)");
            }
            List<LayerLayout.Layer> found = new ArrayList<>();
            int records = -1;
            for (String name : sorted(layers.getChildren().keySet())) {
                Group layer = (Group) layers.getChild(name);
                Attribute shape = layer.getAttribute("shape");
                String where = "layers/" + name;
                if (shape == null) throw new ScenarioException(shown, where, "has no attribute shape");
                List<Integer> dims = NUMBER.matcher(String.valueOf(shape.getData())).results().map(m -> Integer.parseInt(m.group())).toList();
                if (dims.size() != 2 || dims.contains(0)) throw new ScenarioException(shown, where, "shape " + shape.getData() + " is not a matrix's");
                if (!(layer.getChild("singular_values") instanceof Group values)) {
                    throw new ScenarioException(shown, where + "/singular_values", "missing");
                }
                int count = values.getChildren().size();
                if (records >= 0 && count != records) {
                    throw new ScenarioException(shown, where + "/singular_values", "ragged: " + count + " records where the first layer has " + records);
                }
                records = count;
                found.add(new LayerLayout.Layer(name, Math.max(dims.get(0), dims.get(1)), Math.min(dims.get(0), dims.get(1))));
            }
            if (found.isEmpty() || records == 0) throw new ScenarioException(shown, "layers", "holds no singular values");
            double[] batches = vector(hdf, "batch_numbers", records);
            long[] steps = new long[records];
            for (int r = 0; r < records; r++) steps[r] = batches == null ? r : (long) batches[r];
            return new SingularValueHistory(path, new LayerLayout(found), steps, vector(hdf, "loss_values", records));
        } catch (HdfException e) {
            throw new ScenarioException(shown, null, "not an HDF5 file jHDF can read, or truncated: " + e.getMessage());
        }
    }

    /** A root dataset with one value per record, or null (missing, or of another length). */
    private static double[] vector(HdfFile hdf, String name, int records) {
        if (!(hdf.getChildren().get(name) instanceof Dataset d) || d.getSize() != records) return null;
        return doubles(d.getDataFlat());
    }

    @Override
    public String source() {
        return file.toString();
    }

    @Override
    public String format() {
        return "hdf5-singular-values";
    }

    @Override
    public LayerLayout layout() {
        return layout;
    }

    @Override
    public int members() {
        return 1;
    }

    @Override
    public long[] steps() {
        return steps.clone();
    }

    @Override
    public void check(Runnable each) throws IOException {
        record((member, record, snapshot, gradient, distances) -> each.run());
    }

    @Override
    public void record(RecordSink sink) throws IOException {
        for (int r = 1; r < steps.length; r++) {
            if (steps[r] <= steps[r - 1]) {
                throw new ScenarioException(source(), "batch_numbers", "steps must increase, but record " + r + " has " + steps[r]);
            }
        }
        try (HdfFile hdf = new HdfFile(file)) {
            for (int r = 0; r < steps.length; r++) {
                double[] values = new double[layout.eigenvalues()];
                for (int l = 0; l < layout.layers().size(); l++) {
                    LayerLayout.Layer layer = layout.layers().get(l);
                    String where = "layers/" + layer.name() + "/singular_values/" + RECORD + r;
                    if (!(hdf.getByPath(where) instanceof Dataset d)) throw new ScenarioException(source(), where, "missing");
                    double[] sigma = doubles(d.getDataFlat());
                    if (sigma == null) throw new ScenarioException(source(), where, "is not a numeric array");
                    if (sigma.length != layer.cols()) {
                        throw new ScenarioException(source(), where, "ragged: " + sigma.length + " singular values for a layer of "
                                + layer.rows() + " × " + layer.cols());
                    }
                    for (int i = 0; i < sigma.length; i++) {
                        if (!Double.isFinite(sigma[i])) throw new ScenarioException(source(), where, sigma[i] + " at value " + i);
                        sigma[i] *= sigma[i];
                    }
                    Arrays.sort(sigma);
                    System.arraycopy(sigma, 0, values, layout.offset(l), sigma.length);
                }
                TrajectoryEvent.GradientRecorded gradient = loss == null ? null : new TrajectoryEvent.GradientRecorded(steps[r],
                        steps[r], loss[r], new double[0], new double[0], new double[0], Double.NaN);
                sink.accept(0, r, new TrajectoryEvent.SnapshotRecorded(steps[r], steps[r], values), gradient, null);
            }
        } catch (HdfException e) {
            throw new ScenarioException(source(), null, "cannot be read: " + e.getMessage());
        }
    }

    private static List<String> sorted(java.util.Set<String> names) {
        return names.stream().sorted(Comparator.comparing(SingularValueHistory::naturalKey)).toList();
    }

    /** Numbers in names compare by value (layer 2 before layer 10). */
    private static String naturalKey(String name) {
        Matcher m = NUMBER.matcher(name);
        StringBuilder key = new StringBuilder();
        int last = 0;
        while (m.find()) {
            key.append(name, last, m.start()).append("0".repeat(Math.max(0, 20 - m.group().length()))).append(m.group());
            last = m.end();
        }
        return key.append(name.substring(last)).toString();
    }

    private static double[] doubles(Object data) {
        if (data instanceof double[] d) return d.clone();
        if (data instanceof float[] f) {
            double[] out = new double[f.length];
            for (int i = 0; i < f.length; i++) out[i] = f[i];
            return out;
        }
        if (data instanceof long[] l) return Arrays.stream(l).asDoubleStream().toArray();
        if (data instanceof int[] i) return Arrays.stream(i).asDoubleStream().toArray();
        return null;
    }
}
