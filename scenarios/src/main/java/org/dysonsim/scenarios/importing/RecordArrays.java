package org.dysonsim.scenarios.importing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.scenarios.config.ScenarioException;

/**
 * The layout of one {@code .npz} (or a single {@code .npy}) per run: per weight matrix an array of
 * shape records × rows × cols (rows × cols: a single record), beside it optionally {@code step}
 * (one per record), {@code loss}, {@code lr} and {@code batch_size} (one per record, or one value; the
 * last two kept as the run's {@link TrainingSchedule}), and per matrix its gradients {@code grad_<name>} of the matrix's shape. And the layout of Aarts,
 * Park and Lucini's data release: {@code W} (and optionally {@code grad}) of shape
 * seeds × snapshots × M × N, whose seeds become members, with {@code loss} seeds × snapshots.
 */
final class RecordArrays {
    static final String GRADIENT = "grad_";
    private static final Set<String> PER_RECORD = Set.of("step", "loss", "lr", "batch_size");

    private RecordArrays() {}

    static WeightHistory read(String file, Map<String, ArraySource> arrays) throws IOException {
        ArraySource w = arrays.get("W");
        if (w != null && w.header().shape().length == 4) return aartsParkLucini(file, arrays, w);
        List<WeightSeries> weights = new ArrayList<>();
        List<WeightSeries> gradients = new ArrayList<>();
        long records = -1;
        String first = null;
        for (ArraySource a : arrays.values()) {
            if (PER_RECORD.contains(a.name()) || a.name().startsWith(GRADIENT)) continue;
            NpyHeader h = a.header();
            long[] s = h.shape();
            if (s.length != 2 && s.length != 3) {
                throw new ScenarioException(file, a.name(), "shape " + h.shapeText() + ": expected records × rows × cols (or"
                        + " rows × cols for one record)");
            }
            long r = s.length == 3 ? s[0] : 1;
            if (records >= 0 && r != records) {
                throw new ScenarioException(file, a.name(), "ragged: " + r + " records where " + first + " has " + records);
            }
            records = r;
            first = a.name();
            weights.add(series(a.name(), s, List.of(a)));
            ArraySource g = arrays.get(GRADIENT + a.name());
            if (g != null) gradients.add(series(g.name(), s, List.of(g)));
        }
        if (weights.isEmpty()) throw new ScenarioException(file, null, "holds no weight matrix (arrays besides step, loss,"
                + " lr, batch_size and grad_*)");
        checkGradients(file, arrays, weights, gradients);
        int count = Math.toIntExact(records);
        long[] steps = steps(file, arrays.get("step"), count);
        double[] loss = arrays.containsKey("loss") ? perRecord(arrays.get("loss"), count, false) : null;
        double[] lr = arrays.containsKey("lr") ? perRecord(arrays.get("lr"), count, true) : null;
        double[] batch = arrays.containsKey("batch_size") ? perRecord(arrays.get("batch_size"), count, true) : null;
        return new WeightHistory(file, "npz", layout(weights), 1, steps, loss, weights, gradients,
                schedule(file, lr, batch)).checked();
    }

    private static WeightHistory aartsParkLucini(String file, Map<String, ArraySource> arrays, ArraySource w) throws IOException {
        long[] s = w.header().shape();
        WeightSeries weights = new WeightSeries("W", Math.toIntExact(s[2]), Math.toIntExact(s[3]), List.of(w));
        List<WeightSeries> gradients = new ArrayList<>();
        ArraySource g = arrays.get("grad");
        if (g != null) gradients.add(new WeightSeries("grad", weights.rows(), weights.cols(), List.of(g)));
        int members = Math.toIntExact(s[0]);
        int records = Math.toIntExact(s[1]);
        long[] steps = steps(file, arrays.get("step"), records);
        double[] loss = arrays.containsKey("loss") ? perRecord(arrays.get("loss"), members * records, false) : null;
        return new WeightHistory(file, "aarts-park-lucini", layout(List.of(weights)), members, steps, loss,
                List.of(weights), gradients, TrainingSchedule.NONE).checked();
    }

    /** The learning rates and batch sizes read (each null when not saved), the batch sizes whole numbers. */
    static TrainingSchedule schedule(String file, double[] lr, double[] batch) {
        if (batch != null) {
            for (int i = 0; i < batch.length; i++) {
                if (batch[i] != Math.rint(batch[i])) throw new ScenarioException(file, "batch_size", "value " + i + " is "
                        + batch[i] + ", not a whole number");
            }
        }
        return new TrainingSchedule(lr, batch);
    }

    static LayerLayout layout(List<WeightSeries> weights) {
        return new LayerLayout(weights.stream().map(s -> new LayerLayout.Layer(s.name(), s.rows(), s.cols())).toList());
    }

    static WeightSeries series(String name, long[] shape, List<ArraySource> parts) {
        return new WeightSeries(name, Math.toIntExact(shape[shape.length - 2]), Math.toIntExact(shape[shape.length - 1]), parts);
    }

    /** Gradients for every layer or none, and none for a matrix that is not there. */
    static void checkGradients(String file, Map<String, ArraySource> arrays, List<WeightSeries> weights,
                               List<WeightSeries> gradients) {
        for (String name : arrays.keySet()) {
            if (name.startsWith(GRADIENT) && weights.stream().noneMatch(s -> s.name().equals(name.substring(GRADIENT.length())))) {
                throw new ScenarioException(file, name, "a gradient of no weight matrix (no array "
                        + name.substring(GRADIENT.length()) + ")");
            }
        }
        if (!gradients.isEmpty() && gradients.size() != weights.size()) {
            String missing = weights.stream().map(WeightSeries::name)
                    .filter(n -> gradients.stream().noneMatch(g -> g.name().equals(GRADIENT + n))).findFirst().orElseThrow();
            throw new ScenarioException(file, GRADIENT + missing, "missing: give the gradients of every weight matrix or of none");
        }
    }

    /** The steps of {@code records} records: the array's, whole numbers, or 0, 1, 2, ... without one. */
    static long[] steps(String file, ArraySource step, int records) throws IOException {
        long[] steps = new long[records];
        if (step == null) {
            for (int r = 0; r < records; r++) steps[r] = r;
            return steps;
        }
        double[] values = perRecord(step, records, false);
        for (int r = 0; r < records; r++) {
            if (values[r] != Math.rint(values[r])) throw new ScenarioException(file, "step", "value " + values[r] + " is not a whole number");
            steps[r] = (long) values[r];
        }
        return steps;
    }

    /**
     * A per-record array: {@code records} finite values (or one, for every record, when {@code scalarAllowed}),
     * positive when {@code scalarAllowed} (learning rates, batch sizes).
     */
    static double[] perRecord(ArraySource a, int records, boolean scalarAllowed) throws IOException {
        double[] v = NumberArray.read(a);
        if (v.length != records && !(scalarAllowed && v.length == 1)) {
            throw new ScenarioException(a.file(), a.name(), "ragged: " + v.length + " values for " + records + " records");
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) throw new ScenarioException(a.file(), a.name(), (Double.isNaN(v[i]) ? "NaN" : "Inf")
                    + " at value " + i);
            if (scalarAllowed && !(v[i] > 0)) throw new ScenarioException(a.file(), a.name(), "value " + i + " is " + v[i]
                    + ", not positive");
        }
        return v;
    }
}
