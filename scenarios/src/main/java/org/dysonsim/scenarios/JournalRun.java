package org.dysonsim.scenarios;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.persistence.JournalSession;
import org.dysonsim.persistence.TrajectoryReader;
import org.dysonsim.protocol.TrajectoryEvent;
import org.dysonsim.scenarios.report.MemberSource;
import org.dysonsim.scenarios.report.RecordedRun;

/**
 * A run rebuilt from its journal alone (persistence query through {@link TrajectoryReader}): the
 * resolved scenario of its {@code RunStarted} events gives the {@link RunSpec} ({@link StoredRun}), the
 * {@code SnapshotRecorded} events the trajectories, a {@code RunFailed} event the failure; and its
 * h/2 companion of error control, recorded under the run's fine persistence ids. A report reads
 * them as a {@link RecordedRun} whose members stream from the journal one at a time.
 */
public final class JournalRun {
    /** Run ids of a sweep are the study id plus {@code -s<k>} (scenarios.RunNaming). */
    private static final Pattern SWEEP_RUN = Pattern.compile("(.*-\\d{8}-\\d{6}(?:-\\d+)?)-s\\d+");

    private JournalRun() {}

    /**
     * The run for its report: its spec and failure read now, its members streamed from the journal
     * on every pass, one at a time (the reader's session must stay open while they are read).
     *
     * @throws IllegalArgumentException if nothing was recorded under this run id
     */
    public static RecordedRun recorded(TrajectoryReader reader, String runId) {
        RunSpec spec = spec(reader, runId);
        SortedSet<Integer> members = reader.members(runId);
        return new RecordedRun(spec, failure(members, member -> reader.events(runId, member)),
                streamed(members, member -> reader.events(runId, member)));
    }

    /**
     * What the run was, from its recorded scenario.
     *
     * @throws IllegalArgumentException if nothing was recorded under this run id
     * @throws org.dysonsim.scenarios.config.ScenarioException if its recorded scenario is no longer valid (one line)
     */
    public static RunSpec spec(TrajectoryReader reader, String runId) {
        if (reader.members(runId).isEmpty()) throw new IllegalArgumentException("unknown run id " + runId + " (see dyson list)");
        return StoredRun.read(reader, runId);
    }

    /**
     * The run's h/2 companion (error control, {@link ErrorControl}) as recorded under its fine
     * persistence ids, its members streamed from the journal; empty when the journal holds none.
     */
    public static Optional<RecordedRun> recordedFine(TrajectoryReader reader, RunSpec run) {
        Optional<RunSpec> companion = ErrorControl.companion(run);
        if (companion.isEmpty()) return Optional.empty();
        SortedSet<Integer> members = reader.fineMembers(run.runId());
        if (members.isEmpty()) return Optional.empty();
        return Optional.of(new RecordedRun(companion.get(), failure(members, member -> reader.fineEvents(run.runId(), member)),
                streamed(members, member -> reader.fineEvents(run.runId(), member))));
    }

    /** The run's members (its h/2 companion's with {@code fine}) streamed from the journal, one at a time; none if it recorded none. */
    public static MemberSource members(TrajectoryReader reader, String runId, boolean fine) {
        return fine ? streamed(reader.fineMembers(runId), member -> reader.fineEvents(runId, member))
                : streamed(reader.members(runId), member -> reader.events(runId, member));
    }

    /**
     * A run that just ran (or its h/2 companion, with {@code fine}) as its report reads it: how it
     * ended as it was told, its members from the journal; a run that recorded nothing as it is.
     */
    public static RecordedRun reported(JournalSession session, RunResult live, String runId, boolean fine) {
        if (!session.holds(runId)) return RecordedRun.of(live);
        return new RecordedRun(live.spec(), live.failure(), members(session.reader(), runId, fine));
    }

    /** Reads one member's events from the journal. */
    private interface MemberEvents {
        Stream<TrajectoryEvent> of(int member);
    }

    /** The failure of the first member (in member order) whose events end failed, or null. */
    private static String failure(SortedSet<Integer> members, MemberEvents events) {
        for (int member : members) {
            try (Stream<TrajectoryEvent> each = events.of(member)) {
                String failure = failure(member, each.filter(e -> e instanceof TrajectoryEvent.RunFailed
                        || e instanceof TrajectoryEvent.RunCompleted).toList());
                if (failure != null) return failure;
            }
        }
        return null;
    }

    private static MemberSource streamed(SortedSet<Integer> members, MemberEvents events) {
        return each -> {
            for (int member : members) {
                MemberTrajectory trajectory;
                try (Stream<TrajectoryEvent> all = events.of(member)) {
                    trajectory = MemberTrajectory.of(member, all);
                }
                each.accept(trajectory);
            }
        };
    }

    /** How a member's events end: failed (its one-line diagnostic) or not (null). */
    private static String failure(int member, List<TrajectoryEvent> events) {
        String failure = null;
        // a resumed member starts again (a second RunStarted): its later events continue the same trajectory
        for (TrajectoryEvent e : events) {
            if (e instanceof TrajectoryEvent.RunFailed f) {
                failure = "member " + member + ": " + f.reason();
            } else if (e instanceof TrajectoryEvent.RunCompleted) {
                failure = null;
            }
        }
        return failure;
    }

    /** The study a run id belongs to: the id itself, or without its {@code -s<k>} for a run of a sweep. */
    public static String study(String runId) {
        var m = SWEEP_RUN.matcher(runId);
        return m.matches() ? m.group(1) : runId;
    }
}
