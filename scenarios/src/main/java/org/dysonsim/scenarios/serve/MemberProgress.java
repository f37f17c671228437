package org.dysonsim.scenarios.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dysonsim.protocol.TrajectoryEvent;

/**
 * What the live view knows of one member, built from its journal events in order: the last
 * sequence number read (the next poll reads after it), the last recorded step, whether it ended,
 * its first and latest snapshot, its spectrum's mean and variance at every recorded time (per layer
 * for a layered run, in the levels the spectrum chart shows: λ = s² for singular values), a
 * network's train loss, test loss and test accuracy at every recorded step and, for a member a page
 * follows, its distances to theory at every recorded time and each layer's WeightWatcher α and
 * spike count at every recorded step; and each layer's random distance (KS and W₁/mean from its
 * entries permuted) at every record that measured it, as the run recorded it.
 */
final class MemberProgress {
    private final boolean followed;
    private long lastSequenceNr;
    private long step;
    private String end = "running";
    private double[] first;
    private TrajectoryEvent.SnapshotRecorded latest;
    private final Map<Integer, Columns> moments = new LinkedHashMap<>();
    private final Columns metrics = new Columns(4);
    private final Map<String, Columns> distances = new LinkedHashMap<>();
    private final Map<Integer, Columns> layerMetrics = new LinkedHashMap<>();
    private final Map<Integer, Columns> randomDistances = new LinkedHashMap<>();
    private final List<TrajectoryEvent.SnapshotRecorded> unmeasured = new ArrayList<>();

    /** @param followed whether a page follows the member: then its snapshots are held against theory */
    MemberProgress(boolean followed) {
        this.followed = followed;
    }

    boolean followed() {
        return followed;
    }

    long lastSequenceNr() {
        return lastSequenceNr;
    }

    long step() {
        return step;
    }

    /** "running", "completed" or "failed". */
    String end() {
        return end;
    }

    /** The positions of its first snapshot, null before it has one. */
    double[] first() {
        return first;
    }

    /** Its latest snapshot, null before it has one. */
    TrajectoryEvent.SnapshotRecorded latest() {
        return latest;
    }

    /** Recorded times, spectrum means and variances of layer {@code layer} (0 for a run without layers), oldest first. */
    double[][] moments(int layer) {
        Columns c = moments.getOrDefault(layer, new Columns(3));
        return new double[][] {c.column(0), c.column(1), c.column(2)};
    }

    /** Steps, train losses, test losses and test accuracies of a network run, oldest first (empty otherwise). */
    double[][] metrics() {
        return new double[][] {metrics.column(0), metrics.column(1), metrics.column(2), metrics.column(3)};
    }

    /** Per series (a prediction, or a layer), the times, distances and thresholds measured so far. */
    Map<String, Columns> distances() {
        return distances;
    }

    /** Steps, power-law exponents α and spike counts of layer {@code layer} measured so far, in step order. */
    double[][] layerMetrics(int layer) {
        Columns c = layerMetrics.get(layer);
        return c == null ? new double[3][0] : c.sortedBy(0);
    }

    /** Steps, KS distances and W₁/mean of layer {@code layer}'s random distance as recorded so far, in step order. */
    double[][] randomDistance(int layer) {
        Columns c = randomDistances.get(layer);
        return c == null ? new double[3][0] : c.sortedBy(0);
    }

    /** Adds one layer's measured α and spike count at {@code step}. */
    void measuredLayer(int layer, long step, double alpha, double numSpikes) {
        layerMetrics.computeIfAbsent(layer, l -> new Columns(3)).add(step, alpha, numSpikes);
    }

    /** The snapshots of a followed member not yet held against theory; the caller measures them. */
    List<TrajectoryEvent.SnapshotRecorded> takeUnmeasured() {
        List<TrajectoryEvent.SnapshotRecorded> out = List.copyOf(unmeasured);
        unmeasured.clear();
        return out;
    }

    /** Puts back, before any read since, the snapshots a poll had no time to measure. */
    void stillUnmeasured(List<TrajectoryEvent.SnapshotRecorded> snapshots) {
        unmeasured.addAll(0, snapshots);
    }

    /** Adds one measured distance to theory: series {@code name} at time {@code t}. */
    void measured(String name, double t, double distance, double threshold) {
        distances.computeIfAbsent(name, n -> new Columns(3)).add(t, distance, threshold);
    }

    /**
     * Takes in the event with sequence number {@code sequenceNr}, the one after the last taken;
     * {@code theory} (null while the run's spec is unknown) turns positions into levels per layer.
     */
    void apply(long sequenceNr, TrajectoryEvent event, LiveTheory theory) {
        lastSequenceNr = sequenceNr;
        if (event instanceof TrajectoryEvent.RunStarted) {
            end = "running"; // a resumed member starts again
        } else if (event instanceof TrajectoryEvent.SnapshotRecorded snapshot) {
            record(snapshot, theory);
        } else if (event instanceof TrajectoryEvent.NetworkMetricsRecorded m) {
            metrics.add(m.step(), m.trainLoss(), m.testLoss(), m.testAccuracy());
            for (int layer = 0; m.measuredRandomDistance() && layer < m.randomDistanceKs().length; layer++) {
                randomDistances.computeIfAbsent(layer, l -> new Columns(3)).add(m.step(), m.randomDistanceKs()[layer],
                        m.randomDistanceW1()[layer]);
            }
        } else if (event instanceof TrajectoryEvent.RunCompleted done) {
            end = "completed";
            step = Math.max(step, done.step());
        } else if (event instanceof TrajectoryEvent.RunFailed) {
            end = "failed";
        } // gradient records are not shown live
    }

    private void record(TrajectoryEvent.SnapshotRecorded snapshot, LiveTheory theory) {
        step = snapshot.step();
        latest = snapshot;
        if (first == null) first = snapshot.values();
        if (followed) unmeasured.add(snapshot);
        List<String> layers = theory == null ? null : theory.layerNames();
        for (int layer = 0; layer < (layers == null ? 1 : layers.size()); layer++) {
            double[] values = theory == null ? snapshot.values() : theory.levels(snapshot.values(), layer);
            double mean = 0;
            for (double v : values) mean += v;
            mean /= Math.max(1, values.length);
            double variance = 0;
            for (double v : values) variance += (v - mean) * (v - mean);
            variance /= Math.max(1, values.length);
            moments.computeIfAbsent(layer, l -> new Columns(3)).add(snapshot.t(), mean, variance);
        }
    }
}
