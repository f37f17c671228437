package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Down;
import org.dysonsim.actors.cluster.ClusterNode;
import org.dysonsim.actors.cluster.NodeSettings;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.JournalConfig;
import org.dysonsim.persistence.PostgresJournal;
import org.dysonsim.persistence.TrajectoryReader;
import org.dysonsim.persistence.TrajectoryRecorder;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.protocol.TrajectoryEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One system's eigenvalue blocks spread over three cluster nodes (actor systems on 127.0.0.1 in
 * this JVM, recording into a shared PostgreSQL journal): the Coulomb exchange crosses the
 * network, and the trajectory is bit-identical to the plain single-threaded loop and to the same
 * run on one node. When a node holding blocks leaves mid-run, the member restarts from its last
 * snapshot on the remaining nodes and still ends bit-identical, every step recorded once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SplitSystemTest {
    @RegisterExtension
    static final PostgresJournal POSTGRES = new PostgresJournal();

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);
    private static final int NODES = 3;
    /** Four tiles of 64 (the last short) cut into blocks of 50, so blocks and tiles do not line up. */
    private static final int N = 200, BLOCK_SIZE = 50;

    private static final Config NODE_SETTINGS = ConfigFactory.parseString("""
            pekko.loglevel = INFO
            pekko.log-dead-letters = off
            # A lost node is downed explicitly below; on a busy machine a short heartbeat pause
            # would make live nodes unreachable and take them out of the placement.
            pekko.cluster.split-brain-resolver.stable-after = 2s
            pekko.cluster.failure-detector.acceptable-heartbeat-pause = 10s
            pekko.cluster.failure-detector.heartbeat-interval = 500ms
            pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
            dysonsim.engine {
              ask-timeout = 20s
              stall-timeout = 30s
            }
            """);

    private final List<ClusterNode> nodes = new ArrayList<>();

    @BeforeAll
    void startNodes(@TempDir Path root) {
        for (int i = 0; i < NODES; i++) {
            Config journal = JournalConfig.forWriting(DataDirectory.createOrOpen(root.resolve("node-" + i)), POSTGRES.overrides());
            List<String> seeds = i == 0 ? List.of() : List.of(nodes.get(0).hostPort());
            nodes.add(ClusterNode.start(NodeSettings.worker(NodeSettings.DEFAULT_HOST, 0, seeds), NODE_SETTINGS, journal));
        }
        for (ClusterNode node : nodes) {
            assertTrue(node.awaitUp(JOIN_TIMEOUT), node.address() + " is not Up"); // a worker starts its block host
        }
        long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
        while (BlockHosts.get(nodes.get(0).system()).choose(NODES).size() < NODES && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertEquals(NODES, BlockHosts.get(nodes.get(0).system()).choose(NODES).size(), "every node's block host is known");
    }

    @AfterAll
    void stopNodes() {
        for (int i = nodes.size() - 1; i >= 0; i--) nodes.get(i).close();
    }

    private static RunSpec spec(String runId, long steps, int recordEvery, int members, int blocksNodes) {
        return new RunSpec(runId, "split", "name = split\nblocks.nodes = " + blocksNodes + "\n",
                EngineFixtures.harmonicGas(N, 1.0), new InitialSpectrum.Explicit(EngineFixtures.linspace(-14, 14, N)),
                StepSizeRule.adaptive(0.05, 3), 0.001, steps, recordEvery, EngineFixtures.SEED, members, BLOCK_SIZE,
                RunSpec.Coordinates.EIGENVALUES).withPlacement(new RunSpec.Placement(BLOCK_SIZE, blocksNodes));
    }

    /** The same run on one node: blocks beside their supervisor, in an actor system of its own. */
    private static RunResult local(RunSpec split) {
        RunSpec spec = new RunSpec(split.runId() + "-local", split.scenarioName(), "name = split\n", split.model(),
                split.init(), split.rule(), split.dt(), split.steps(), split.recordEvery(), split.seed(), split.members(),
                split.blockSize(), split.coordinates());
        try (Simulation simulation = new Simulation(EngineFixtures.config(2, true))) {
            return simulation.run(spec, RecorderFactory.inMemory(), RunListener.NONE);
        }
    }

    private static void assertSameTrajectories(RunResult expected, RunResult actual) {
        assertTrue(expected.succeeded(), expected.failure());
        assertTrue(actual.succeeded(), actual.failure());
        assertEquals(expected.members().size(), actual.members().size());
        for (int m = 0; m < expected.members().size(); m++) {
            MemberTrajectory e = expected.members().get(m);
            MemberTrajectory a = actual.members().get(m);
            assertArrayEquals(e.steps(), a.steps(), "member " + m + ": recorded steps");
            for (int k = 0; k < e.values().length; k++) {
                assertArrayEquals(e.values()[k], a.values()[k], 0.0, "member " + m + ", step " + e.steps()[k]);
            }
        }
    }

    @Test
    @Order(1)
    void aSystemSplitOverThreeNodesIsBitIdenticalToOneNodeAndToThePlainLoop() {
        RunSpec spec = spec("split-3", 40, 8, 2, NODES);
        // Both members place their four blocks on the three nodes.
        RunResult split = LoggingTestKit.info("runs its 4 blocks on 3 nodes").withOccurrences(2)
                .expect(nodes.get(0).system(), () ->
                        new Simulation(nodes.get(0).system()).run(spec, JournalRecorders.members(nodes.get(0).system()), RunListener.NONE));
        RunResult local = local(spec);
        assertSameTrajectories(local, split);
        EngineFixtures.Reference plain = EngineFixtures.reference(spec, 1);
        assertTrue(plain.maxLevel() > 0, "the case must exercise sub-steps");
        assertArrayEquals(plain.trajectory().values()[plain.trajectory().values().length - 1],
                split.members().get(1).values()[split.members().get(1).values().length - 1], 0.0, "last snapshot of member 1");
        // Another node reads the run back from the shared journal.
        TrajectoryReader reader = new TrajectoryReader(nodes.get(1).system());
        try (Stream<TrajectoryEvent> events = reader.events("split-3", 1)) {
            List<double[]> recorded = events.filter(e -> e instanceof TrajectoryEvent.SnapshotRecorded)
                    .map(e -> ((TrajectoryEvent.SnapshotRecorded) e).values()).toList();
            assertEquals(split.members().get(1).values().length, recorded.size());
            assertArrayEquals(split.members().get(1).values()[recorded.size() - 1], recorded.get(recorded.size() - 1), 0.0);
        }
    }

    @Test
    @Order(2)
    void aNodeLostMidRunFailsTheMemberOverToTheOthersAndTheResultIsUnchanged() throws Exception {
        long steps = 1200;
        RunSpec spec = spec("split-loss", steps, 20, 1, NODES);
        CompletableFuture<Void> tenth = new CompletableFuture<>();
        RunListener listener = (done, total) -> {
            if (done >= total / 10) tenth.complete(null);
        };
        CompletableFuture<RunResult> split = new CompletableFuture<>();
        Thread runner = new Thread(() -> split.complete(
                new Simulation(nodes.get(0).system()).run(spec, JournalRecorders.members(nodes.get(0).system()), listener)), "split-run");
        runner.start();
        tenth.get(2, TimeUnit.MINUTES);
        assertTrue(!split.isDone(), "the run must still be going when the node leaves");
        ClusterNode lost = nodes.remove(NODES - 1);
        // The member notices, restarts from its last snapshot and places its blocks on the two nodes left.
        RunResult result = LoggingTestKit.warn("member 0: restarting from step").expect(nodes.get(0).system(), () ->
                LoggingTestKit.info("runs its 4 blocks on 2 nodes").expect(nodes.get(0).system(), () -> {
                    // As after a crash: the failed node is downed (the split-brain resolver's
                    // decision), which ends every watch of its actors at once; then it goes away.
                    Cluster.get(nodes.get(0).system()).manager().tell(new Down(lost.address()));
                    lost.close();
                    return await(split);
                }));

        assertSameTrajectories(local(spec), result);
        TrajectoryReader reader = new TrajectoryReader(nodes.get(1).system());
        try (Stream<TrajectoryEvent> events = reader.events("split-loss", 0)) {
            List<Long> recorded = events.filter(e -> e instanceof TrajectoryEvent.SnapshotRecorded)
                    .map(e -> ((TrajectoryEvent.SnapshotRecorded) e).step()).toList();
            assertEquals(Stream.iterate(0L, s -> s <= steps, s -> s + 20).toList(), recorded,
                    "every snapshot recorded once, in order");
        }
    }

    private static RunResult await(CompletableFuture<RunResult> run) {
        try {
            return run.get(3, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new AssertionError("the split run did not finish", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
