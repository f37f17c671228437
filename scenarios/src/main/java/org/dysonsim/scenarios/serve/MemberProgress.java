package org.dysonsim.scenarios.serve;

import java.util.Arrays;
import org.dysonsim.protocol.TrajectoryEvent;

/**
 * What the live view knows of one member, built from its journal events in order: the last
 * sequence number read (the next poll reads after it), the last recorded step, whether it ended,
 * its latest spectrum and its spectrum's mean and variance at every recorded time.
 */
final class MemberProgress {
    private long lastSequenceNr;
    private long step;
    private String end = "running";
    private double[] values = new double[0];
    private double[] times = new double[16];
    private double[] means = new double[16];
    private double[] variances = new double[16];
    private int recorded;

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

    double[] values() {
        return values;
    }

    /** Recorded times, spectrum means and variances, oldest first. */
    double[][] moments() {
        return new double[][] {Arrays.copyOf(times, recorded), Arrays.copyOf(means, recorded), Arrays.copyOf(variances, recorded)};
    }

    /** Takes in the event with sequence number {@code sequenceNr}, the one after the last taken. */
    void apply(long sequenceNr, TrajectoryEvent event) {
        lastSequenceNr = sequenceNr;
        if (event instanceof TrajectoryEvent.RunStarted) {
            end = "running"; // a resumed member starts again
        } else if (event instanceof TrajectoryEvent.SnapshotRecorded snapshot) {
            record(snapshot);
        } else if (event instanceof TrajectoryEvent.RunCompleted done) {
            end = "completed";
            step = Math.max(step, done.step());
        } else if (event instanceof TrajectoryEvent.RunFailed) {
            end = "failed";
        } // gradient and network records are not shown live yet
    }

    private void record(TrajectoryEvent.SnapshotRecorded snapshot) {
        step = snapshot.step();
        values = snapshot.values();
        if (recorded == times.length) {
            times = Arrays.copyOf(times, 2 * recorded);
            means = Arrays.copyOf(means, 2 * recorded);
            variances = Arrays.copyOf(variances, 2 * recorded);
        }
        double mean = 0;
        for (double v : values) mean += v;
        mean /= Math.max(1, values.length);
        double variance = 0;
        for (double v : values) variance += (v - mean) * (v - mean);
        variance /= Math.max(1, values.length);
        times[recorded] = snapshot.t();
        means[recorded] = mean;
        variances[recorded] = variance;
        recorded++;
    }
}
