package org.dysonsim.protocol;

/** The protocol of a weight-matrix actor: the loss actor's answers, through a message adapter. */
public sealed interface WeightMatrixCommand extends Wire permits WeightMatrixCommand.GradientArrived {

    record GradientArrived(MatrixLossCommand.Gradient gradient) implements WeightMatrixCommand {}
}
