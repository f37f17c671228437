package org.dysonsim.persistence;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a run lock holder's heartbeat every {@link RunClaim#HEARTBEAT_MILLIS} on a daemon thread of
 * its own, until closed. A beat that fails (the journal away for a moment) is simply tried again
 * at the next one: the lock expires only after {@link RunClaim#EXPIRY_MILLIS} without any.
 */
final class LockHeartbeat implements AutoCloseable {

    /** One beat; its failures are the next beat's to repair. */
    @FunctionalInterface
    interface Beat {
        void run() throws Exception;
    }

    private final ScheduledExecutorService timer;

    LockHeartbeat(String runId, Beat beat) {
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dyson-run-lock-" + runId);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                beat.run();
            } catch (Exception e) {
                // the next beat tries again
            }
        }, RunClaim.HEARTBEAT_MILLIS, RunClaim.HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
