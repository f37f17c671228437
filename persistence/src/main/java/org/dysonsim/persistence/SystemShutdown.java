package org.dysonsim.persistence;

import org.apache.pekko.actor.typed.ActorSystem;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Ending an actor system on the journal: terminated, and waited for up to 30 s. */
public final class SystemShutdown {
    private static final long WAIT_SECONDS = 30;

    private SystemShutdown() {}

    /**
     * Terminates {@code system} and waits for it. A system that does not end in time is left to
     * end with the process: everything its recorders acknowledged is in the journal already.
     */
    public static void await(ActorSystem<?> system) {
        await(system, WAIT_SECONDS);
    }

    /** As {@link #await(ActorSystem)}, waiting up to {@code seconds} (a cluster node hands its members over first). */
    public static void await(ActorSystem<?> system, long seconds) {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // going down either way
        }
    }
}
