package org.dysonsim.persistence;

import org.dysonsim.persistence.TrajectoryReader.MemberEvent;
import org.dysonsim.protocol.TrajectoryEvent;
import org.dysonsim.protocol.TrajectoryEvent.SnapshotRecorded;

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

/**
 * Exports a recorded run for other tools, streaming event by event so memory does not grow
 * with the run.
 * <ul>
 *   <li>CSV: header {@code member,step,t,index,value}, one row per value, members ascending,
 *       records in step order, values by index.</li>
 *   <li>NPY: {@code FILE} holds float64 values of shape (members, records, n); beside it
 *       {@code FILE.times.npy} (float64 t) and {@code FILE.steps.npy} (int64 step), both of shape
 *       (members, records), where FILE.times/steps replace a trailing {@code .npy} of FILE. A member
 *       with fewer records than the longest is padded with NaN values and times and step −1.
 *       The shape comes from a first pass over the events, so the data is read twice.</li>
 * </ul>
 * Every file is written under a hidden temporary name beside it and renamed when complete; an
 * existing file is replaced only when the options say so ({@link ExportFiles}).
 */
public final class TrajectoryExporter {
    /** The columns of a CSV export. */
    public static final String HEADER = "member,step,t,index,value";

    private final TrajectoryReader reader;

    public TrajectoryExporter(TrajectoryReader reader) {
        this.reader = reader;
    }

    /**
     * @throws JournalException if the run is unknown, no member is in the range, or a file
     *                          cannot be written
     */
    public ExportSummary export(String runId, ExportOptions options, Path out) {
        SortedSet<Integer> members = ExportFiles.members(reader, runId, options.members());
        List<Path> targets = targets(out, options.format());
        ExportSummary written = ExportFiles.write(targets, options.overwrite(), parts -> options.format() == ExportFormat.CSV
                ? writeCsv(runId, members, options.fromStep(), options.squared(), parts.get(0))
                : writeNpy(runId, members, options.fromStep(), options.squared(), parts));
        return new ExportSummary(targets, written.members(), written.records(), written.n(), written.values());
    }

    /** The files an export to {@code out} writes: {@code out}, and for NPY its times and steps beside it. */
    public static List<Path> targets(Path out, ExportFormat format) {
        return format == ExportFormat.CSV ? List.of(out) : List.of(out, sibling(out, "times"), sibling(out, "steps"));
    }

    private static JournalException pastTheEnd(String runId, long fromStep, long lastStep) {
        return new JournalException("--from-step " + fromStep + ": run " + runId + " has no record at that step or later"
                + (lastStep < 0 ? " (nothing recorded)" : " (its last record is at step " + lastStep + ")"));
    }

    private ExportSummary writeCsv(String runId, SortedSet<Integer> members, long fromStep, boolean squared, Path out)
            throws IOException {
        ExportSummary written;
        try (BufferedWriter csv = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            csv.write(HEADER + "\n");
            written = csvRows(runId, members, fromStep, squared, "", csv);
        }
        return new ExportSummary(List.of(out), written.members(), written.records(), written.n(), written.values());
    }

