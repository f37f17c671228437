package org.dysonsim.actors.cluster;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.dysonsim.protocol.TrajectoryEvent;
import org.dysonsim.protocol.Wire;

/**
 * The protocol of a study running on a cluster ({@link ClusterEnsemble}): what member entities
 * report. {@code attempt} counts how often the study placed the member; reports of an earlier
 * placement are ignored.
 */
public sealed interface StudyCommand extends Wire, ClusterEnsemble.Message
        permits StudyCommand.MemberRunning, StudyCommand.MemberProgress, StudyCommand.MemberSnapshots,
                StudyCommand.MemberDone {

    /** The member runs in {@code entity} (its address names the node). */
    record MemberRunning(int member, int attempt, ActorRef<MemberEntityCommand> entity) implements StudyCommand {}

    /** The member has done {@code step} nominal steps. */
    record MemberProgress(int member, long step) implements StudyCommand {}

    /**
     * Consecutive recorded snapshots of a finished member ({@code values[k]} after nominal step
     * {@code steps[k]}) and the gradient records up to the last of them; a trajectory travels in
     * several of these so no message outgrows remoting's frame.
     */
    record MemberSnapshots(int member, int attempt, long[] steps, double[] times, double[][] values,
                           List<TrajectoryEvent.GradientRecorded> gradients) implements StudyCommand {
        public MemberSnapshots {
            gradients = new ArrayList<>(gradients); // the one list class the Kryo table knows
        }
    }

    /** Every snapshot was sent: the member is done, restarted {@code restarts} times, failed with {@code failure} (null: succeeded). */
    record MemberDone(int member, int attempt, int snapshots, int restarts, String failure) implements StudyCommand {}
}
