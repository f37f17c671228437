package org.dysonsim.protocol;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The protocol of a node's block host, which spawns eigenvalue blocks for member supervisors on
 * any node (typed Pekko has no remote deployment).
 */
public sealed interface BlockHostCommand extends Wire permits BlockHostCommand.Spawn, BlockHostCommand.Release {

    /**
     * Spawn block {@code setup.index()} of generation {@code generation} for {@code owner}, which
     * is answered with {@link MemberCommand.BlockPlaced}.
     */
    record Spawn(BlockSetup setup, int generation, ActorRef<MemberCommand> owner) implements BlockHostCommand {}

    /** Stop these blocks of {@code owner} (its generation ended). */
    record Release(ActorRef<MemberCommand> owner, List<ActorRef<BlockCommand>> blocks) implements BlockHostCommand {
        public Release {
            blocks = new ArrayList<>(blocks); // the one list class the Kryo table knows
        }
    }
}
