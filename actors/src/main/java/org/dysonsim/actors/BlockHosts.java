package org.dysonsim.actors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.dysonsim.protocol.BlockHostCommand;

/**
 * The block hosts this node knows of, kept current by a receptionist subscription, so that a
 * member supervisor can place a generation's blocks without a round trip. Only hosts on nodes
 * that are Up and reachable are offered: a node that is leaving, or that stopped answering, gets
 * no new blocks even before the receptionist forgets it.
 */
public final class BlockHosts implements Extension {

    private static final ExtensionId<BlockHosts> ID = new ExtensionId<>() {
        @Override
        public BlockHosts createExtension(ActorSystem<?> system) {
            return new BlockHosts(system);
        }
    };

    private final ActorSystem<?> system;
    private volatile Set<ActorRef<BlockHostCommand>> listed = Set.of();

    private BlockHosts(ActorSystem<?> system) {
        this.system = system;
        system.systemActorOf(Behaviors.<Receptionist.Listing>setup(context -> {
            context.getSystem().receptionist().tell(Receptionist.subscribe(BlockHost.KEY, context.getSelf()));
            return Behaviors.receiveMessage(listing -> {
                listed = Set.copyOf(listing.getServiceInstances(BlockHost.KEY));
                return Behaviors.same();
            });
        }), "block-hosts", Props.empty());
    }

    public static BlockHosts get(ActorSystem<?> system) {
        return system.registerExtension(ID);
    }

    /**
     * At most {@code count} usable hosts: this node's first, then the others in address order
     * (a fixed order, so that placement is reproducible; results do not depend on it anyway).
     */
    public List<ActorRef<BlockHostCommand>> choose(int count) {
        Address self = system.address();
        List<ActorRef<BlockHostCommand>> usable = new ArrayList<>();
        for (ActorRef<BlockHostCommand> host : listed) {
            if (usable(host)) usable.add(host);
        }
        usable.sort(Comparator.comparing((ActorRef<BlockHostCommand> host) -> !addressOf(host).equals(self))
                .thenComparing(host -> addressOf(host).toString()));
        return List.copyOf(usable.subList(0, Math.min(count, usable.size())));
    }

    /** Every host listed, usable or not. */
    public int listed() {
        return listed.size();
    }

    private Address addressOf(ActorRef<?> host) {
        Address address = host.path().address();
        return address.hasLocalScope() ? system.address() : address;
    }

    private boolean clustered() {
        String provider = system.settings().config().getString("pekko.actor.provider");
        return provider.equals("cluster") || provider.contains("Cluster");
    }

    private boolean usable(ActorRef<?> host) {
        Address address = addressOf(host);
        if (address.equals(system.address()) || !clustered()) {
            return true;
        }
        var state = Cluster.get(system).state();
        for (var member : state.getUnreachable()) {
            if (member.address().equals(address)) return false;
        }
        for (var member : state.getMembers()) {
            if (member.address().equals(address)) return member.status() == MemberStatus.up();
        }
        return false;
    }
}
