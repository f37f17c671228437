package org.dysonsim.actors.cluster;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.dysonsim.actors.JournalRecorders;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;

/**
 * Runs studies on the cluster a node belongs to: the members run as sharded entities on the
 * workers and record into the shared journal, from which the result's members are read back
 * here one at a time when asked for, as on one machine; no trajectory crosses the network. The node is typically a {@link NodeSettings#SUBMITTER} that joined only for this,
 * started on the workers' journal; any node will do. Calls block until the study is done.
 */
public final class ClusterStudy {
    private final ClusterNode node;
    private final AtomicLong studies = new AtomicLong();

    /** @param node a node whose configuration names the journal the workers record into */
    public ClusterStudy(ClusterNode node) {
        this.node = node;
        MemberShards.init(node.system());
    }

    /** Runs every member, continuing any that the shared journal already holds, and waits for the result. */
    public ClusterStudyResult run(RunSpec spec, RunListener listener) {
        ClusterEnsemble.Ended ended = simulate(spec, listener);
        RunResult result;
        try {
            result = ended.outcome().readBack(spec, JournalRecorders.members(node.system()));
        } catch (RuntimeException e) { // this node has no journal to read from
            result = new RunResult(spec, List.of(), ended.outcome().failure() != null ? ended.outcome().failure()
                    : "cannot read back the recorded trajectories: " + e.getMessage());
        }
        return new ClusterStudyResult(result, ended.nodes(), ended.moves(), ended.askedAgain());
    }

    private ClusterEnsemble.Ended simulate(RunSpec spec, RunListener listener) {
        ActorSystem<Void> system = node.system();
        CompletableFuture<ClusterEnsemble.Ended> ended = new CompletableFuture<>();
        system.getWhenTerminated().thenRun(() -> ended.complete(failed("the actor system shut down during the run")));
        try {
            system.systemActorOf(ClusterEnsemble.create(spec, listener == null ? RunListener.NONE : listener, ended),
                    "study-" + studies.incrementAndGet(), Props.empty());
        } catch (IllegalStateException e) {
            return failed("the actor system shut down during the run");
        }
        try {
            return ended.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted while waiting for the study");
        } catch (ExecutionException e) {
            return failed(String.valueOf(e.getCause()));
        }
    }

    private static ClusterEnsemble.Ended failed(String why) {
        return ClusterEnsemble.Ended.failed(why);
    }
}
