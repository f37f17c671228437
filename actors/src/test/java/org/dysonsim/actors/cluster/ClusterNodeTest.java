package org.dysonsim.actors.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.NotSerializableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.dysonsim.actors.NetworkFixtures;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three worker nodes on 127.0.0.1 in one JVM form a cluster; what they accept from others; network
 * members (a loss actor and one actor per weight matrix) run on them as Cluster Sharding entities,
 * sharing the embedded journal, bit for bit as on one node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterNodeTest {
    @TempDir
    Path dataRoot;

    private ClusterFixture cluster;

    private ClusterFixture cluster() {
        if (cluster == null) cluster = ClusterFixture.start(dataRoot, 3);
        return cluster;
    }

    @AfterAll
    void stop() {
        if (cluster != null) cluster.close();
    }

    private static Set<String> upMembers(ClusterNode node) {
        return StreamSupport.stream(org.apache.pekko.cluster.Cluster.get(
                        org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(node.system())).state().getMembers()
                        .spliterator(), false)
                .filter(m -> m.status() == MemberStatus.up())
                .map(Member::address).map(Object::toString).collect(Collectors.toSet());
    }

    @Test
    void threeWorkersFormOneClusterOnLoopback() {
        ClusterFixture fixture = cluster();
        Set<String> addresses = fixture.nodes.stream().map(n -> n.address().toString()).collect(Collectors.toSet());
        for (ClusterNode node : fixture.nodes) {
            assertEquals("127.0.0.1", node.address().getHost().get());
            assertEquals(ClusterNode.SYSTEM_NAME, node.address().system());
            TestProbe<Void> probe = TestProbe.create(node.system());
            probe.awaitAssert(ClusterFixture.JOIN_TIMEOUT, () -> {
                assertEquals(addresses, upMembers(node));
                return null;
            });
        }
    }

    @Test
    void javaSerializationIsOffSoOnlyRegisteredClassesCrossTheWire() {
        Serialization serialization = SerializationExtension.get(
                org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(cluster().nodes.get(0).system()));
        // A plain java.io.Serializable class with no Kryo id: nothing may serialize it.
        assertThrows(Exception.class, () -> serialization.serialize(new java.util.Date(0)).get());
        assertFalse(cluster().nodes.get(0).system().settings().config().getBoolean("pekko.actor.allow-java-serialization"));
    }

    @Test
    void aNodeOfAnotherProtocolVersionIsRefusedWithOneClearLine() {
        ClusterFixture fixture = cluster();
        ClusterNode seed = fixture.nodes.get(0);
        ClusterNode[] stranger = new ClusterNode[1];
        LoggingTestKit.error("refusing to form a cluster with a node of dysonsim protocol version")
                .withMessageContains("this node speaks version")
                .expect(seed.system(), () -> {
                    stranger[0] = fixture.worker(List.of(seed.hostPort()),
                            ConfigFactory.parseString(ProtocolVersionCheck.KEY + " = 999"));
                    return null;
                });
        assertFalse(upMembers(seed).contains(stranger[0].address().toString()), "the stranger became a member");
        fixture.nodes.remove(stranger[0]);
        stranger[0].close();
    }

    @Test
    void networkMembersOnTheWorkersMatchAOneNodeRunBitForBit() throws IOException {
        // momentum and checkpoints: every part of a network member's state is exercised
        RunSpec spec = NetworkFixtures.spec(Files.createDirectories(dataRoot.resolve("images")), "network-spread", 0.5, 30,
                5, 10, 4);
        ClusterFixture fixture = cluster();
        // the first worker submits; the members placed on the others reach them over the wire
        ClusterStudyResult onCluster = new ClusterStudy(fixture.nodes.get(0)).run(spec, RunListener.NONE);
        assertTrue(onCluster.membersPerNode().size() >= 2, "members per node: " + onCluster.membersPerNode());
        assertEquals(0, onCluster.moves());
        ClusterStudies.assertSameAsOneNode(spec, onCluster, fixture.nodes.get(0));
    }

    @Test
    void seedListsAreCheckedWithTheEntryNamed() {
        assertEquals(List.of("127.0.0.1:2551", "10.0.0.2:2552"), NodeSettings.parseAddresses("127.0.0.1:2551, 10.0.0.2:2552"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NodeSettings.parseAddresses("127.0.0.1:2551,localhost"));
        assertTrue(e.getMessage().contains("\"localhost\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NodeSettings.parseAddresses("h:99999"));
    }
}
