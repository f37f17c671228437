package org.dysonsim.actors;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.MatrixLossCommand;
import org.dysonsim.protocol.MemberCommand;

/** A matrix-level member's generations: a loss actor and a weight-matrix actor. */
final class MatrixGenerations extends CheckpointedGenerations {
    private final MatrixModel matrix;

    MatrixGenerations(ActorContext<MemberCommand> context, RunSpec spec, MatrixModel matrix, int member) {
        super(context, spec, member);
        this.matrix = matrix;
    }

    @Override
    void spawnFrom(int generation, MatrixCheckpoint checkpoint, long failAt) {
        ActorRef<MatrixLossCommand> loss = actors.child(context.spawn(MatrixLoss.create(matrix, spec.seed(), member,
                checkpoint == null ? null : checkpoint.lossState()), "loss-" + generation));
        WeightMatrix.Setup setup = new WeightMatrix.Setup(matrix, spec.seed(), member, spec.steps(), spec.recordEvery(),
                checkpoint, loss, context.getSelf(), generation, failAt);
        actors.child(context.spawn(WeightMatrix.create(setup), "weights-" + generation));
    }

    @Override
    boolean fits(MatrixCheckpoint checkpoint) {
        return checkpoint.rows() == matrix.rows() && checkpoint.cols() == matrix.n();
    }

    @Override
    String shape() {
        return "the run (" + matrix.rows() + "×" + matrix.n() + ")";
    }
}
