package org.dysonsim.actors;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.physics.sgd.MinibatchGradient;
import org.dysonsim.physics.sgd.MinibatchLoss;
import org.dysonsim.protocol.MatrixLossCommand;
import org.ejml.data.DMatrixRMaj;

/**
 * The loss actor of a matrix-level member: it owns the data set (and the RBM's persistent chains)
 * and answers each {@link MatrixLossCommand.ComputeGradient} with the minibatch gradient.
 * Requests come one step at a time, in step order, from the member's weight-matrix actor. A
 * member continuing from a checkpoint starts its loss with the checkpoint's loss state.
 */
final class MatrixLoss {
    private MatrixLoss() {}

    /** @param state the loss state to start from ({@link MinibatchLoss#state}), or null for a fresh loss */
    static Behavior<MatrixLossCommand> create(MatrixModel model, long seed, int member, double[] state) {
        return Behaviors.setup(context -> {
            MinibatchLoss loss = MinibatchLoss.create(model.loss(), model.rows(), model.n(), model.dataSize(),
                    model.sgd().batch(), seed, member);
            if (state != null) loss.restore(state);
            return Behaviors.receive(MatrixLossCommand.class)
                    .onMessage(MatrixLossCommand.ComputeGradient.class, request -> {
                        DMatrixRMaj w = DMatrixRMaj.wrap(request.rows(), request.cols(), request.weights());
                        double[] before = request.withState() ? loss.state() : null;
                        MinibatchGradient g = loss.gradient(request.step(), w, MatrixMessages.pairs(request.directions(),
                                request.rows(), request.cols()));
                        request.replyTo().tell(new MatrixLossCommand.Gradient(request.step(), g.gradient().data, g.loss(),
                                g.projections(), g.projectionVariances(), g.noiseVariance(), before));
                        return Behaviors.same();
                    })
                    .build();
        });
    }
}
