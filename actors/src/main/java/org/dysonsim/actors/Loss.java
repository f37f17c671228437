package org.dysonsim.actors;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.protocol.BlockCommand;
import org.dysonsim.protocol.LossCommand;

/**
 * The loss actor of a particle-level model: the authority for the drift. It publishes the
 * drift, a plain record, to every block that subscribes; blocks evaluate it locally.
 */
final class Loss {
    private Loss() {}

    static Behavior<LossCommand> create(Drift drift) {
        return Behaviors.receive(LossCommand.class)
                .onMessage(LossCommand.Subscribe.class, subscribe -> {
                    subscribe.block().tell(new BlockCommand.UseDrift(drift));
                    return Behaviors.same();
                })
                .build();
    }
}
