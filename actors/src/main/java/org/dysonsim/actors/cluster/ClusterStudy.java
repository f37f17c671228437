package org.dysonsim.actors.cluster;

import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;

/**
 * Runs studies on the cluster a node belongs to: the members run as sharded entities on the
 * workers, the results come back here. The node is typically a {@link NodeSettings#SUBMITTER}
 * that joined only for this; any node will do. Calls block until the study is done.
 */
public final class ClusterStudy {
    private final ClusterNode node;
    private final AtomicLong studies = new AtomicLong();

    public ClusterStudy(ClusterNode node) {
        this.node = node;
        MemberShards.init(node.system());
    }

    /** Runs every member, continuing any that the shared journal already holds, and waits for the result. */
    public ClusterStudyResult run(RunSpec spec, RunListener listener) {
        ActorSystem<Void> system = node.system();
        CompletableFuture<ClusterStudyResult> result = new CompletableFuture<>();
        system.getWhenTerminated().thenRun(() -> result.complete(failed(spec, "the actor system shut down during the run")));
        try {
            system.systemActorOf(ClusterEnsemble.create(spec, listener == null ? RunListener.NONE : listener, result),
                    "study-" + studies.incrementAndGet(), Props.empty());
        } catch (IllegalStateException e) {
            return failed(spec, "the actor system shut down during the run");
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(spec, "interrupted while waiting for the study");
        } catch (ExecutionException e) {
            return failed(spec, String.valueOf(e.getCause()));
        }
    }

    private static ClusterStudyResult failed(RunSpec spec, String why) {
        return new ClusterStudyResult(new RunResult(spec, List.of(), why), new TreeMap<>(), 0, 0);
    }
}
