package org.dysonsim.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.persistence.TrajectoryReader;
import org.dysonsim.protocol.TrajectoryEvent;
import org.dysonsim.scenarios.config.ScenarioException;

/**
 * A run rebuilt from its journal alone (persistence query through {@link TrajectoryReader}): the
 * resolved scenario of its {@code RunStarted} events gives the {@link RunSpec}, the
 * {@code SnapshotRecorded} events the trajectories, a {@code RunFailed} event the failure —
 * the same {@link RunResult} the live run handed to its report; and its h/2 companion of error
 * control, recorded under the run's fine persistence ids.
 */
public final class JournalRun {
    /** Run ids of a sweep are the study id plus {@code -s<k>} (scenarios.RunNaming). */
    private static final Pattern SWEEP_RUN = Pattern.compile("(.*-\\d{8}-\\d{6}(?:-\\d+)?)-s\\d+");

    private JournalRun() {}

    /** @throws IllegalArgumentException if nothing was recorded under this run id */
    public static RunResult read(TrajectoryReader reader, String runId) {
        SortedSet<Integer> members = reader.members(runId);
        if (members.isEmpty()) throw new IllegalArgumentException("unknown run id " + runId + " (see dyson list)");
        List<MemberTrajectory> trajectories = new ArrayList<>();
        String scenario = null;
        String failure = null;
        for (int member : members) {
            Recorded recorded;
            try (Stream<TrajectoryEvent> events = reader.events(runId, member)) {
                recorded = Recorded.of(member, events);
            }
            if (scenario == null) scenario = recorded.scenario();
            if (failure == null) failure = recorded.failure();
            trajectories.add(recorded.trajectory());
        }
        if (scenario == null) throw new IllegalArgumentException("run " + runId + " has no RunStarted event in the journal");
        return new RunResult(spec(scenario, runId), trajectories, failure);
    }

    /**
     * The run's h/2 companion (error control, {@link ErrorControl}) as recorded under its fine
     * persistence ids; empty when the run has no companion in the journal.
     */
    public static Optional<RunResult> readFine(TrajectoryReader reader, RunSpec run) {
        Optional<RunSpec> companion = ErrorControl.companion(run);
        if (companion.isEmpty()) return Optional.empty();
        SortedSet<Integer> members = reader.fineMembers(run.runId());
        if (members.isEmpty()) return Optional.empty();
        List<MemberTrajectory> trajectories = new ArrayList<>();
        String failure = null;
        for (int member : members) {
            try (Stream<TrajectoryEvent> events = reader.fineEvents(run.runId(), member)) {
                Recorded recorded = Recorded.of(member, events);
                if (failure == null) failure = recorded.failure();
                trajectories.add(recorded.trajectory());
            }
        }
        return Optional.of(new RunResult(companion.get(), trajectories, failure));
    }

    /** One member's recorded trajectory, the scenario of its first RunStarted, and its failure if it ended failed. */
    private record Recorded(MemberTrajectory trajectory, String scenario, String failure) {
        static Recorded of(int member, Stream<TrajectoryEvent> events) {
            List<TrajectoryEvent> all = events.toList();
            String scenario = null;
            String failure = null;
            for (TrajectoryEvent e : all) {
                if (e instanceof TrajectoryEvent.RunStarted started) {
                    if (scenario == null) scenario = started.scenario();
                    // a resumed member starts again: its later events continue the same trajectory
                } else if (e instanceof TrajectoryEvent.RunFailed f) {
                    failure = "member " + member + ": " + f.reason();
                } else if (e instanceof TrajectoryEvent.RunCompleted) {
                    failure = null;
                }
            }
            return new Recorded(MemberTrajectory.of(member, all), scenario, failure);
        }
    }

    /** The study a run id belongs to: the id itself, or without its {@code -s<k>} for a run of a sweep. */
    public static String study(String runId) {
        var m = SWEEP_RUN.matcher(runId);
        return m.matches() ? m.group(1) : runId;
    }

    /**
     * The spec from the scenario text stored in the journal, validated as any scenario is
     * (through a temporary file, the loader's only input).
     *
     * @throws ScenarioException if the stored scenario is no longer valid (one line)
     */
    private static RunSpec spec(String scenario, String runId) {
        try {
            Path dir = Files.createTempDirectory("dyson-replay");
            try {
                Files.writeString(dir.resolve(org.dysonsim.scenarios.report.RunReport.SCENARIO), scenario);
                return StoredRun.spec(dir, runId);
            } finally {
                Files.deleteIfExists(dir.resolve(org.dysonsim.scenarios.report.RunReport.SCENARIO));
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
