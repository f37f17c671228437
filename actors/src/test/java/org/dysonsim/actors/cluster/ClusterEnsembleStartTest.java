package org.dysonsim.actors.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.dysonsim.actors.RunListener;
import org.junit.jupiter.api.Test;

/**
 * A study whose coordinator cannot start ends with its failure instead of leaving its caller
 * (dyson run --cluster) waiting forever; here it starts on an actor system without a cluster.
 */
class ClusterEnsembleStartTest {
    @Test
    void aCoordinatorThatCannotStartEndsTheStudyWithItsFailure() throws Exception {
        ActorTestKit kit = ActorTestKit.create("no-cluster", ConfigFactory.load());
        try {
            CompletableFuture<ClusterEnsemble.Ended> ended = new CompletableFuture<>();
            kit.spawn(ClusterEnsemble.create(ClusterStudies.harmonic("lonely", 4, 10, 5, 1, 4), RunListener.NONE, ended));
            String failure = ended.get(30, TimeUnit.SECONDS).outcome().failure();
            assertTrue(failure != null && failure.startsWith("the study could not start: "), String.valueOf(failure));
        } finally {
            kit.shutdownTestKit();
        }
    }
}
