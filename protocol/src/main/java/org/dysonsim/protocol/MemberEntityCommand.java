package org.dysonsim.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * The protocol of an ensemble member on a cluster (Cluster Sharding entity
 * {@code run|<run-id>|<member>}): what its study sends, and its own supervisor's reports.
 */
public sealed interface MemberEntityCommand extends Wire
        permits MemberEntityCommand.Run, MemberEntityCommand.Release, MemberEntityCommand.Reported {

    /**
     * Simulate the member, continuing from whatever the shared journal holds. Idempotent: an
     * entity already running answers {@link StudyCommand.MemberRunning} again and from then on
     * tags its reports with this {@code attempt}.
     */
    record Run(ResolvedRun run, int member, int attempt, ActorRef<StudyCommand> study) implements MemberEntityCommand {}

    /** The study holds the member's outcome: the entity stops. */
    record Release() implements MemberEntityCommand {}

    /** What the member's supervisor, on the entity's own node, reported. */
    record Reported(EnsembleCommand report) implements MemberEntityCommand {}
}
