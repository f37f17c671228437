package org.dysonsim.actors;

import java.util.ArrayDeque;
import org.dysonsim.protocol.MatrixCheckpoint;

/**
 * The bookkeeping of one member's writes to its recorder, with no actor in it: how many commands
 * are unanswered, which snapshots are not yet durable (the backlog, bounded by
 * {@code maxBacklog}: a full backlog pauses the simulation until half of it is written), the
 * last durable step, and a matrix-level checkpoint waiting for the snapshot of its step to be
 * durable (so that a stored checkpoint never lies beyond the recorded trajectory).
 *
 * <p>The recorder acknowledges with the step of each command (0 for the start); a checkpoint's
 * acknowledgement never exceeds the durable step, so taking the maximum is exact.
 */
final class WritePipeline {
    private final int maxBacklog;
    private final ArrayDeque<Long> notDurable = new ArrayDeque<>();
    private int unanswered;
    private long durableStep = -1;
    private MatrixCheckpoint waiting;

    /** @param maxBacklog the most snapshots sent and not yet durable before the simulation pauses */
    WritePipeline(int maxBacklog) {
        if (maxBacklog < 1) throw new IllegalArgumentException("the backlog bound must be at least 1, got " + maxBacklog);
        this.maxBacklog = maxBacklog;
    }

    /** A resumed member: everything up to {@code step} is already in the journal. */
    void durableUpTo(long step) {
        durableStep = Math.max(durableStep, step);
    }

    /** A command other than a snapshot was sent (start, completion, failure, checkpoint). */
    void sent() {
        unanswered++;
    }

    /** The snapshot of {@code step} was sent. */
    void snapshotSent(long step) {
        unanswered++;
        notDurable.addLast(step);
    }

    /**
     * An acknowledgement of {@code step} arrived.
     *
     * @return the waiting checkpoint if it may now be saved (its snapshot is durable), else null
     */
    MatrixCheckpoint acknowledged(long step) {
        if (unanswered == 0) throw new IllegalStateException("an acknowledgement of step " + step + " nobody waits for");
        unanswered--;
        durableStep = Math.max(durableStep, step);
        while (!notDurable.isEmpty() && notDurable.peekFirst() <= durableStep) notDurable.removeFirst();
        if (waiting == null || waiting.step() > durableStep) return null;
        MatrixCheckpoint ready = waiting;
        waiting = null;
        return ready;
    }

    /**
     * A matrix-level checkpoint arrived.
     *
     * @return it, if it may be saved now; else null, and it waits for its snapshot (replacing an older one)
     */
    MatrixCheckpoint checkpointed(MatrixCheckpoint checkpoint) {
        if (checkpoint.step() <= durableStep) {
            waiting = null;
            return checkpoint;
        }
        waiting = checkpoint;
        return null;
    }

    /** The simulation is over: a checkpoint still waiting would never be resumed from. */
    void dropWaitingCheckpoint() {
        waiting = null;
    }

    /** The backlog is at its bound: the simulation must wait. */
    boolean full() {
        return notDurable.size() >= maxBacklog;
    }

    /** Half the bound or less is still being written: a paused simulation may go on. */
    boolean drained() {
        return notDurable.size() <= maxBacklog / 2;
    }

    /** Every command sent was acknowledged. */
    boolean idle() {
        return unanswered == 0;
    }

    long durableStep() {
        return durableStep;
    }

    int backlog() {
        return notDurable.size();
    }
}
