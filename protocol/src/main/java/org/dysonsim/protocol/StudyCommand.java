package org.dysonsim.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * What the members of a study running on a cluster report to it. {@code attempt} counts how
 * often the study placed the member; reports of an earlier placement are ignored. No report
 * carries a trajectory: members record into the shared journal, which the study reads back.
 */
public sealed interface StudyCommand extends Wire
        permits StudyCommand.MemberRunning, StudyCommand.MemberProgress, StudyCommand.MemberDone {

    /** The member runs in {@code entity} (its address names the node). */
    record MemberRunning(int member, int attempt, ActorRef<MemberEntityCommand> entity) implements StudyCommand {}

    /** The member has done {@code step} nominal steps. */
    record MemberProgress(int member, long step) implements StudyCommand {}

    /** The member is done and recorded, restarted {@code restarts} times, failed with {@code failure} (null: succeeded). */
    record MemberDone(int member, int attempt, int restarts, String failure) implements StudyCommand {}
}
