package org.dysonsim.actors.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.dysonsim.actors.NetworkFixtures;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network members (a loss actor and one actor per weight matrix, {@code model = network}) as
 * Cluster Sharding entities on two worker nodes sharing the embedded journal: the run crosses the
 * wire as a resolved run, each member trains on the node it was placed on, and the trajectories
 * read back from the journal equal a one-node run bit for bit.
 */
class ClusterNetworkTest {
    @TempDir
    Path dataRoot;
    @TempDir
    Path images;

    @Test
    void networkMembersOnTwoNodesMatchAOneNodeRunBitForBit() {
        // momentum and checkpoints: every part of a network member's state is exercised
        RunSpec spec = NetworkFixtures.spec(images, "network-spread", 0.5, 30, 5, 10, 4);
        try (ClusterFixture cluster = ClusterFixture.start(dataRoot, 2)) {
            // the first worker submits (one actor system fewer to start); members on the second cross the wire
            ClusterStudyResult onCluster = new ClusterStudy(cluster.nodes.get(0)).run(spec, RunListener.NONE);
            assertEquals(2, onCluster.membersPerNode().size(), "members per node: " + onCluster.membersPerNode());
            assertEquals(0, onCluster.moves());
            ClusterStudies.assertSameAsOneNode(spec, onCluster, cluster.nodes.get(0));
        }
    }
}
