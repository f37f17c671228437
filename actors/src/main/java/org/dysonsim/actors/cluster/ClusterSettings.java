package org.dysonsim.actors.cluster;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How a study behaves on a cluster, from {@code dysonsim.cluster} (defaults in dyson-cluster.conf).
 *
 * @param workersReadyTimeout how long a study waits for a worker to be Up
 * @param placementRetry      a member not yet running is asked again this often (its node may have gone)
 * @param placementTimeout    a member that no node has taken for this long fails the study
 * @param maxMoves            how often one member may continue on another node after its node left
 * @param silenceTimeout      a running member not heard of for this long is asked again
 */
record ClusterSettings(Duration workersReadyTimeout, Duration placementRetry, Duration placementTimeout, int maxMoves,
                       Duration silenceTimeout) {
    static ClusterSettings from(Config config) {
        Config c = config.getConfig("dysonsim.cluster");
        return new ClusterSettings(c.getDuration("workers-ready-timeout"), c.getDuration("placement-retry"),
                c.getDuration("placement-timeout"), c.getInt("max-moves"), c.getDuration("silence-timeout"));
    }
}
