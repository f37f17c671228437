package org.dysonsim.actors;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.protocol.BlockCommand;
import org.dysonsim.protocol.DriftLaw;
import org.dysonsim.protocol.LossCommand;

/**
 * The loss actor of a particle-level model: the authority for the drift, and its one source. It
 * publishes the drift as plain data ({@link DriftLaw}) to every block that subscribes; a block
 * is spawned without it and evaluates it locally once it arrives.
 */
final class Loss {
    private Loss() {}

    static Behavior<LossCommand> create(Drift drift) {
        DriftLaw law = ParticleMessages.driftLaw(drift);
        return Behaviors.receive(LossCommand.class)
                .onMessage(LossCommand.Subscribe.class, subscribe -> {
                    subscribe.block().tell(new BlockCommand.UseDrift(law));
                    return Behaviors.same();
                })
                .build();
    }
}
