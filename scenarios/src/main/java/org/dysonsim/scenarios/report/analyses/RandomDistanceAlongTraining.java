package org.dysonsim.scenarios.report.analyses;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.protocol.TrajectoryEvent;

/**
 * One layer's distance from its entries permuted (physics.layers.RandomDistance, docs/physics.md
 * §8) at every record of one member that measured it: read from the run's metrics records, where
 * the layer computed it from its W at that step.
 *
 * @param layer the layer's name
 * @param steps the measured steps, ascending
 * @param ks    the KS distance at each of {@code steps}
 * @param w1    the Wasserstein-1 distance over the mean eigenvalue at each of {@code steps}
 */
public record RandomDistanceAlongTraining(String layer, long[] steps, double[] ks, double[] w1) {

    /** Every layer of {@code layout}; a run that never measured it has no steps. */
    public static List<RandomDistanceAlongTraining> of(LayerLayout layout, MemberTrajectory member) {
        List<TrajectoryEvent.NetworkMetricsRecorded> measured = member.metrics().stream()
                .filter(TrajectoryEvent.NetworkMetricsRecorded::measuredRandomDistance).toList();
        long[] steps = measured.stream().mapToLong(TrajectoryEvent.NetworkMetricsRecorded::step).toArray();
        List<RandomDistanceAlongTraining> out = new ArrayList<>();
        for (int l = 0; l < layout.layers().size(); l++) {
            int layer = l;
            out.add(new RandomDistanceAlongTraining(layout.layers().get(l).name(), steps.clone(),
                    measured.stream().mapToDouble(m -> m.randomDistanceKs()[layer]).toArray(),
                    measured.stream().mapToDouble(m -> m.randomDistanceW1()[layer]).toArray()));
        }
        return out;
    }

    public boolean measured() {
        return steps.length > 0;
    }

    /** The KS distance at each of {@code at}, NaN where it was not measured. */
    public double[] ksAt(long[] at) {
        return aligned(at, ks);
    }

    /** The W1 distance at each of {@code at}, NaN where it was not measured. */
    public double[] w1At(long[] at) {
        return aligned(at, w1);
    }

    private double[] aligned(long[] at, double[] values) {
        double[] out = new double[at.length];
        for (int k = 0; k < at.length; k++) {
            int i = java.util.Arrays.binarySearch(steps, at[k]);
            out[k] = i >= 0 ? values[i] : Double.NaN;
        }
        return out;
    }
}
