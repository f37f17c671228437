package org.dysonsim.persistence;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dysonsim.persistence.TrajectoryReader.MemberEvent;
import org.dysonsim.protocol.TrajectoryEvent;
import org.dysonsim.protocol.TrajectoryEvent.GradientRecorded;

/**
 * Exports the gradient records of a run ({@link GradientRecorded}: a matrix-level run's, a network's
 * layer after layer, an imported run's), streaming event by event.
 * <ul>
 *   <li>CSV: header {@value #HEADER}, one row per singular value of a record (j = index, 0 the
 *       largest of its layer), the record's loss and noise variance repeated on each; a record
 *       without singular values (an imported run's losses only) has one row with layer and index
 *       empty and NaN values.</li>
 *   <li>NPY: {@code FILE} the singular values σ_j (float64, members × records × k), beside it
 *       {@code FILE.projections.npy} and {@code FILE.projection_variances.npy} of the same shape,
 *       {@code FILE.loss.npy}, {@code FILE.noise_variance.npy}, {@code FILE.times.npy} (float64) and
 *       {@code FILE.steps.npy} (int64) of shape members × records, and {@code FILE.layers.npy}
 *       (int64, k: the layer of each column). Padding: NaN, step −1.</li>
 * </ul>
 * The layer of the j-th value of a record comes from the options' per-layer counts; −1 (CSV: empty)
 * when a record's length does not match them. Files are written as {@link ExportFiles} writes.
 */
public final class GradientExporter {
    /** The columns of a CSV export. */
    public static final String HEADER = "member,step,t,loss,noise_variance,layer,index,singular_value,projection,projection_variance";
    private static final List<String> SIBLINGS = List.of("projections", "projection_variances", "loss", "noise_variance",
            "times", "steps", "layers");

    private final TrajectoryReader reader;

    public GradientExporter(TrajectoryReader reader) {
        this.reader = reader;
    }

    /** The files an export to {@code out} writes. */
    public static List<Path> targets(Path out, ExportFormat format) {
        if (format == ExportFormat.CSV) return List.of(out);
        return Stream.concat(Stream.of(out), SIBLINGS.stream().map(kind -> ExportFiles.sibling(out, kind))).toList();
    }

    /** @throws JournalException if the run is unknown or has no gradient record in the selection, or a file cannot be written */
    public ExportSummary export(String runId, GradientExportOptions options, Path out) {
        SortedSet<Integer> members = ExportFiles.members(reader, runId, options.members());
        Shape shape = measure(runId, members, options.fromStep());
        if (shape.records == 0) {
            throw new JournalException("run " + runId + " has no gradient record" + (options.fromStep() > 0 ? " at step "
                    + options.fromStep() + " or later" : "") + " (model = matrix and network runs record them, and imported runs"
                    + " saved with gradients or losses)");
        }
        List<Path> targets = targets(out, options.format());
        long values = ExportFiles.write(targets, options.overwrite(), parts -> options.format() == ExportFormat.CSV
                ? writeCsv(runId, members, options, parts.get(0))
                : writeNpy(runId, members, options, shape, parts));
        return new ExportSummary(targets, members.size(), shape.records, shape.k, values);
    }

    /** The layer of each of {@code k} values of a record, −1 throughout when the counts do not add up to k. */
    static int[] layers(int[] counts, int k) {
        int[] layer = new int[k];
        if (counts == null) return layer;
        int total = 0;
        for (int c : counts) total += c;
        if (total != k) {
            java.util.Arrays.fill(layer, -1);
            return layer;
        }
        int at = 0;
        for (int l = 0; l < counts.length; l++) {
            for (int j = 0; j < counts[l]; j++) layer[at++] = l;
        }
        return layer;
    }

    private long writeCsv(String runId, SortedSet<Integer> members, GradientExportOptions options, Path out) throws IOException {
        try (BufferedWriter csv = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            csv.write(HEADER + "\n");
            return csvRows(runId, members, options.fromStep(), options.layerCounts(), "", csv);
        }
    }

