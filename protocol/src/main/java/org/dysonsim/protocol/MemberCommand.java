package org.dysonsim.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * The protocol of a member's run supervisor. {@code generation} counts the restarts of the
 * member's actors: reports from a generation that has been replaced are ignored.
 */
public sealed interface MemberCommand extends Wire
        permits MemberCommand.Start, MemberCommand.InjectFault, MemberCommand.Snapshot, MemberCommand.Progress,
                MemberCommand.Finished, MemberCommand.Diverged, MemberCommand.StateLoaded,
                MemberCommand.RecorderUnavailable, MemberCommand.RecordAcked, MemberCommand.Stalled,
                MemberCommand.BlockPlaced, MemberCommand.BlocksUnplaced, MemberCommand.Checkpointed,
                MemberCommand.CheckpointLoaded {

    /** Begin (or, for a resumed run, continue) the member. */
    record Start() implements MemberCommand {}

    /**
     * For testing supervision: the next {@code times} generations of the clock fail with an
     * exception on reaching nominal step {@code atStep}. Send before {@link Start}.
     */
    record InjectFault(long atStep, int times) implements MemberCommand {}

    /**
     * The positions after nominal step {@code step}, to be recorded; a matrix-level run adds the
     * gradient record of the same step (null for particle runs), a network run also its metrics.
     */
    record Snapshot(int generation, long step, double t, double[] values, TrajectoryEvent.GradientRecorded gradient,
                    TrajectoryEvent.NetworkMetricsRecorded metrics) implements MemberCommand {
        /** A particle-level snapshot: no gradient record. */
        public Snapshot(int generation, long step, double t, double[] values) {
            this(generation, step, t, values, null, null);
        }

        /** A matrix-level snapshot: no network metrics. */
        public Snapshot(int generation, long step, double t, double[] values, TrajectoryEvent.GradientRecorded gradient) {
            this(generation, step, t, values, gradient, null);
        }
    }

    /**
     * A matrix-level member's resume point after a recorded step, sent after that step's
     * snapshot: the supervisor saves it once the snapshot is durable.
     */
    record Checkpointed(int generation, MatrixCheckpoint checkpoint) implements MemberCommand {}

    /** The recorder's answer to {@link RecorderCommand.GetCheckpoint}, for a resumed member. */
    record CheckpointLoaded(MatrixCheckpoint checkpoint) implements MemberCommand {}

    /** Nominal step {@code step} is done. */
    record Progress(int generation, long step) implements MemberCommand {}

    /** The last nominal step is done (its snapshot was sent before). */
    record Finished(int generation, long step) implements MemberCommand {}

    /** A non-finite value or an unresolvable collision: the member stops, without restarts. */
    record Diverged(int generation, String diagnostic) implements MemberCommand {}

    /** The recorder's answer to {@link RecorderCommand.GetState}, for a resumed member. */
    record StateLoaded(RecorderCommand.RecorderState state) implements MemberCommand {}

    /** The recorder did not answer in time, or failed. */
    record RecorderUnavailable(String reason) implements MemberCommand {}

    /** The snapshot at {@code step} is durable. */
    record RecordAcked(long step) implements MemberCommand {}

    /** Timer: generation {@code generation} made no progress for the configured time. */
    record Stalled(int generation) implements MemberCommand {}

    /** A block host (possibly on another node) spawned block {@code index} of generation {@code generation}. */
    record BlockPlaced(int generation, int index, ActorRef<BlockCommand> block) implements MemberCommand {}

    /** Timer: not every block of generation {@code generation} was placed in time. */
    record BlocksUnplaced(int generation) implements MemberCommand {}
}
