package org.dysonsim.protocol;

/**
 * The protocol of a network member's loss actor: it owns the images, draws each minibatch, feeds
 * the first layer, takes the last layer's logits (softmax cross-entropy), sends the error back,
 * and assembles each record step's snapshot from its layers' reports.
 */
public sealed interface NetworkLossCommand extends Wire
        permits NetworkLossCommand.Logits, NetworkLossCommand.LayerRecorded, NetworkLossCommand.Stepped {

    /** The last layer's output of step {@code step} (rows × classes); {@code evaluate}: of the held-out images. */
    record Logits(long step, int rows, int cols, double[] values, boolean evaluate) implements NetworkLossCommand {}

    /**
     * Layer {@code layer} at record step {@code step} (its state before step + 1): the eigenvalues
     * of WᵀW ascending, its top singular values and the gradient record of step + 1 on them
     * (physics.network.LayerGradientRecord); {@code state} its W, b and their momenta, one after
     * the other, when a checkpoint was asked for, else null; {@code randomDistanceKs} and
     * {@code randomDistanceW1} its distance from W with its entries permuted
     * (physics.layers.RandomDistance), NaN at a record that does not measure it.
     */
    record LayerRecorded(long step, int layer, double[] eigenvalues, double[] singularValues, double[] projections,
                         double[] projectionVariances, double deviationSquares, double[] state, double randomDistanceKs,
                         double randomDistanceW1)
            implements NetworkLossCommand {}

    /** The first layer has passed step {@code step} (every layer has updated). */
    record Stepped(long step) implements NetworkLossCommand {}
}
