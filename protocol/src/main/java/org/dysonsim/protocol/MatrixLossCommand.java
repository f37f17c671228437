package org.dysonsim.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/** The protocol of a matrix-level loss actor: minibatch gradients on request. */
public sealed interface MatrixLossCommand extends Wire permits MatrixLossCommand.ComputeGradient {

    /**
     * The minibatch gradient of step {@code step} at W ({@code weights}, rows × cols row-major;
     * the sender leaves it untouched until the answer). With {@code directions} non-null the
     * answer carries the gradient record's statistics on those singular pairs; with
     * {@code withState} it carries the loss's state before this step, for a checkpoint.
     */
    record ComputeGradient(long step, int rows, int cols, double[] weights, Directions directions, boolean withState,
                           ActorRef<Gradient> replyTo) implements MatrixLossCommand {}

    /**
     * The top singular triplets of W: {@code values} descending, {@code left} rows × k and
     * {@code right} cols × k, row-major, columns the singular vectors.
     */
    record Directions(double[] values, double[] left, double[] right) implements Wire {}

    /**
     * G_B of step {@code step} (rows × cols, row-major) and the minibatch loss; the statistics are
     * those of {@link TrajectoryEvent.GradientRecorded}, null (NaN) without directions;
     * {@code lossState} is the loss's state before this step if asked for, else null.
     */
    record Gradient(long step, double[] gradient, double loss, double[] projections, double[] projectionVariances,
                    double noiseVariance, double[] lossState) implements Wire {}
}
