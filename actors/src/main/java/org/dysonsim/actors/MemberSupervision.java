package org.dysonsim.actors;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.dysonsim.protocol.EnsembleCommand;
import org.dysonsim.protocol.MemberCommand;
import org.dysonsim.protocol.RecorderCommand;

/** The run supervisor of one member for hosts other than the local {@link Ensemble}, e.g. a cluster's member entities. */
public final class MemberSupervision {
    private MemberSupervision() {}

    /**
     * A supervisor that continues the member from whatever its recorder holds: from its last
     * snapshot, or from the initial spectrum if nothing was recorded (so it can be started again
     * on another node without repeating or losing a recorded step). It reports to {@code parent}
     * and waits for {@link MemberCommand.Start}. Settings from the actor system's {@code dysonsim.engine}.
     */
    public static Behavior<MemberCommand> continuing(RunSpec spec, int member, Behavior<RecorderCommand> recorder,
                                                     ActorRef<EnsembleCommand> parent) {
        return Behaviors.setup(context -> MemberSupervisor.create(spec, member, recorder, true,
                EngineSettings.from(context.getSystem().settings().config()), parent));
    }
}
