package org.dysonsim.actors;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.dysonsim.protocol.EnsembleCommand;

/**
 * The root of one run: spawns the ensemble and guarantees that the caller waiting on
 * {@code result} gets an answer even if the ensemble dies or the actor system shuts down.
 */
final class RunGuardian {
    private RunGuardian() {}

    static Behavior<Void> create(Behavior<EnsembleCommand> ensemble, RunSpec spec, CompletableFuture<RunResult> result) {
        return Behaviors.setup(context -> {
            context.watch(context.spawn(ensemble, "ensemble"));
            return Behaviors.receive(Void.class)
                    .onSignal(Terminated.class, signal -> {
                        result.complete(new RunResult(spec, List.of(), "the ensemble stopped before reporting a result"));
                        return Behaviors.stopped();
                    })
                    .onSignal(PostStop.class, signal -> {
                        result.complete(new RunResult(spec, List.of(), "the actor system shut down during the run"));
                        return Behaviors.same();
                    })
                    .build();
        });
    }
}
