package org.dysonsim.persistence;

import com.typesafe.config.Config;

/**
 * Tuning of the trajectory recorders ({@code dysonsim.recorder} in reference.conf).
 *
 * @param snapshotEvery events between Pekko snapshots of a recorder's state
 * @param keepSnapshots snapshots kept per member
 * @param maxBatch      most commands written by one {@code persistAll}
 */
public record RecorderSettings(int snapshotEvery, int keepSnapshots, int maxBatch) {

    public RecorderSettings {
        if (snapshotEvery < 1 || keepSnapshots < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("dysonsim.recorder: snapshot-every, keep-snapshots and max-batch"
                    + " must be at least 1, got " + snapshotEvery + ", " + keepSnapshots + ", " + maxBatch);
        }
    }

    public static RecorderSettings fromConfig(Config config) {
        Config recorder = config.getConfig("dysonsim.recorder");
        return new RecorderSettings(recorder.getInt("snapshot-every"), recorder.getInt("keep-snapshots"),
                recorder.getInt("max-batch"));
    }
}
