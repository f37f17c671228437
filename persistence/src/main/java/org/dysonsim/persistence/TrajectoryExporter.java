package org.dysonsim.persistence;

import org.dysonsim.persistence.TrajectoryReader.MemberEvent;
import org.dysonsim.protocol.TrajectoryEvent;
import org.dysonsim.protocol.TrajectoryEvent.SnapshotRecorded;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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
 * existing file is replaced only when the options say so.
 */
public final class TrajectoryExporter {

    private final TrajectoryReader reader;

    public TrajectoryExporter(TrajectoryReader reader) {
        this.reader = reader;
    }

    /**
     * @throws JournalException if the run is unknown, no member is in the range, or a file
     *                          cannot be written
     */
    public ExportSummary export(String runId, ExportOptions options, Path out) {
        SortedSet<Integer> members = reader.members(runId);
        if (options.members() != null) {
            members = options.members().select(members);
            if (members.isEmpty()) {
                throw new JournalException("run " + runId + " has no member in " + options.members()
                        + " (members " + reader.members(runId).first() + "-" + reader.members(runId).last() + ")");
            }
        }
        List<Path> targets = targets(out, options.format());
        for (Path target : targets) {
            refuseToReplace(target, options.overwrite());
        }
        List<Path> parts = new ArrayList<>();
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            for (Path target : targets) {
                parts.add(newPart(target));
            }
            ExportSummary written = options.format() == ExportFormat.CSV
                    ? writeCsv(runId, members, options.fromStep(), options.squared(), parts.get(0))
                    : writeNpy(runId, members, options.fromStep(), options.squared(), parts);
            for (int i = 0; i < targets.size(); i++) {
                publish(parts.get(i), targets.get(i), options.overwrite());
            }
            return new ExportSummary(targets, written.members(), written.records(), written.n(), written.values());
        } catch (IOException | UncheckedIOException e) {
            throw new JournalException("cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            for (Path part : parts) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // a leftover hidden .part file is harmless; the export's own error says more
                }
            }
        }
    }

    /** The files an export to {@code out} writes: {@code out}, and for NPY its times and steps beside it. */
    public static List<Path> targets(Path out, ExportFormat format) {
        return format == ExportFormat.CSV ? List.of(out) : List.of(out, sibling(out, "times"), sibling(out, "steps"));
    }

    private static void refuseToReplace(Path target, boolean overwrite) {
        if (Files.isDirectory(target)) {
            throw new JournalException(target + " is a directory; name a file to write");
        }
        if (!overwrite && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new JournalException(target + " exists; add --force to replace it");
        }
    }

    /**
     * A new hidden file beside {@code target} to write into: the target appears only when it is
     * complete, by a rename, and an export that fails leaves what was there before untouched.
     */
    private static Path newPart(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        String stem = "." + target.getFileName() + "." + ProcessHandle.current().pid() + "-";
        for (long k = System.nanoTime(); ; k++) {
            Path part = dir.resolve(stem + Long.toHexString(k) + ".part");
            try {
                Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return part;
            } catch (FileAlreadyExistsException taken) {
                // another export of the same name at the same moment: try the next name
            }
        }
    }

    private static void publish(Path part, Path target, boolean overwrite) throws IOException {
        if (overwrite) {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try {
            // a hard link fails if the target appeared meanwhile: no file is ever replaced without --force
            Files.createLink(target, part);
        } catch (FileAlreadyExistsException e) {
            throw new JournalException(target + " exists; add --force to replace it");
        } catch (UnsupportedOperationException | IOException noLinks) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new JournalException(target + " exists; add --force to replace it");
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static JournalException pastTheEnd(String runId, long fromStep, long lastStep) {
        return new JournalException("--from-step " + fromStep + ": run " + runId + " has no record at that step or later"
                + (lastStep < 0 ? " (nothing recorded)" : " (its last record is at step " + lastStep + ")"));
    }

    private ExportSummary writeCsv(String runId, SortedSet<Integer> members, long fromStep, boolean squared, Path out)
            throws IOException {
        long values = 0;
        long records = 0;
        int n = 0;
        TreeMap<Integer, Long> recordsPerMember = new TreeMap<>();
        long lastStep = -1;
        try (BufferedWriter csv = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             Stream<MemberEvent> events = reader.events(runId, members)) {
            csv.write("member,step,t,index,value\n");
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
                String prefix = next.member() + "," + snapshot.step() + "," + snapshot.t() + ",";
                double[] positions = snapshot.values();
                for (int i = 0; i < positions.length; i++) {
                    row.setLength(0);
                    row.append(prefix).append(i).append(',').append(squared ? positions[i] * positions[i] : positions[i])
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
        records = recordsPerMember.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return new ExportSummary(List.of(out), members.size(), records, n, values);
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

    /** {@code out.npy} → {@code out.<kind>.npy}; a name without {@code .npy} gets {@code .<kind>.npy} appended. */
    static Path sibling(Path out, String kind) {
        String name = out.getFileName().toString();
        String stem = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(stem + "." + kind + ".npy");
    }
}
