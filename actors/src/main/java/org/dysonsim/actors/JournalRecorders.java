package org.dysonsim.actors;

import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.dysonsim.persistence.TrajectoryReader;
import org.dysonsim.persistence.TrajectoryRecorder;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;

/**
 * Members recorded by {@link TrajectoryRecorder}s into the journal that {@code system} is
 * configured with, and read back from it through persistence query ({@link TrajectoryReader}),
 * as replay and resume read them. {@code fine}: the h/2 companions of error control, under their
 * own persistence ids.
 */
public final class JournalRecorders implements RecorderFactory {
    private final TrajectoryReader reader;
    private final boolean fine;

    private JournalRecorders(ActorSystem<?> system, boolean fine) {
        this.reader = new TrajectoryReader(system);
        this.fine = fine;
    }

    /** The members of runs. */
    public static JournalRecorders members(ActorSystem<?> system) {
        return new JournalRecorders(system, false);
    }

    /** The h/2 companions of error control. */
    public static JournalRecorders fine(ActorSystem<?> system) {
        return new JournalRecorders(system, true);
    }

    @Override
    public Behavior<RecorderCommand> recorder(String runId, int member) {
        return fine ? TrajectoryRecorder.createFine(runId, member) : TrajectoryRecorder.create(runId, member);
    }

    /** @throws org.dysonsim.persistence.JournalException if the journal cannot be read (one line) */
    @Override
    public MemberTrajectory recorded(String runId, int member) {
        try (Stream<TrajectoryEvent> events = fine ? reader.fineEvents(runId, member) : reader.events(runId, member)) {
            return MemberTrajectory.of(member, events);
        }
    }
}
