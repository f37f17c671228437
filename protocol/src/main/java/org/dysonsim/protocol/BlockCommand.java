package org.dysonsim.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * The protocol of an eigenvalue block, the owner of a contiguous range of eigenvalues.
 * {@code seq} numbers the sub-steps of a member's run (every nominal step has {@code 2^level}
 * of them); it lets a block check that the exchange never mixes two sub-steps.
 */
public sealed interface BlockCommand extends Wire
        permits BlockCommand.UseDrift, BlockCommand.Peer, BlockCommand.Run, BlockCommand.Predictions,
                BlockCommand.CoulombForce, BlockCommand.Advance {

    /** The drift to evaluate locally, published by the loss actor (the authority for it), as plain data. */
    record UseDrift(DriftLaw drift) implements BlockCommand {}

    /** Block {@code index} of the same member is {@code ref}: a partner of the Coulomb exchange. */
    record Peer(int index, ActorRef<BlockCommand> ref) implements BlockCommand {}

    /**
     * Simulate nominal steps {@code [fromStep, toStep)} with the Coulomb exchange, starting from
     * {@code positions} (all eigenvalues of the member). The blocks then step on their own,
     * exchanging partial far fields and predictions, and report each nominal step to {@code clock}.
     */
    record Run(long fromStep, long toStep, double[] positions, ActorRef<ClockCommand> clock) implements BlockCommand {}

    /**
     * Block {@code block}'s explicit predictions {@code z} for its own range in sub-step
     * {@code seq}: every block gathers all of them and does the implicit solve itself.
     */
    record Predictions(long seq, int block, double[] z) implements BlockCommand {}

    /**
     * Partial far fields for the receiving block, batched: entry {@code k} is the contribution of
     * tile {@code sourceTiles[k]} to every row of tile {@code targetTiles[k]}; {@code mirror} is
     * null when the model has no image term.
     */
    record CoulombForce(long seq, int[] sourceTiles, int[] targetTiles, double[][] coulomb, double[][] mirror)
            implements BlockCommand {}

    /**
     * Advance the block's range, starting at {@code positions}, over nominal steps
     * {@code [fromStep, toStep)} without any exchange: the single-block path of a gas, and every
     * block of independent square-root diffusions.
     */
    record Advance(long fromStep, long toStep, double[] positions, ActorRef<ClockCommand> clock)
            implements BlockCommand {}
}
