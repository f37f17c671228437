package org.dysonsim.actors;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.MemberCommand;

/**
 * The generations of a member that trains weights (matrix level, network): each generation starts
 * from a checkpoint that fits the run, or else from the weights at step 0, re-simulating
 * deterministically (the supervisor drops snapshots it has already recorded). What differs is
 * which actors a generation is made of and which checkpoints fit.
 */
abstract sealed class CheckpointedGenerations implements Generations permits MatrixGenerations, NetworkGenerations {
    final ActorContext<MemberCommand> context;
    final RunSpec spec;
    final int member;
    final GenerationActors actors;

    CheckpointedGenerations(ActorContext<MemberCommand> context, RunSpec spec, int member) {
        this.context = context;
        this.spec = spec;
        this.member = member;
        this.actors = new GenerationActors(context);
    }

    /** Spawns generation {@code generation}'s actors, from {@code checkpoint} (null: from step 0). */
    abstract void spawnFrom(int generation, MatrixCheckpoint checkpoint, long failAt);

    /** Whether {@code checkpoint} has the shapes of this run's weights. */
    abstract boolean fits(MatrixCheckpoint checkpoint);

    /** What a checkpoint must fit, for the log: "the run (512×32)", "the network". */
    abstract String shape();

    @Override
    public final void spawn(int generation, long step, double[] start, MatrixCheckpoint checkpoint, long failAt) {
        if (checkpoint != null) {
            context.getLog().info("member {}: generation {} continues from the checkpoint of step {}", member, generation,
                    checkpoint.step());
        }
        spawnFrom(generation, checkpoint, failAt);
    }

    @Override
    public final double[] initialPositions() {
        return null;
    }

    @Override
    public final MatrixCheckpoint resumable(MatrixCheckpoint checkpoint, long lastStep) {
        if (checkpoint == null) return null;
        if (checkpoint.step() <= lastStep && fits(checkpoint)) return checkpoint;
        context.getLog().warn("member {}: ignoring a checkpoint of step {} ({}×{}) that does not fit {} (last snapshot at"
                + " step {}); re-simulating from step 0", member, checkpoint.step(), checkpoint.rows(), checkpoint.cols(),
                shape(), lastStep);
        return null;
    }

    @Override
    public final void stop() {
        actors.stopAll();
    }

    @Override
    public final String lost(ActorRef<?> ref, String cause) {
        return actors.lostChild(ref, cause);
    }
}
