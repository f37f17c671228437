package org.dysonsim.actors.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a cluster node listens and whom it joins.
 *
 * @param host      the address remoting binds to and other nodes reach this one at (127.0.0.1 unless told otherwise)
 * @param port      remoting's TCP port, 0 for any free port
 * @param seedNodes {@code host:port} of the nodes to join; this node's own address (or an empty list for a
 *                  node that only joins itself) starts a new cluster
 * @param roles     {@link #WORKER} for a node that runs ensemble members, {@link #SUBMITTER} for a process
 *                  that only submits a study and collects its results
 */
public record NodeSettings(String host, int port, List<String> seedNodes, List<String> roles) {
    public static final String WORKER = "worker";
    public static final String SUBMITTER = "submitter";
    public static final String DEFAULT_HOST = "127.0.0.1";

    public NodeSettings {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        for (String seed : seedNodes) checkAddress(seed);
        seedNodes = List.copyOf(seedNodes);
        roles = List.copyOf(roles);
    }

    /** A node that runs ensemble members. */
    public static NodeSettings worker(String host, int port, List<String> seedNodes) {
        return new NodeSettings(host, port, seedNodes, List.of(WORKER));
    }

    /** A process on any free port that joins the cluster at {@code contact} to submit a study. */
    public static NodeSettings submitter(String host, String contact) {
        return new NodeSettings(host, 0, List.of(contact), List.of(SUBMITTER));
    }

    /**
     * {@code host:port,host:port,...} as a list, each checked.
     *
     * @throws IllegalArgumentException naming the malformed entry
     */
    public static List<String> parseAddresses(String commaSeparated) {
        List<String> addresses = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            String address = part.trim();
            if (address.isEmpty()) continue;
            checkAddress(address);
            addresses.add(address);
        }
        return addresses;
    }

    private static void checkAddress(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("\"" + address + "\" is not host:port");
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + address + "\": the port is not a number");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("\"" + address + "\": the port must be in 1..65535");
        }
    }

    /** Pekko's address of a node of the {@link ClusterNode#SYSTEM_NAME} actor system at {@code host:port}. */
    static String pekkoAddress(String hostAndPort) {
        return "pekko://" + ClusterNode.SYSTEM_NAME + "@" + hostAndPort;
    }

    /** The keys these settings decide, to lay over every other configuration. */
    Config toConfig() {
        return ConfigFactory.empty()
                .withValue("pekko.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(host))
                .withValue("pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(port))
                .withValue("pekko.cluster.seed-nodes",
                        ConfigValueFactory.fromIterable(seedNodes.stream().map(NodeSettings::pekkoAddress).toList()))
                .withValue("pekko.cluster.roles", ConfigValueFactory.fromIterable(roles));
    }
}
