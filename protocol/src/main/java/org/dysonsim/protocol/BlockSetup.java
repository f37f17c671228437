package org.dysonsim.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * What an eigenvalue block is told when it is spawned, possibly on another node: plain data only.
 * The drift is not here: a gas block gets it from {@code loss}, the authority for it.
 *
 * @param dynamics    the member's dynamics without its drift
 * @param rule        how nominal steps are subdivided
 * @param n           eigenvalues of the member
 * @param blockSize   eigenvalues per block (the last block may own fewer)
 * @param index       this block's index
 * @param loss        the loss actor a gas block subscribes to for its drift (unused otherwise)
 * @param exchange    true: the block takes part in the Coulomb exchange; false: it advances on its own
 * @param recordEvery the run's snapshot interval: the first block reports every step the clock records
 */
public record BlockSetup(BlockDynamics dynamics, StepRule rule, double dt, long seed, int member, int n, int blockSize,
                         int index, ActorRef<LossCommand> loss, boolean exchange, int recordEvery) implements Wire {}
