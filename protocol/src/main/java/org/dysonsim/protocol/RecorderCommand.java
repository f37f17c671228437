package org.dysonsim.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * The protocol of a trajectory recorder (one per ensemble member). Commands are acknowledged
 * once their event is durable; the sender need not wait for one acknowledgement before sending
 * the next, so recording overlaps with simulation.
 */
public sealed interface RecorderCommand extends Wire
        permits RecorderCommand.Begin, RecorderCommand.Record, RecorderCommand.Complete, RecorderCommand.Fail,
                RecorderCommand.GetState, RecorderCommand.SaveCheckpoint, RecorderCommand.GetCheckpoint,
                RecorderCommand.BatchWritten, RecorderCommand.JournalRecovered {

    record Begin(TrajectoryEvent.RunStarted started, ActorRef<Ack> replyTo) implements RecorderCommand {}

    /**
     * A snapshot, for a matrix-level or network run the gradient record of the same step, and for
     * a network run its metrics (null otherwise): written together or not at all, so a resumed
     * run never repeats or loses one.
     */
    record Record(TrajectoryEvent.SnapshotRecorded snapshot, TrajectoryEvent.GradientRecorded gradient,
                  TrajectoryEvent.NetworkMetricsRecorded metrics, ActorRef<Ack> replyTo) implements RecorderCommand {
        public Record(TrajectoryEvent.SnapshotRecorded snapshot, TrajectoryEvent.GradientRecorded gradient,
                      ActorRef<Ack> replyTo) {
            this(snapshot, gradient, null, replyTo);
        }

        public Record(TrajectoryEvent.SnapshotRecorded snapshot, ActorRef<Ack> replyTo) {
            this(snapshot, null, null, replyTo);
        }
    }

    record Complete(TrajectoryEvent.RunCompleted completed, ActorRef<Ack> replyTo) implements RecorderCommand {}

    record Fail(TrajectoryEvent.RunFailed failed, ActorRef<Ack> replyTo) implements RecorderCommand {}

    /** The recorder's state: what a resumed member starts from. */
    record GetState(ActorRef<RecorderState> replyTo) implements RecorderCommand {}

    /**
     * Keep {@code checkpoint} as the member's resume point, replacing the one before; acknowledged
     * with its step once durable. Send it only after the snapshot of its step was acknowledged, so
     * that a stored checkpoint never lies beyond the recorded trajectory.
     */
    record SaveCheckpoint(MatrixCheckpoint checkpoint, ActorRef<Ack> replyTo) implements RecorderCommand {}

    /** The last checkpoint saved: what a resumed matrix-level member starts from. */
    record GetCheckpoint(ActorRef<CheckpointState> replyTo) implements RecorderCommand {}

    /**
     * From the recorder's own event-sourced journal only: the batch of {@code commands} it was
     * last sent is durable and answered.
     */
    record BatchWritten(int commands) implements RecorderCommand {}

    /**
     * From the recorder's own event-sourced journal only, after every recovery: after the first,
     * a write failed and its batch was not answered.
     */
    record JournalRecovered() implements RecorderCommand {}

    /** @param checkpoint null if none was saved */
    record CheckpointState(MatrixCheckpoint checkpoint) implements Wire {}

    /**
     * The event at {@code step} is durable; {@link #NO_STEP} for the start, which records no
     * snapshot (an acknowledged start must not count the snapshot of step 0 as written).
     */
    record Ack(long step) implements Wire {
        public static final long NO_STEP = -1;
    }

    /**
     * @param started null if the member never began
     * @param last    the last recorded snapshot, null if none
     */
    record RecorderState(TrajectoryEvent.RunStarted started, TrajectoryEvent.SnapshotRecorded last,
                         Status status, String failure) implements Wire {}

    enum Status { NEW, RUNNING, COMPLETED, FAILED }
}
