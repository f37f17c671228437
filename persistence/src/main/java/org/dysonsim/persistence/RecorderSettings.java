package org.dysonsim.persistence;

import com.typesafe.config.Config;
import org.apache.pekko.actor.typed.BackoffSupervisorStrategy;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.slf4j.event.Level;

import java.time.Duration;

/**
 * Tuning of the trajectory recorders ({@code dysonsim.recorder} in reference.conf).
 *
 * @param snapshotEvery events between Pekko snapshots of a recorder's state
 * @param keepSnapshots snapshots kept per member
 * @param maxBatch      most commands written by one {@code persistAll}
 * @param maxWriteRetries how often a failed write is retried before the recorder stops
 * @param retryMinBackoff first wait before retrying a failed write (doubling up to the max)
 */
public record RecorderSettings(int snapshotEvery, int keepSnapshots, int maxBatch, int maxWriteRetries,
                               Duration retryMinBackoff, Duration retryMaxBackoff) {

    public RecorderSettings {
        if (snapshotEvery < 1 || keepSnapshots < 1 || maxBatch < 1 || maxWriteRetries < 0) {
            throw new IllegalArgumentException("dysonsim.recorder: snapshot-every, keep-snapshots and max-batch"
                    + " must be at least 1 and max-write-retries at least 0, got " + snapshotEvery + ", "
                    + keepSnapshots + ", " + maxBatch + ", " + maxWriteRetries);
        }
    }

    /** Failures retried at debug level before the supervisor logs them at info: a neighbour's exit costs one or two. */
    static final int QUIET_RETRIES = 3;

    /**
     * How a failed write restarts the persistent actor: with backoff, at most
     * {@code maxWriteRetries} times; the first {@link #QUIET_RETRIES} failures are logged at debug
     * level (the process serving an embedded file exiting fails every member's write once), later
     * ones at info, never as errors: a write that still fails stops the recorder, and whoever
     * watches it reports the failure in its own one line (the command line: "the disk is full",
     * say), which a page of retry errors would only bury.
     */
    BackoffSupervisorStrategy writeRetries() {
        return SupervisorStrategy.restartWithBackoff(retryMinBackoff, retryMaxBackoff, 0.2)
                .withMaxRestarts(maxWriteRetries)
                .withLogLevel(Level.DEBUG)
                .withCriticalLogLevel(Level.INFO, QUIET_RETRIES);
    }

    public static RecorderSettings fromConfig(Config config) {
        Config recorder = config.getConfig("dysonsim.recorder");
        return new RecorderSettings(recorder.getInt("snapshot-every"), recorder.getInt("keep-snapshots"),
                recorder.getInt("max-batch"), recorder.getInt("max-write-retries"),
                recorder.getDuration("retry-min-backoff"), recorder.getDuration("retry-max-backoff"));
    }
}