    /** The CSV rows of a run's gradient records (no header), each after {@code prefix}; returns the singular values written. */
    long csvRows(String runId, SortedSet<Integer> members, long fromStep, int[] layerCounts, String prefix, Writer csv)
            throws IOException {
        long values = 0;
        try (Stream<MemberEvent> events = reader.events(runId, members)) {
            StringBuilder row = new StringBuilder(128);
            for (Iterator<MemberEvent> it = events.iterator(); it.hasNext(); ) {
                MemberEvent next = it.next();
                if (!(next.event() instanceof GradientRecorded g) || g.step() < fromStep) continue;
                String record = prefix + next.member() + "," + g.step() + "," + g.t() + "," + g.loss() + "," + g.noiseVariance() + ",";
                int k = g.singularValues().length;
                if (k == 0) {
                    csv.append(record).append(",,NaN,NaN,NaN\n");
                    continue;
                }
                int[] layer = layers(layerCounts, k);
                int within = 0;
                for (int j = 0; j < k; j++) {
                    within = j > 0 && layer[j] == layer[j - 1] ? within + 1 : 0;
                    row.setLength(0);
                    row.append(record);
                    if (layer[j] >= 0) row.append(layer[j]).append(',').append(within);
                    else row.append(',').append(j);
                    row.append(',').append(g.singularValues()[j]).append(',').append(value(g.projections(), j)).append(',')
                            .append(value(g.projectionVariances(), j)).append('\n');
                    csv.append(row);
                }
                values += k;
            }
        }
        return values;
    }

    private static double value(double[] a, int j) {
        return j < a.length ? a[j] : Double.NaN;
    }

    private long writeNpy(String runId, SortedSet<Integer> members, GradientExportOptions options, Shape shape, List<Path> files)
            throws IOException {
        long values = 0;
        int m = members.size();
        try (NpyWriter sigma = new NpyWriter(files.get(0), "<f8", m, shape.records, shape.k);
             NpyWriter projections = new NpyWriter(files.get(1), "<f8", m, shape.records, shape.k);
             NpyWriter variances = new NpyWriter(files.get(2), "<f8", m, shape.records, shape.k);
             NpyWriter loss = new NpyWriter(files.get(3), "<f8", m, shape.records);
             NpyWriter noise = new NpyWriter(files.get(4), "<f8", m, shape.records);
             NpyWriter times = new NpyWriter(files.get(5), "<f8", m, shape.records);
             NpyWriter steps = new NpyWriter(files.get(6), "<i8", m, shape.records);
             NpyWriter layers = new NpyWriter(files.get(7), "<i8", shape.k)) {
            for (int layer : layers(options.layerCounts(), shape.k)) layers.writeLong(layer);
            for (int member : members) {
                long written = 0;
                try (Stream<TrajectoryEvent> events = reader.events(runId, member)) {
                    for (Iterator<TrajectoryEvent> it = events.iterator(); it.hasNext(); ) {
                        if (!(it.next() instanceof GradientRecorded g) || g.step() < options.fromStep()) continue;
                        for (int j = 0; j < shape.k; j++) {
                            sigma.writeDouble(value(g.singularValues(), j));
                            projections.writeDouble(value(g.projections(), j));
                            variances.writeDouble(value(g.projectionVariances(), j));
                        }
                        loss.writeDouble(g.loss());
                        noise.writeDouble(g.noiseVariance());
                        times.writeDouble(g.t());
                        steps.writeLong(g.step());
                        values += g.singularValues().length;
                        written++;
                    }
                }
                for (; written < shape.records; written++) {
                    for (int j = 0; j < shape.k; j++) {
                        sigma.writeDouble(Double.NaN);
                        projections.writeDouble(Double.NaN);
                        variances.writeDouble(Double.NaN);
                    }
                    loss.writeDouble(Double.NaN);
                    noise.writeDouble(Double.NaN);
                    times.writeDouble(Double.NaN);
                    steps.writeLong(-1);
                }
            }
        }
        return values;
    }

    private record Shape(long records, int k) {}

    /** First pass: the most gradient records of any member and the most singular values of any record. */
    private Shape measure(String runId, SortedSet<Integer> members, long fromStep) {
        TreeMap<Integer, Long> records = new TreeMap<>();
        int k = 0;
        try (Stream<MemberEvent> events = reader.events(runId, members)) {
            for (Iterator<MemberEvent> it = events.iterator(); it.hasNext(); ) {
                MemberEvent next = it.next();
                if (!(next.event() instanceof GradientRecorded g) || g.step() < fromStep) continue;
                records.merge(next.member(), 1L, Long::sum);
                k = Math.max(k, g.singularValues().length);
            }
        }
        return new Shape(records.values().stream().mapToLong(Long::longValue).max().orElse(0), k);
    }
}
