package org.dysonsim.actors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.dysonsim.protocol.BlockCommand;
import org.dysonsim.protocol.BlockHostCommand;
import org.dysonsim.protocol.MemberCommand;

/**
 * The live actors of one member's current generation: the supervisor's own children, and blocks
 * placed by block hosts on other nodes (stopped by asking their host). All are watched.
 */
final class GenerationActors {
    private final ActorContext<MemberCommand> context;
    private final List<ActorRef<?>> children = new ArrayList<>();
    private final Map<ActorRef<BlockCommand>, ActorRef<BlockHostCommand>> placed = new HashMap<>();

    GenerationActors(ActorContext<MemberCommand> context) {
        this.context = context;
    }

    <T> ActorRef<T> child(ActorRef<T> child) {
        context.watch(child);
        children.add(child);
        return child;
    }

    void placedBlock(ActorRef<BlockCommand> block, ActorRef<BlockHostCommand> host) {
        context.watch(block);
        placed.put(block, host);
    }

    boolean isChild(ActorRef<?> ref) {
        return children.contains(ref);
    }

    /** Null if {@code ref} is none of the supervisor's own children here, else why its stop ends the generation. */
    String lostChild(ActorRef<?> ref, String cause) {
        if (!isChild(ref)) return null;
        return cause == null ? ref.path().name() + " stopped unexpectedly" : cause;
    }

    boolean isPlacedBlock(ActorRef<?> ref) {
        return placed.containsKey(ref);
    }

    void stopAll() {
        for (ActorRef<?> child : children) {
            context.unwatch(child);
            context.stop(child);
        }
        children.clear();
        Map<ActorRef<BlockHostCommand>, List<ActorRef<BlockCommand>>> byHost = new HashMap<>();
        for (Map.Entry<ActorRef<BlockCommand>, ActorRef<BlockHostCommand>> entry : placed.entrySet()) {
            context.unwatch(entry.getKey());
            byHost.computeIfAbsent(entry.getValue(), host -> new ArrayList<>()).add(entry.getKey());
        }
        byHost.forEach((host, blocks) -> host.tell(new BlockHostCommand.Release(context.getSelf(), blocks)));
        placed.clear();
    }
}
