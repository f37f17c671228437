package org.dysonsim.protocol;

/** The protocol of a member's clock: what the eigenvalue blocks report back. */
public sealed interface ClockCommand extends Wire
        permits ClockCommand.Predicted, ClockCommand.Advanced, ClockCommand.BlockDiverged {

    /**
     * Block {@code block}'s explicit predictions for its range in sub-step {@code seq}, and the
     * smallest gap between consecutive positions it saw (must be positive).
     */
    record Predicted(long seq, int block, double[] z, double minGap) implements ClockCommand {}

    /** Block {@code block}'s range after nominal step {@code toStep − 1}. */
    record Advanced(int block, long toStep, double[] positions) implements ClockCommand {}

    /** Block {@code block} left the domain of the dynamics during nominal step {@code step}. */
    record BlockDiverged(int block, long step, String reason) implements ClockCommand {}
}
