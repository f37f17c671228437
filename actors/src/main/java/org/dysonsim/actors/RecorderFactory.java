package org.dysonsim.actors;

import java.util.function.BiFunction;
import org.apache.pekko.actor.typed.Behavior;
import org.dysonsim.protocol.RecorderCommand;

/**
 * Where a run's members record (one recorder per member, spawned by its supervisor) and where
 * their trajectories are read back from: the recording is the only source of a run's result.
 */
public interface RecorderFactory {

    Behavior<RecorderCommand> recorder(String runId, int member);

    /** What member {@code member}'s recorders have recorded under {@code runId}, read back. */
    MemberTrajectory recorded(String runId, int member);

    /** Recorders from {@code recorders}, read back through {@code recorded}. */
    static RecorderFactory of(BiFunction<String, Integer, Behavior<RecorderCommand>> recorders,
                              BiFunction<String, Integer, MemberTrajectory> recorded) {
        return new RecorderFactory() {
            @Override
            public Behavior<RecorderCommand> recorder(String runId, int member) {
                return recorders.apply(runId, member);
            }

            @Override
            public MemberTrajectory recorded(String runId, int member) {
                return recorded.apply(runId, member);
            }
        };
    }

    /**
     * Recorders that keep everything in memory, for runs with recording off and for tests. The
     * returned factory is its own journal: a run resumed with the same factory continues from
     * what the first run recorded.
     */
    static RecorderFactory inMemory() {
        return new InMemoryJournal();
    }
}