    /**
     * The CSV rows of a run's snapshots (no header), each row after {@code prefix} (a study's run
     * columns, or nothing).
     *
     * @throws JournalException if {@code fromStep} is past the run's last record
     */
    ExportSummary csvRows(String runId, SortedSet<Integer> members, long fromStep, boolean squared, String prefix, Writer csv)
            throws IOException {
        long values = 0;
        int n = 0;
        TreeMap<Integer, Long> recordsPerMember = new TreeMap<>();
        long lastStep = -1;
        try (Stream<MemberEvent> events = reader.events(runId, members)) {
            StringBuilder row = new StringBuilder(64);
            for (Iterator<MemberEvent> it = events.iterator(); it.hasNext(); ) {
                MemberEvent next = it.next();
                if (!(next.event() instanceof SnapshotRecorded snapshot)) {
                    continue;
                }
                lastStep = Math.max(lastStep, snapshot.step());
                if (snapshot.step() < fromStep) {
                    continue;
                }
                String record = prefix + next.member() + "," + snapshot.step() + "," + snapshot.t() + ",";
                double[] positions = snapshot.values();
                for (int i = 0; i < positions.length; i++) {
                    row.setLength(0);
                    row.append(record).append(i).append(',').append(squared ? positions[i] * positions[i] : positions[i])
                            .append('\n');
                    csv.append(row);
                }
                values += positions.length;
                n = Math.max(n, positions.length);
                recordsPerMember.merge(next.member(), 1L, Long::sum);
            }
        }
        if (values == 0 && fromStep > 0) {
            throw pastTheEnd(runId, fromStep, lastStep);
        }
        long records = recordsPerMember.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return new ExportSummary(List.of(), members.size(), records, n, values);
    }

    private ExportSummary writeNpy(String runId, SortedSet<Integer> members, long fromStep, boolean squared, List<Path> files)
            throws IOException {
        Shape shape = measure(runId, members, fromStep);
        if (shape.records == 0 && fromStep > 0) {
            throw pastTheEnd(runId, fromStep, shape.lastStep);
        }
        Path out = files.get(0);
        Path times = files.get(1);
        Path steps = files.get(2);
        long values = 0;
        try (NpyWriter valueArray = new NpyWriter(out, "<f8", members.size(), shape.records, shape.n);
             NpyWriter timeArray = new NpyWriter(times, "<f8", members.size(), shape.records);
             NpyWriter stepArray = new NpyWriter(steps, "<i8", members.size(), shape.records)) {
            for (int member : members) {
                long written = 0;
                try (Stream<TrajectoryEvent> events = reader.events(runId, member)) {
                    for (Iterator<TrajectoryEvent> it = events.iterator(); it.hasNext(); ) {
                        if (!(it.next() instanceof SnapshotRecorded snapshot) || snapshot.step() < fromStep) {
                            continue;
                        }
                        for (double value : snapshot.values()) {
                            valueArray.writeDouble(squared ? value * value : value);
                        }
                        timeArray.writeDouble(snapshot.t());
                        stepArray.writeLong(snapshot.step());
                        values += snapshot.values().length;
                        written++;
                    }
                }
                for (; written < shape.records; written++) {
                    for (int i = 0; i < shape.n; i++) {
                        valueArray.writeDouble(Double.NaN);
                    }
                    timeArray.writeDouble(Double.NaN);
                    stepArray.writeLong(-1);
                }
            }
        }
        return new ExportSummary(List.of(out, times, steps), members.size(), shape.records, shape.n, values);
    }

    private record Shape(long records, int n, long lastStep) {}

    /** First pass: the most records of any member and the one n they all share. */
    private Shape measure(String runId, SortedSet<Integer> members, long fromStep) {
        long mostRecords = 0;
        long lastStep = -1;
        int n = -1;
        for (int member : members) {
            long records = 0;
            try (Stream<TrajectoryEvent> events = reader.events(runId, member)) {
                for (Iterator<TrajectoryEvent> it = events.iterator(); it.hasNext(); ) {
                    if (!(it.next() instanceof SnapshotRecorded snapshot)) {
                        continue;
                    }
                    lastStep = Math.max(lastStep, snapshot.step());
                    if (snapshot.step() < fromStep) {
                        continue;
                    }
                    if (n >= 0 && snapshot.values().length != n) {
                        throw new JournalException("run " + runId + ": member " + member + " step " + snapshot.step()
                                + " has " + snapshot.values().length + " values, others " + n
                                + "; export it as CSV");
                    }
                    n = snapshot.values().length;
                    records++;
                }
            }
            mostRecords = Math.max(mostRecords, records);
        }
        return new Shape(mostRecords, Math.max(n, 0), lastStep);
    }

    static Path sibling(Path out, String kind) {
        return ExportFiles.sibling(out, kind);
    }
}
