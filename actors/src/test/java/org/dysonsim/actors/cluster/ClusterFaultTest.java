package org.dysonsim.actors.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.persistence.PostgresJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker dies, or leaves, in the middle of a study: its members continue on the other two from
 * the shared PostgreSQL journal, and the study's result is the one-node result bit for bit.
 */
class ClusterFaultTest {
    /** The study is this far along (member-steps done over all) when the node goes: its members are mid-run. */
    private static final int LOSE_AT_PERCENT = 5;
    private static final long STUDY_TIMEOUT_MINUTES = 5;

    @RegisterExtension
    static final PostgresJournal POSTGRES = new PostgresJournal();

    @TempDir
    Path dataRoot;

    @Test
    void aNodeDyingMidStudyLosesAndRepeatsNoStepAndChangesNoBit() throws Exception {
        // terminating a CRASHING node skips coordinated shutdown: the others must detect and down it
        loseTheLastWorkerMidStudy("crash", ClusterFixture.CRASHING);
    }

    @Test
    void aNodeLeavingMidStudyHandsItsMembersOverAndChangesNoBit() throws Exception {
        // a plain node leaves the cluster on terminate: its shards are handed over, its members stopped
        loseTheLastWorkerMidStudy("leave", ConfigFactory.empty());
    }

    private void loseTheLastWorkerMidStudy(String runId, Config victimSettings) throws Exception {
        try (ClusterFixture cluster = ClusterFixture.start(dataRoot, POSTGRES.overrides(), 3, victimSettings)) {
            ClusterStudy study = new ClusterStudy(cluster.submitter());
            RunSpec spec = ClusterStudies.harmonic(runId, 12, 20000, 500, 6, 6);
            ClusterNode victim = cluster.nodes.get(2);
            CountDownLatch underway = new CountDownLatch(1);
            CompletableFuture<ClusterStudyResult> running = CompletableFuture.supplyAsync(() -> study.run(spec, (done, total) -> {
                if (done * 100 >= total * LOSE_AT_PERCENT) underway.countDown();
            }));
            assertTrue(underway.await(STUDY_TIMEOUT_MINUTES, TimeUnit.MINUTES), "the study never got underway");
            victim.close();
            ClusterStudyResult onCluster = running.get(STUDY_TIMEOUT_MINUTES, TimeUnit.MINUTES);

            assertTrue(onCluster.moves() >= 1, "no member had to move: the node went too late to test anything");
            assertFalse(onCluster.nodes().containsValue(victim.address().toString()), "a member finished on the lost node");
            ClusterStudies.assertSameAsOneNode(spec, onCluster, cluster.nodes.get(0));
            assertEquals(2, onCluster.membersPerNode().size(), "members per node: " + onCluster.membersPerNode());
        }
    }
}
