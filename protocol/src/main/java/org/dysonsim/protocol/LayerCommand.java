package org.dysonsim.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * The protocol of a layer actor of a network member: it holds one weight matrix W (out × in) and
 * its bias. A minibatch's activations flow forward through the layers to the network's loss
 * actor, and its error flows back; each layer updates after passing its error on.
 */
public sealed interface LayerCommand extends Wire permits LayerCommand.Forward, LayerCommand.Backward {

    /**
     * The input of step {@code step} (rows = batch × cols = in, row-major) from {@code from} (the
     * layer before; null for the first layer, fed by the loss actor). With {@code evaluate} the
     * layer only passes the held-out images on, keeping nothing. With {@code record} the layer
     * reports, for the state before this step, its spectrum and the gradient record of this step
     * ({@link NetworkLossCommand.LayerRecorded}); with {@code checkpoint} also its state.
     */
    record Forward(long step, int rows, int cols, double[] activations, boolean evaluate, boolean record,
                   boolean checkpoint, ActorRef<LayerCommand> from) implements LayerCommand {}

    /** ∂L/∂(this layer's output) of step {@code step}, rows = batch × cols = out. */
    record Backward(long step, int rows, int cols, double[] error) implements LayerCommand {}
}
