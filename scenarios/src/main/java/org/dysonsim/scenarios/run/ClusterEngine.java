package org.dysonsim.scenarios.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.actors.cluster.ClusterNode;
import org.dysonsim.actors.cluster.ClusterStudy;
import org.dysonsim.actors.cluster.ClusterStudyResult;
import org.dysonsim.actors.cluster.NodeSettings;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.Journal;
import org.dysonsim.persistence.JournalConfig;

/**
 * Runs on a running cluster of {@code dyson node}s: this process joins it as a submitter (no
 * members run here), each run's members run on the workers and record into their shared
 * journal, and the run is read back from that journal, as {@link ActorEngine} reads a local run
 * back: no trajectory crosses the network. One line per run on {@code notes} says where the
 * members ran.
 */
public final class ClusterEngine implements RunEngine {
    private final ClusterNode node;
    private final ClusterStudy study;
    private final PrintWriter notes;

    private ClusterEngine(ClusterNode node, PrintWriter notes) {
        this.node = node;
        this.study = new ClusterStudy(node);
        this.notes = notes;
    }

    /**
     * Joins the cluster through the node at {@code contact} ({@code host:port}), listening on
     * {@code host}, reading runs back from the workers' journal.
     *
     * @param journal the journal the workers record into ({@code dysonsim.journal.*}, as the run
     *                command was given it), over the data directory {@code dataDir}
     * @param notes   where to say on which nodes each run's members ran; null for nowhere
     * @throws ClusterUnavailableException if no cluster takes this process within {@code joinTimeout}
     * @throws org.dysonsim.persistence.JournalException if the journal cannot be opened (one line)
     */
    public static ClusterEngine join(String contact, String host, Duration joinTimeout, DataDirectory dataDir,
                                     Config journal, PrintWriter notes) {
        Config settings = ConfigFactory.parseResources(ActorEngine.SETTINGS);
        Config journalConfig = JournalConfig.forWriting(dataDir, journal.withFallback(settings));
        Journal.checkConnection(journalConfig);
        ClusterNode node = ClusterNode.start(NodeSettings.submitter(host, contact), settings, journalConfig);
        if (!node.awaitUp(joinTimeout)) {
            node.close();
            throw new ClusterUnavailableException("no cluster took this process at " + contact + " within "
                    + joinTimeout.toSeconds() + " s (is a `dyson node` running there, of the same dysonsim version?)");
        }
        return new ClusterEngine(node, notes);
    }

    @Override
    public RunResult run(RunSpec spec, RunListener listener) {
        ClusterStudyResult outcome = study.run(spec, listener);
        if (notes != null && !outcome.nodes().isEmpty()) {
            Map<String, Long> perNode = outcome.membersPerNode();
            notes.println(spec.runId() + ": members ran on " + perNode.size() + " node(s): "
                    + perNode.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue())
                            .collect(Collectors.joining(", "))
                    + (outcome.moves() > 0 ? "; " + outcome.moves() + " continued on another node after theirs left" : "")
                    + (outcome.askedAgain() > 0 ? "; asked " + outcome.askedAgain() + " time(s) again after silence" : ""));
            notes.flush();
        }
        return outcome.result();
    }

    /** Members on a cluster always continue from what the shared journal holds: resuming is running. */
    @Override
    public RunResult resume(RunSpec spec, RunListener listener) {
        return run(spec, listener);
    }

    @Override
    public void close() {
        node.close();
    }

    /** The cluster could not be reached or refused this process. */
    public static final class ClusterUnavailableException extends RuntimeException {
        ClusterUnavailableException(String message) {
            super(message);
        }
    }
}
