package org.dysonsim.actors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.dysonsim.protocol.BlockCommand;
import org.dysonsim.protocol.BlockHostCommand;
import org.dysonsim.protocol.BlockSetup;
import org.dysonsim.protocol.MemberCommand;

/**
 * Spawns eigenvalue blocks on its node for member supervisors on any node: typed Pekko has no
 * remote deployment, so a supervisor that splits a large system over the cluster asks each
 * node's host (found through the receptionist under {@link #KEY}) for blocks and gets their refs
 * back. The host watches every owner and stops an owner's blocks when the owner goes away (its
 * node died, or it was restarted), so no block outlives its run.
 */
public final class BlockHost {

    /** The receptionist key every node's host registers under. */
    public static final ServiceKey<BlockHostCommand> KEY = ServiceKey.create(BlockHostCommand.class, "dyson-block-host");

    private static final String NAME = "block-host";

    private BlockHost() {}

    /**
     * Starts this node's block host and registers it with the receptionist; also starts tracking
     * the cluster's hosts ({@link BlockHosts}). Call once per actor system.
     */
    public static ActorRef<BlockHostCommand> start(ActorSystem<?> system) {
        BlockHosts.get(system);
        return system.systemActorOf(create(), NAME, Props.empty());
    }

    static Behavior<BlockHostCommand> create() {
        return Behaviors.setup(context -> {
            context.getSystem().receptionist().tell(Receptionist.register(KEY, context.getSelf()));
            return running(context, new HashMap<>(), new long[1]);
        });
    }

    private static Behavior<BlockHostCommand> running(ActorContext<BlockHostCommand> context,
                                             Map<ActorRef<MemberCommand>, List<ActorRef<BlockCommand>>> owned,
                                             long[] spawned) {
        return Behaviors.receive(BlockHostCommand.class)
                .onMessage(BlockHostCommand.Spawn.class, spawn -> {
                    BlockSetup setup = spawn.setup();
                    ActorRef<BlockCommand> block = context.spawn(EigenvalueBlock.create(setup),
                            "block-" + (spawned[0]++) + "-m" + setup.member() + "-g" + spawn.generation() + "-" + setup.index());
                    if (!owned.containsKey(spawn.owner())) {
                        owned.put(spawn.owner(), new ArrayList<>());
                        context.watch(spawn.owner());
                    }
                    owned.get(spawn.owner()).add(block);
                    spawn.owner().tell(new MemberCommand.BlockPlaced(spawn.generation(), setup.index(), block));
                    return Behaviors.same();
                })
                .onMessage(BlockHostCommand.Release.class, release -> {
                    List<ActorRef<BlockCommand>> blocks = owned.get(release.owner());
                    for (ActorRef<BlockCommand> block : release.blocks()) {
                        if (blocks != null && blocks.remove(block)) context.stop(block);
                    }
                    return Behaviors.same();
                })
                .onSignal(Terminated.class, terminated -> {
                    List<ActorRef<BlockCommand>> blocks = owned.remove(terminated.getRef());
                    if (blocks != null) blocks.forEach(context::stop);
                    return Behaviors.same();
                })
                .build();
    }
}
