package org.dysonsim.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/** The protocol of a loss actor, the authority for the drift of a particle-level model. */
public sealed interface LossCommand extends Wire permits LossCommand.Subscribe {

    /** Send the drift to {@code block} (as {@link BlockCommand.UseDrift}). */
    record Subscribe(ActorRef<BlockCommand> block) implements LossCommand {}
}
