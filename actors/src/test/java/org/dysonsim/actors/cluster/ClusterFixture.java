package org.dysonsim.actors.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.JournalConfig;

/**
 * Worker nodes on 127.0.0.1 (free ports) in this JVM, sharing one journal: PostgreSQL when the
 * test gives its {@code dysonsim.journal} settings (persistence's PostgresJournal), otherwise the
 * embedded H2 file of one data directory, which every node opens.
 */
final class ClusterFixture implements AutoCloseable {
    /** Generous: joining is quick, but the machine may be busy with other builds. */
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);

    /** Short failure detection and split-brain decisions, so a killed node is downed quickly. */
    static final Config TEST_SETTINGS = ConfigFactory.parseString("""
            pekko.loglevel = INFO
            pekko.log-dead-letters = off
            pekko.cluster.split-brain-resolver.stable-after = 2s
            pekko.cluster.failure-detector.acceptable-heartbeat-pause = 2s
            pekko.cluster.failure-detector.heartbeat-interval = 500ms
            pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
            dysonsim.engine {
              ask-timeout = 20s
              stall-timeout = 60s
            }
            """);

    final DataDirectory dataDir;
    private final Config journalChoice;
    final List<ClusterNode> nodes = new ArrayList<>();

    private ClusterFixture(DataDirectory dataDir, Config journalChoice) {
        this.dataDir = dataDir;
        this.journalChoice = journalChoice;
    }

    /**
     * Settings of a node that a test kills: terminating its actor system then skips Pekko's
     * coordinated shutdown, so the node does not leave the cluster or hand its shards over; the
     * others find it unreachable and the split-brain resolver downs it, as after a crash.
     */
    static final Config CRASHING = ConfigFactory.parseString("pekko.coordinated-shutdown.run-by-actor-system-terminate = off");

    /** {@code count} workers, the first forming the cluster and the others joining it, all Up. */
    static ClusterFixture start(Path dataRoot, int count) {
        return start(dataRoot, ConfigFactory.empty(), count, ConfigFactory.empty());
    }

    /**
     * As {@link #start(Path, int)} on the journal {@code journalChoice} selects ({@code dysonsim.journal.*},
     * empty for H2), the last worker with {@code lastOverrides}.
     */
    static ClusterFixture start(Path dataRoot, Config journalChoice, int count, Config lastOverrides) {
        ClusterFixture fixture = new ClusterFixture(DataDirectory.createOrOpen(dataRoot), journalChoice);
        try {
            ClusterNode first = fixture.worker(List.of());
            for (int i = 1; i < count; i++) {
                fixture.worker(List.of(first.hostPort()), i == count - 1 ? lastOverrides : ConfigFactory.empty());
            }
            for (ClusterNode node : fixture.nodes) assertTrue(node.awaitUp(JOIN_TIMEOUT), node.address() + " is not Up");
        } catch (RuntimeException | Error e) {
            fixture.close();
            throw e;
        }
        return fixture;
    }

    ClusterNode worker(List<String> seeds) {
        return worker(seeds, ConfigFactory.empty());
    }

    /** A worker on a free port of 127.0.0.1, joining {@code seeds}, with {@code overrides} over the test settings. */
    ClusterNode worker(List<String> seeds, Config overrides) {
        ClusterNode node = ClusterNode.start(NodeSettings.worker(NodeSettings.DEFAULT_HOST, 0, seeds),
                overrides.withFallback(TEST_SETTINGS), journal());
        nodes.add(node);
        return node;
    }

    /** A submitter joining through the first worker. */
    ClusterNode submitter() {
        return submitter(ConfigFactory.empty());
    }

    /**
     * A submitter joining through the first worker, with {@code overrides} over the test settings,
     * on the workers' journal (it reads the members' trajectories back from it).
     */
    ClusterNode submitter(Config overrides) {
        ClusterNode node = ClusterNode.start(NodeSettings.submitter(NodeSettings.DEFAULT_HOST, nodes.get(0).hostPort()),
                overrides.withFallback(TEST_SETTINGS), journal());
        nodes.add(node);
        assertTrue(node.awaitUp(JOIN_TIMEOUT), "the submitter is not Up");
        return node;
    }

    Config journal() {
        return JournalConfig.forWriting(dataDir, journalChoice);
    }

    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) nodes.get(i).close();
    }
}
