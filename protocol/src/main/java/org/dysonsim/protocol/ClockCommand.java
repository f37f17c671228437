package org.dysonsim.protocol;

/** The protocol of a member's clock: what the eigenvalue blocks report back. */
public sealed interface ClockCommand extends Wire
        permits ClockCommand.Stepped, ClockCommand.Advanced, ClockCommand.BlockDiverged {

    /** All positions after nominal step {@code step − 1}, from the first block of the Coulomb exchange. */
    record Stepped(long step, double[] positions) implements ClockCommand {}

    /** Block {@code block}'s range after nominal step {@code toStep − 1}. */
    record Advanced(int block, long toStep, double[] positions) implements ClockCommand {}

    /** Block {@code block} left the domain of the dynamics during nominal step {@code step}. */
    record BlockDiverged(int block, long step, String reason) implements ClockCommand {}
}
