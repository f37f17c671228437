package org.dysonsim.scenarios.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import java.util.concurrent.Callable;
import org.dysonsim.actors.cluster.ClusterNode;
import org.dysonsim.actors.cluster.NodeSettings;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.Journal;
import org.dysonsim.persistence.JournalConfig;
import org.dysonsim.scenarios.run.ActorEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dyson node}: a long-running cluster node that takes ensemble members of the studies
 * submitted with {@code dyson run --cluster}. It prints one line when it is up and one when it
 * has stopped; SIGTERM (or Ctrl-C) makes it leave the cluster, its members moving to the other
 * nodes, before it exits.
 */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Run a cluster node that simulates ensemble members of studies submitted with dyson run --cluster.")
final class NodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", required = true, description = "TCP port of this node's remoting")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = NodeSettings.DEFAULT_HOST,
            description = "address to listen on and to be reached at (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--seed-nodes", paramLabel = "HOST:PORT,...",
            description = "nodes to join; without it (or if the first is this node) this node starts a new cluster")
    String seeds;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    JournalOptions journal;

    @Override
    public Integer call() throws InterruptedException {
        List<String> seedNodes;
        try {
            seedNodes = seeds == null ? List.of() : NodeSettings.parseAddresses(seeds);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--seed-nodes: " + e.getMessage());
        }
        if (port < 1 || port > 65535) throw new BadInputException("--port: must be in 1..65535, got " + port);
        ListenAddress.check("--host", host);
        Config journalOverrides = journal.overrides(); // checked before the data directory is created
        DataDirectory directory = DataDirectory.createOrOpen(dataDir.path());
        Config config = JournalConfig.forWriting(directory,
                journalOverrides.withFallback(ConfigFactory.parseResources(ActorEngine.SETTINGS)));
        Journal.checkConnection(config);
        ClusterNode node;
        try {
            node = ClusterNode.start(NodeSettings.worker(host, port, seedNodes), ConfigFactory.empty(), config);
        } catch (RuntimeException e) {
            throw new BadInputException("cannot start a node on " + host + ":" + port + ": " + firstLine(e));
        }
        PrintWriter out = spec.commandLine().getOut();
        String where = host + ":" + port;
        if (!node.awaitUp(ClusterOption.JOIN_TIMEOUT)) {
            node.close();
            PrintWriter err = spec.commandLine().getErr();
            err.println("dyson: node " + where + " could not join the cluster at " + String.join(",", seedNodes) + " within "
                    + ClusterOption.JOIN_TIMEOUT.toSeconds() + " s (are the seed nodes up and of the same dysonsim version?)");
            err.flush();
            return Main.FAILED;
        }
        // Said from the shutdown itself: after SIGTERM the JVM exits as soon as the shutdown is done.
        CoordinatedShutdown.get(node.system()).addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
                "dyson-node-stopped", () -> {
                    out.println("dyson node " + where + " has left the cluster and stops");
                    out.flush();
                    return CompletableFuture.completedFuture(Done.done());
                });
        out.println("dyson node up at " + where + " (" + journalName(config) + "); stop it with SIGTERM or Ctrl-C");
        out.flush();
        node.awaitTermination();
        return Main.OK;
    }

    private String journalName(Config config) {
        return JournalConfig.isEmbedded(config) ? "journal " + dataDir.path().resolve("journal")
                : "journal " + config.getString("dysonsim.journal.url");
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
