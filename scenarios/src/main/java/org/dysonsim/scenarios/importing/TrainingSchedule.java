package org.dysonsim.scenarios.importing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The learning rate and batch size an imported run was trained with, as saved beside its weights
 * ({@code lr}, {@code batch_size}): per record, one value for all records, or not saved (null).
 * They travel with the run in its recorded scenario ({@link ImportedRunSpec}), so a replay reads
 * them back from the journal.
 */
public record TrainingSchedule(double[] lr, double[] batchSize) {
    public static final TrainingSchedule NONE = new TrainingSchedule(null, null);
    public boolean isEmpty() {
        return lr == null && batchSize == null;
    }

    /** report.json's {@code training}: per quantity saved its {@code min}, {@code max} and {@code values} as saved. */
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (lr != null) out.put("lr", describe(lr));
        if (batchSize != null) out.put("batch_size", describe(batchSize));
        return out;
    }

    private static Map<String, Object> describe(double[] values) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("min", Arrays.stream(values).min().orElseThrow());
        out.put("max", Arrays.stream(values).max().orElseThrow());
        out.put("values", values);
        return out;
    }

    /** One sentence for the report: each quantity's value, or its range when it varies. */
    public String summary() {
        if (isEmpty()) return "No learning rate or batch size was saved with the weights.";
        StringBuilder s = new StringBuilder("Trained with ");
        if (lr != null) s.append("learning rate ").append(range(lr));
        if (lr != null && batchSize != null) s.append(" and ");
        if (batchSize != null) s.append("batch size ").append(range(batchSize));
        return s.append(" (as saved with the weights).").toString();
    }

    private static String range(double[] values) {
        double min = Arrays.stream(values).min().orElseThrow(), max = Arrays.stream(values).max().orElseThrow();
        if (min == max) return shown(min) + (values.length == 1 ? "" : " at every record");
        return "from " + shown(values[0]) + " to " + shown(values[values.length - 1]) + " (range " + shown(min) + " – "
                + shown(max) + ")";
    }

    private static String shown(double v) {
        if (v == Math.rint(v)) return Long.toString((long) v);
        String four = String.format(Locale.ROOT, "%.4g", v);
        return Double.parseDouble(four) == v ? Double.toString(v) : four;
    }

    /** The quantities that change along the records, by report name, for a figure against the step. */
    public Map<String, double[]> varying() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (var e : List.of(Map.entry("lr", lr == null ? new double[0] : lr),
                Map.entry("batch_size", batchSize == null ? new double[0] : batchSize))) {
            double[] v = e.getValue();
            if (v.length > 1 && Arrays.stream(v).min().orElseThrow() < Arrays.stream(v).max().orElseThrow()) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }
}
