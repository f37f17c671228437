package org.dysonsim.actors;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.protocol.TrajectoryEvent;

/**
 * The recorded snapshots of one member: {@code values[k]} are the positions after nominal step
 * {@code steps[k]}. A matrix-level run also has its gradient records, one per snapshot in step
 * order, {@code gradients.get(k).step() == steps[k]}, and a network run its metrics alike. A
 * particle-level run has none. Always read
 * back from where the member recorded (its journal): no actor holds or sends a whole trajectory.
 */
public record MemberTrajectory(int member, long[] steps, double[] times, double[][] values,
                               List<TrajectoryEvent.GradientRecorded> gradients,
                               List<TrajectoryEvent.NetworkMetricsRecorded> metrics) {
    public MemberTrajectory {
        gradients = List.copyOf(gradients);
        metrics = List.copyOf(metrics);
    }

    /** A trajectory without network metrics (every run but a network's). */
    public MemberTrajectory(int member, long[] steps, double[] times, double[][] values,
                            List<TrajectoryEvent.GradientRecorded> gradients) {
        this(member, steps, times, values, gradients, List.of());
    }

    /** A particle-level trajectory: no gradient records. */
    public MemberTrajectory(int member, long[] steps, double[] times, double[][] values) {
        this(member, steps, times, values, List.of());
    }

    /** The trajectory a member's journal records: its snapshots and gradient records in journal order. */
    public static MemberTrajectory of(int member, List<? extends TrajectoryEvent> events) {
        List<TrajectoryEvent.SnapshotRecorded> snapshots = new ArrayList<>();
        List<TrajectoryEvent.GradientRecorded> gradients = new ArrayList<>();
        List<TrajectoryEvent.NetworkMetricsRecorded> metrics = new ArrayList<>();
        for (TrajectoryEvent event : events) {
            if (event instanceof TrajectoryEvent.SnapshotRecorded s) snapshots.add(s);
            else if (event instanceof TrajectoryEvent.GradientRecorded g) gradients.add(g);
            else if (event instanceof TrajectoryEvent.NetworkMetricsRecorded m) metrics.add(m);
        }
        long[] steps = new long[snapshots.size()];
        double[] times = new double[snapshots.size()];
        double[][] values = new double[snapshots.size()][];
        for (int k = 0; k < steps.length; k++) {
            steps[k] = snapshots.get(k).step();
            times[k] = snapshots.get(k).t();
            values[k] = snapshots.get(k).values();
        }
        return new MemberTrajectory(member, steps, times, values, gradients, metrics);
    }
}
