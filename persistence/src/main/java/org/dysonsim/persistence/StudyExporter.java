package org.dysonsim.persistence;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dysonsim.protocol.TrajectoryEvent;

/**
 * Exports every run of a study (a sweep: runs {@code <study>-s1}, {@code <study>-s2}, …) to one
 * CSV (or, for NPY, writes the index of the runs' own NPY files, {@link #writeIndex}): the columns {@code run_id}, then one per swept key (its value in that run), then the
 * columns of a run's own CSV export (spectra, {@link TrajectoryExporter#HEADER}, or gradient
 * records, {@link GradientExporter#HEADER}), streaming run after run. Written as
 * {@link ExportFiles} writes.
 */
public final class StudyExporter {
    private final TrajectoryReader reader;

    public StudyExporter(TrajectoryReader reader) {
        this.reader = reader;
    }

    /**
     * One run of the study: its id, the value of each swept key as the CSV shows it, whether its
     * recorded values are squared on export (singular values), and its gradient records' layer counts.
     */
    public record StudyRun(String runId, List<String> values, boolean squared, int[] layerCounts) {}

    /** The runs of study {@code studyId} in sweep order (s1, s2, …), empty when it is no study. */
    public static List<String> runsOf(List<String> runIds, String studyId) {
        Pattern run = Pattern.compile(Pattern.quote(studyId) + "-s(\\d+)");
        List<String> out = new ArrayList<>();
        for (String id : runIds) {
            if (run.matcher(id).matches()) out.add(id);
        }
        out.sort(Comparator.comparingLong(id -> {
            Matcher m = run.matcher(id);
            m.matches();
            return Long.parseLong(m.group(1));
        }));
        return out;
    }

    /** The resolved scenario a run recorded at its start (its first member's), if any. */
    public Optional<String> recordedScenario(String runId) {
        for (int member : reader.members(runId)) {
            try (var events = reader.events(runId, member)) {
                Optional<String> text = events.filter(e -> e instanceof TrajectoryEvent.RunStarted)
                        .map(e -> ((TrajectoryEvent.RunStarted) e).scenario()).findFirst();
                if (text.isPresent()) return text;
            }
        }
        return Optional.empty();
    }

    /**
     * @param keys      the swept keys, one column each
     * @param gradients the gradient records rather than the spectra
     */
    public ExportSummary export(List<StudyRun> runs, List<String> keys, boolean gradients, boolean overwrite, Path out) {
        long[] totals = new long[3]; // members, values, largest n
        ExportFiles.write(List.of(out), overwrite, parts -> {
            try (BufferedWriter csv = Files.newBufferedWriter(parts.get(0), StandardCharsets.UTF_8)) {
                StringBuilder header = new StringBuilder("run_id");
                for (String key : keys) header.append(',').append(cell(key));
                csv.write(header + "," + (gradients ? GradientExporter.HEADER : TrajectoryExporter.HEADER) + "\n");
                for (StudyRun run : runs) {
                    StringBuilder prefix = new StringBuilder(cell(run.runId()));
                    for (String value : run.values()) prefix.append(',').append(cell(value));
                    prefix.append(',');
                    var members = reader.members(run.runId());
                    totals[0] += members.size();
                    if (gradients) {
                        totals[1] += new GradientExporter(reader).csvRows(run.runId(), members, 0, run.layerCounts(), prefix.toString(), csv);
                    } else {
                        ExportSummary s = new TrajectoryExporter(reader).csvRows(run.runId(), members, 0, run.squared(), prefix.toString(), csv);
                        totals[1] += s.values();
                        totals[2] = Math.max(totals[2], s.n());
                    }
                }
            }
            return null;
        });
        return new ExportSummary(List.of(out), (int) totals[0], runs.size(), (int) totals[2], totals[1]);
    }

    /**
     * The index of a study exported as one set of NPY files per run: {@code run_id}, the swept
     * keys, and the {@code file} each run's values went to (a name beside the index).
     */
    public void writeIndex(List<StudyRun> runs, List<String> keys, List<String> files, boolean overwrite, Path out) {
        ExportFiles.write(List.of(out), overwrite, parts -> {
            try (BufferedWriter csv = Files.newBufferedWriter(parts.get(0), StandardCharsets.UTF_8)) {
                StringBuilder header = new StringBuilder("run_id");
                for (String key : keys) header.append(',').append(cell(key));
                csv.write(header + ",file\n");
                for (int r = 0; r < runs.size(); r++) {
                    StringBuilder row = new StringBuilder(cell(runs.get(r).runId()));
                    for (String value : runs.get(r).values()) row.append(',').append(cell(value));
                    csv.write(row.append(',').append(cell(files.get(r))).append('\n').toString());
                }
            }
            return null;
        });
    }

    /** A CSV cell: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
    static String cell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return text;
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
