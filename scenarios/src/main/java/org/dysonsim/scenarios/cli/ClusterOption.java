package org.dysonsim.scenarios.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import org.dysonsim.actors.cluster.NodeSettings;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.scenarios.run.ClusterEngine;
import picocli.CommandLine.Option;

/** {@code --cluster HOST:PORT} (and this process's own address on it), for subcommands that can run on a cluster. */
public final class ClusterOption {
    /** Joining a running cluster takes a second or two; a busy machine gets some slack. */
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);

    @Option(names = "--cluster", paramLabel = "HOST:PORT",
            description = "run on the cluster of `dyson node`s that the node at HOST:PORT belongs to")
    String contact;

    @Option(names = "--cluster-host", paramLabel = "HOST", defaultValue = NodeSettings.DEFAULT_HOST,
            description = "this process's address as the cluster's nodes reach it (default: ${DEFAULT-VALUE})")
    String host;

    boolean chosen() {
        return contact != null;
    }

    /** Checks the options without contacting anything; bad input is one line. */
    void check() {
        if (contact == null) return;
        contact();
        ListenAddress.check("--cluster-host", host);
    }

    /**
     * Joins the cluster, reading runs back from the journal {@code journal} selects in
     * {@code dataDir}; one line of bad input if the address is malformed or nothing answers there.
     */
    ClusterEngine join(DataDirectory dataDir, Config journal, PrintWriter notes) {
        String address = contact();
        try {
            return ClusterEngine.join(address, host, JOIN_TIMEOUT, dataDir, journal, notes);
        } catch (ClusterEngine.ClusterUnavailableException e) {
            throw new BadInputException("--cluster: " + e.getMessage());
        }
    }

    private String contact() {
        List<String> address;
        try {
            address = NodeSettings.parseAddresses(contact);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--cluster: " + e.getMessage());
        }
        if (address.size() != 1) throw new BadInputException("--cluster: give one HOST:PORT, got \"" + contact + "\"");
        return address.get(0);
    }
}
