package org.dysonsim.actors;

import java.util.ArrayList;
import java.util.Arrays;
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
        return of(member, events.stream());
    }

    /**
     * As {@link #of(int, List)}, taking the events one at a time: only the snapshots' positions are
     * kept (in arrays that grow as the stream goes), never the whole list of events, so a member of
     * 10⁶ records is read in about half the heap the list of its events needs.
     */
    public static MemberTrajectory of(int member, java.util.stream.Stream<? extends TrajectoryEvent> events) {
        List<TrajectoryEvent.GradientRecorded> gradients = new ArrayList<>();
        List<TrajectoryEvent.NetworkMetricsRecorded> metrics = new ArrayList<>();
        long[][] steps = {new long[16]};
        double[][] times = {new double[16]};
        double[][][] values = {new double[16][]};
        int[] count = {0};
        events.forEachOrdered(event -> {
            if (event instanceof TrajectoryEvent.SnapshotRecorded s) {
                int k = count[0]++;
                if (k == steps[0].length) {
                    steps[0] = Arrays.copyOf(steps[0], 2 * k);
                    times[0] = Arrays.copyOf(times[0], 2 * k);
                    values[0] = Arrays.copyOf(values[0], 2 * k);
                }
                steps[0][k] = s.step();
                times[0][k] = s.t();
                values[0][k] = s.values();
            } else if (event instanceof TrajectoryEvent.GradientRecorded g) {
                gradients.add(g);
            } else if (event instanceof TrajectoryEvent.NetworkMetricsRecorded m) {
                metrics.add(m);
            }
        });
        int n = count[0];
        return new MemberTrajectory(member, Arrays.copyOf(steps[0], n), Arrays.copyOf(times[0], n),
                Arrays.copyOf(values[0], n), gradients, metrics);
    }
}
