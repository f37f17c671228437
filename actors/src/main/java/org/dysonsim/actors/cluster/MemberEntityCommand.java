package org.dysonsim.actors.cluster;

import org.apache.pekko.actor.typed.ActorRef;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.protocol.Wire;

/** The protocol of a member entity (Cluster Sharding entity {@code run|<run-id>|<member>}), sent by its study. */
public sealed interface MemberEntityCommand extends Wire, MemberEntity.Message
        permits MemberEntityCommand.Run, MemberEntityCommand.Release {

    /**
     * Simulate the member, continuing from whatever the shared journal holds. Idempotent: an
     * entity already running answers {@link StudyCommand.MemberRunning} again and from then on
     * tags its reports with this {@code attempt}.
     */
    record Run(RunSpec spec, int member, int attempt, ActorRef<StudyCommand> study) implements MemberEntityCommand {}

    /** The study holds the member's result: the entity stops. */
    record Release() implements MemberEntityCommand {}
}
