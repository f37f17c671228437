package org.dysonsim.actors;

import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.dysonsim.protocol.EnsembleCommand;

/**
 * The root of one run: spawns the ensemble and answers the caller waiting on {@code result}
 * once the ensemble has terminated — an actor terminates only after all its children, so when
 * the caller gets the result no recorder of the run is still writing (a resume may follow at
 * once). It answers even if the ensemble dies or the actor system shuts down.
 */
final class RunGuardian {
    private RunGuardian() {}

    /** @param outcome what the ensemble reports before it stops */
    static Behavior<Void> create(Behavior<EnsembleCommand> ensemble, CompletableFuture<RunOutcome> outcome,
                                 CompletableFuture<RunOutcome> result) {
        return Behaviors.setup(context -> {
            context.watch(context.spawn(ensemble, "ensemble"));
            return Behaviors.receive(Void.class)
                    .onSignal(Terminated.class, signal -> {
                        result.complete(outcome.getNow(
                                RunOutcome.failed("the ensemble stopped before reporting a result")));
                        return Behaviors.stopped();
                    })
                    .onSignal(PostStop.class, signal -> {
                        result.complete(RunOutcome.failed("the actor system shut down during the run"));
                        return Behaviors.same();
                    })
                    .build();
        });
    }
}
