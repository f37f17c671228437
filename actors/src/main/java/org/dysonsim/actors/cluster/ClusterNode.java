package org.dysonsim.actors.cluster;

import org.dysonsim.persistence.FatalErrorActorSystem;
import org.dysonsim.persistence.SystemShutdown;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.Cluster;
import org.dysonsim.actors.BlockHost;
import org.dysonsim.persistence.Journal;

/**
 * One node of a dysonsim cluster: an actor system named {@value #SYSTEM_NAME} with Pekko's
 * cluster provider, remoting on {@link NodeSettings#host()}, joining its static seed nodes
 * (pekko-management's bootstrap would drag in a Pekko module of another version), split brain
 * resolved by Pekko's resolver and joins checked by {@link ProtocolVersionCheck}
 * (dyson-cluster.conf). A worker hosts ensemble members ({@link MemberShards}) and records
 * them into the journal its configuration names, whose tables it creates when it starts.
 */
public final class ClusterNode implements AutoCloseable {
    /** Every node's actor system has this name: Pekko addresses include it. */
    public static final String SYSTEM_NAME = "dyson";
    public static final String SETTINGS = "dyson-cluster.conf";

    private static final long TERMINATION_SECONDS = 60;

    private final ActorSystem<Void> system;
    private final NodeSettings settings;
    private final CompletableFuture<Void> up = new CompletableFuture<>();

    private ClusterNode(ActorSystem<Void> system, NodeSettings settings) {
        this.system = system;
        this.settings = settings;
    }

    /**
     * Starts a node and has it join its seed nodes (or form a cluster of its own if it has none).
     *
     * @param overrides settings that win over dyson-cluster.conf (tests shorten timeouts here); Java
     *                  system properties ({@code -Dkey=value}) win over both
     * @param base      the rest of the actor system's configuration, typically the journal's
     *                  ({@link org.dysonsim.persistence.JournalConfig#forWriting}); empty for a submitter
     * @throws org.dysonsim.persistence.JournalException if a worker cannot open its journal
     */
    public static ClusterNode start(NodeSettings settings, Config overrides, Config base) {
        Config config = settings.toConfig()
                .withFallback(ConfigFactory.defaultOverrides())
                .withFallback(overrides)
                .withFallback(ConfigFactory.parseResources(ClusterNode.class.getClassLoader(), SETTINGS))
                .withFallback(base)
                .withFallback(ConfigFactory.defaultReference())
                .resolve();
        ActorSystem<Void> system = FatalErrorActorSystem.start(SYSTEM_NAME, config);
        ClusterNode node = new ClusterNode(system, settings);
        try {
            if (settings.roles().contains(NodeSettings.WORKER)) {
                Journal.ensureSchema(system);
                MemberShards.init(system);
                BlockHost.start(system); // blocks of systems split over nodes (scenario key blocks.nodes)
            }
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        Cluster cluster = Cluster.get(Adapter.toClassic(system));
        cluster.registerOnMemberUp(() -> {
            system.log().info("dyson node up at {} with roles {}; cluster of {} members", cluster.selfAddress(),
                    String.join(",", settings.roles()), cluster.state().members().size());
            node.up.complete(null);
        });
        if (settings.seedNodes().isEmpty()) cluster.join(cluster.selfAddress());
        return node;
    }

    /** As {@link #start(NodeSettings, Config, Config)} without overrides. */
    public static ClusterNode start(NodeSettings settings, Config base) {
        return start(settings, ConfigFactory.empty(), base);
    }

    public ActorSystem<Void> system() {
        return system;
    }

    public NodeSettings settings() {
        return settings;
    }

    /** This node's address as other nodes see it, e.g. {@code pekko://dyson@127.0.0.1:25520}. */
    public Address address() {
        return Cluster.get(Adapter.toClassic(system)).selfAddress();
    }

    /** {@code host:port} of this node, as given to other nodes' {@code --seed-nodes}. */
    public String hostPort() {
        Address address = address();
        return address.getHost().get() + ":" + address.getPort().get();
    }

    /**
     * Waits until this node is a member in state Up.
     *
     * @return false if it is not within {@code timeout} (no seed node reachable, or refused)
     */
    public boolean awaitUp(Duration timeout) {
        try {
            up.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    /** Leaves the cluster (its members move to the other nodes) and stops the actor system. */
    @Override
    public void close() {
        SystemShutdown.await(system, TERMINATION_SECONDS);
    }

    /** Blocks until the actor system has terminated: after SIGTERM, after being downed, or after {@link #close}. */
    public void awaitTermination() throws InterruptedException {
        try {
            system.getWhenTerminated().toCompletableFuture().get();
        } catch (ExecutionException e) {
            // terminated all the same
        }
    }
}
