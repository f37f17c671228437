package org.dysonsim.actors;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.MatrixLossCommand;
import org.dysonsim.protocol.MemberCommand;

/**
 * A matrix-level member's generations: a loss actor and a weight-matrix actor, from a checkpoint
 * or else from W₀ (re-simulating deterministically; the supervisor drops snapshots it has
 * already recorded).
 */
final class MatrixGenerations implements Generations {
    private final ActorContext<MemberCommand> context;
    private final RunSpec spec;
    private final MatrixModel matrix;
    private final int member;
    private final GenerationActors actors;

    MatrixGenerations(ActorContext<MemberCommand> context, RunSpec spec, MatrixModel matrix, int member) {
        this.context = context;
        this.spec = spec;
        this.matrix = matrix;
        this.member = member;
        this.actors = new GenerationActors(context);
    }

    @Override
    public void spawn(int generation, long step, double[] start, MatrixCheckpoint checkpoint, long failAt) {
        if (checkpoint != null) {
            context.getLog().info("member {}: generation {} continues from the checkpoint of step {}", member, generation,
                    checkpoint.step());
        }
        ActorRef<MatrixLossCommand> loss = actors.child(context.spawn(MatrixLoss.create(matrix, spec.seed(), member,
                checkpoint == null ? null : checkpoint.lossState()), "loss-" + generation));
        WeightMatrix.Setup setup = new WeightMatrix.Setup(matrix, spec.seed(), member, spec.steps(), spec.recordEvery(),
                checkpoint, loss, context.getSelf(), generation, failAt);
        actors.child(context.spawn(WeightMatrix.create(setup), "weights-" + generation));
    }

    @Override
    public double[] initialPositions() {
        return null;
    }

    @Override
    public MatrixCheckpoint resumable(MatrixCheckpoint checkpoint, long lastStep) {
        if (checkpoint == null) return null;
        if (checkpoint.step() <= lastStep && checkpoint.rows() == matrix.rows() && checkpoint.cols() == matrix.n()) {
            return checkpoint;
        }
        context.getLog().warn("member {}: ignoring a checkpoint of step {} ({}×{}) that does not fit the run "
                + "(last snapshot at step {}); re-simulating from W₀", member, checkpoint.step(), checkpoint.rows(),
                checkpoint.cols(), lastStep);
        return null;
    }

    @Override
    public void stop() {
        actors.stopAll();
    }

    @Override
    public String lost(ActorRef<?> ref, String cause) {
        return actors.lostChild(ref, cause);
    }
}
