package org.dysonsim.actors.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.persistence.PostgresJournal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A study submitted to three worker nodes sharing one PostgreSQL journal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterStudyTest {
    @RegisterExtension
    static final PostgresJournal POSTGRES = new PostgresJournal();

    @TempDir
    static Path dataRoot;

    private ClusterFixture cluster;
    private ClusterStudy study;

    @BeforeAll
    void start() {
        cluster = ClusterFixture.start(dataRoot, POSTGRES.overrides(), 3, ConfigFactory.empty());
        study = new ClusterStudy(cluster.submitter());
    }

    @AfterAll
    void stop() {
        if (cluster != null) cluster.close();
    }

    @Test
    void membersSpreadOverAllThreeNodesAndMatchAOneNodeRunBitForBit() {
        // Two blocks per member: positions cross between block actors every step.
        RunSpec spec = ClusterStudies.harmonic("spread", 12, 300, 40, 6, 6);
        AtomicLong done = new AtomicLong();
        ClusterStudyResult onCluster = study.run(spec, (d, total) -> done.accumulateAndGet(d, Math::max));

        assertEquals(3, onCluster.membersPerNode().size(), "members per node: " + onCluster.membersPerNode());
        assertEquals(0, onCluster.moves());
        assertEquals(spec.members() * spec.steps(), done.get(), "progress reaches the total");
        ClusterStudies.assertSameAsOneNode(spec, onCluster, cluster.nodes.get(0));
    }

    /**
     * A submitter whose silence timeout (100 ms) is shorter than the 200 ms between a member's
     * progress reports asks every running member again and again, as it would after lost messages:
     * each new attempt reaches the same entity, which answers with its progress or its result, and
     * the study ends as if it had never asked.
     */
    @Test
    void membersAskedAgainWhileRunningEndTheSameBitForBit() {
        ClusterStudy impatient = new ClusterStudy(cluster.submitter(
                ConfigFactory.parseString("dysonsim.cluster.silence-timeout = 100ms")));
        RunSpec spec = ClusterStudies.harmonic("silence", 12, 12000, 500, 6, 6);
        ClusterStudyResult onCluster = impatient.run(spec, (d, total) -> {});

        // each member runs for a second or more, reporting every 200 ms: asked again several times
        assertTrue(onCluster.askedAgain() >= 1, "no member was asked again: the silence path was not taken");
        assertEquals(0, onCluster.moves());
        ClusterStudies.assertSameAsOneNode(spec, onCluster, cluster.nodes.get(0));
    }
}
