package org.dysonsim.scenarios;

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

/**
 * A run rebuilt from its journal alone (persistence query through {@link TrajectoryReader}): the
 * resolved scenario of its {@code RunStarted} events gives the {@link RunSpec} ({@link StoredRun}), the
 * {@code SnapshotRecorded} events the trajectories, a {@code RunFailed} event the failure —
 * the same {@link RunResult} the live run handed to its report; and its h/2 companion of error
 * control, recorded under the run's fine persistence ids.
 */
public final class JournalRun {
    /** Run ids of a sweep are the study id plus {@code -s<k>} (scenarios.RunNaming). */
    private static final Pattern SWEEP_RUN = Pattern.compile("(.*-\\d{8}-\\d{6}(?:-\\d+)?)-s\\d+");

    private JournalRun() {}

    /**
     * @throws IllegalArgumentException if nothing was recorded under this run id
     * @throws org.dysonsim.scenarios.config.ScenarioException if its recorded scenario is no longer valid (one line)
     */
    public static RunResult read(TrajectoryReader reader, String runId) {
        SortedSet<Integer> members = reader.members(runId);
        if (members.isEmpty()) throw new IllegalArgumentException("unknown run id " + runId + " (see dyson list)");
        RunSpec spec = StoredRun.read(reader, runId);
        List<MemberTrajectory> trajectories = new ArrayList<>();
        String failure = null;
        for (int member : members) {
            Recorded recorded;
            try (Stream<TrajectoryEvent> events = reader.events(runId, member)) {
                recorded = Recorded.of(member, events);
            }
            if (failure == null) failure = recorded.failure();
            trajectories.add(recorded.trajectory());
        }
        return new RunResult(spec, trajectories, failure);
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

    /** One member's recorded trajectory and its failure if it ended failed. */
    private record Recorded(MemberTrajectory trajectory, String failure) {
        static Recorded of(int member, Stream<TrajectoryEvent> events) {
            List<TrajectoryEvent> all = events.toList();
            String failure = null;
            // a resumed member starts again (a second RunStarted): its later events continue the same trajectory
            for (TrajectoryEvent e : all) {
                if (e instanceof TrajectoryEvent.RunFailed f) {
                    failure = "member " + member + ": " + f.reason();
                } else if (e instanceof TrajectoryEvent.RunCompleted) {
                    failure = null;
                }
            }
            return new Recorded(MemberTrajectory.of(member, all), failure);
        }
    }

    /** The study a run id belongs to: the id itself, or without its {@code -s<k>} for a run of a sweep. */
    public static String study(String runId) {
        var m = SWEEP_RUN.matcher(runId);
        return m.matches() ? m.group(1) : runId;
    }
}
