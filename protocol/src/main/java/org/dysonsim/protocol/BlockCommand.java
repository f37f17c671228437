package org.dysonsim.protocol;

import org.apache.pekko.actor.typed.ActorRef;
import org.dysonsim.physics.gas.Drift;

/**
 * The protocol of an eigenvalue block, the owner of a contiguous range of eigenvalues.
 * {@code seq} numbers the sub-steps of a member's run (every nominal step has {@code 2^level}
 * of them); it lets a block check that the exchange never mixes two sub-steps.
 */
public sealed interface BlockCommand extends Wire
        permits BlockCommand.UseDrift, BlockCommand.Peer, BlockCommand.Tick, BlockCommand.Positions,
                BlockCommand.CoulombForce, BlockCommand.Advance {

    /** The drift to evaluate locally, published by the loss actor (the authority for it). */
    record UseDrift(Drift drift) implements BlockCommand {}

    /** Block {@code index} of the same member is {@code ref}: a partner of the Coulomb exchange. */
    record Peer(int index, ActorRef<BlockCommand> ref) implements BlockCommand {}

    /**
     * Start sub-step {@code sub} of the {@code 2^level} sub-steps of nominal step {@code step}
     * from {@code positions}, the block's own range.
     */
    record Tick(long seq, long step, int level, int sub, double[] positions, ActorRef<ClockCommand> clock)
            implements BlockCommand {}

    /** The Coulomb exchange: block {@code block}'s positions at the start of sub-step {@code seq}. */
    record Positions(long seq, int block, double[] values) implements BlockCommand {}

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
