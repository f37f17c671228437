package org.dysonsim.actors;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.dysonsim.protocol.MemberCommand;

/**
 * For testing supervision ({@link MemberCommand.InjectFault}): the next {@code times} generations
 * of a member fail on reaching step {@code atStep}.
 */
final class FaultSchedule {
    private long atStep = -1;
    private int left;

    /** Takes the schedule of {@code fault}; returns the same behaviour, for a supervisor's handler. */
    <T> Behavior<T> inject(MemberCommand.InjectFault fault) {
        atStep = fault.atStep();
        left = fault.times();
        return Behaviors.same();
    }

    /** The step at which the next generation fails, −1 for none. */
    long next() {
        if (left == 0) return -1;
        left--;
        return atStep;
    }
}
