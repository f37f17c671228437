package org.dysonsim.actors.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.persistence.PostgresJournal;
import org.dysonsim.persistence.TrajectoryReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A worker dies in the middle of a study: its members continue on the other two from the shared PostgreSQL journal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterFaultTest {
    /** The study is this far along (member-steps done over all) when the node dies: its members are mid-run. */
    private static final int KILL_AT_PERCENT = 5;
    private static final long STUDY_TIMEOUT_MINUTES = 5;

    @RegisterExtension
    static final PostgresJournal POSTGRES = new PostgresJournal();

    @TempDir
    static Path dataRoot;

    private ClusterFixture cluster;
    private ClusterStudy study;

    @BeforeAll
    void start() {
        cluster = ClusterFixture.start(dataRoot, POSTGRES.overrides(), 3, ClusterFixture.CRASHING);
        study = new ClusterStudy(cluster.submitter());
    }

    @AfterAll
    void stop() {
        if (cluster != null) cluster.close();
    }

    @Test
    void aNodeDyingMidStudyLosesAndRepeatsNoStepAndChangesNoBit() throws Exception {
        RunSpec spec = ClusterStudies.harmonic("fault", 12, 20000, 500, 6, 6);
        ClusterNode victim = cluster.nodes.get(2);
        CountDownLatch underway = new CountDownLatch(1);
        CompletableFuture<ClusterStudyResult> running = CompletableFuture.supplyAsync(() -> study.run(spec, (done, total) -> {
            if (done * 100 >= total * KILL_AT_PERCENT) underway.countDown();
        }));
        assertTrue(underway.await(STUDY_TIMEOUT_MINUTES, TimeUnit.MINUTES), "the study never got underway");
        victim.close();
        ClusterStudyResult onCluster = running.get(STUDY_TIMEOUT_MINUTES, TimeUnit.MINUTES);

        assertTrue(onCluster.moves() >= 1, "no member had to move: the node died too late to test anything");
        assertFalse(onCluster.nodes().containsValue(victim.address().toString()), "a member finished on the dead node");
        RunResult oneNode = ClusterStudies.oneNode(spec);
        ClusterStudies.assertSameRun(oneNode, onCluster.result());
        TrajectoryReader reader = new TrajectoryReader(cluster.nodes.get(0).system());
        for (int m = 0; m < spec.members(); m++) {
            assertArrayEquals(oneNode.members().get(m).steps(), ClusterStudies.journalSteps(reader, spec.runId(), m),
                    "the shared journal holds every recorded step of member " + m + " once");
        }
        assertEquals(2, onCluster.membersPerNode().size(), "members per node: " + onCluster.membersPerNode());
    }
}
