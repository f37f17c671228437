package org.dysonsim.actors;

import org.apache.pekko.actor.typed.ActorRef;
import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.MemberCommand;

/**
 * How a member supervisor spawns the actors that simulate its member, one generation at a time
 * (a generation ends when it finishes, fails, or the member pauses for its recorder): eigenvalue
 * blocks for a particle-level member, loss and weight-matrix actors for a matrix-level one.
 */
sealed interface Generations permits ParticleGenerations, CheckpointedGenerations {

    /**
     * Spawns generation {@code generation}, continuing after nominal step {@code step} from the
     * positions {@code start} (particle level) or from {@code checkpoint} (matrix level; null:
     * from W₀, re-simulating deterministically up to {@code step}).
     *
     * @param failAt for testing supervision: the clock fails on reaching this step (−1: never)
     */
    void spawn(int generation, long step, double[] start, MatrixCheckpoint checkpoint, long failAt);

    /**
     * The positions of step 0 for a fresh member; null when the first generation computes them (a
     * weight matrix's spectrum).
     *
     * @throws IllegalArgumentException if they cannot be had (one line)
     */
    double[] initialPositions();

    /** {@code checkpoint} if a resumed member may continue from it after {@code lastStep}, else null (from W₀). */
    default MatrixCheckpoint resumable(MatrixCheckpoint checkpoint, long lastStep) {
        return null;
    }

    /** Stops the current generation's actors, wherever they run. */
    void stop();

    /** Null if {@code ref} is none of this generation's actors, else why its stop ends the generation. */
    String lost(ActorRef<?> ref, String cause);

    /** A block host placed a block; answered only by generations that spread blocks over nodes. */
    default void placed(MemberCommand.BlockPlaced message) {}

    /** Null if {@code generation} is not waiting for blocks, else why it cannot start. */
    default String unplaced(int generation) {
        return null;
    }
}
