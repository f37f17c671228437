package org.dysonsim.scenarios.report.analyses;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.physics.layers.LayerMetrics;
import org.dysonsim.protocol.LayerLayout;

/**
 * WeightWatcher's per-layer metrics ({@link LayerMetrics}, docs/physics.md §8) of one member's
 * weight matrices at every record: how each layer's spectrum leaves the Marchenko–Pastur bulk
 * along training, where WeightWatcher itself measures one snapshot.
 *
 * @param layer   the layer's name
 * @param steps   the recorded steps, ascending
 * @param metrics the layer's metrics at each of {@code steps}
 */
public record LayerMetricsAlongTraining(String layer, long[] steps, List<LayerMetrics> metrics) {
    /**
     * The most records measured per layer (about 50 ms each at a few hundred eigenvalues): a longer
     * run is measured at this many records spread evenly over it, its first and last included.
     */
    public static final int MAX_RECORDS = 200;

    /** Every layer of {@code layout}, from each record of {@code member} (at most {@link #MAX_RECORDS} of them). */
    public static List<LayerMetricsAlongTraining> of(LayerLayout layout, MemberTrajectory member) {
        int[] records = org.dysonsim.scenarios.report.RecordSlices.spread(member.steps().length, MAX_RECORDS);
        long[] steps = new long[records.length];
        for (int k = 0; k < records.length; k++) steps[k] = member.steps()[records[k]];
        List<LayerMetricsAlongTraining> out = new ArrayList<>();
        for (int l = 0; l < layout.layers().size(); l++) {
            LayerLayout.Layer layer = layout.layers().get(l);
            List<LayerMetrics> metrics = new ArrayList<>();
            for (int k : records) metrics.add(LayerMetrics.of(layout.of(member.values()[k], l), layer.rows(), layer.cols()));
            out.add(new LayerMetricsAlongTraining(layer.name(), steps.clone(), List.copyOf(metrics)));
        }
        return out;
    }


    /** One metric at every record. */
    public double[] series(java.util.function.ToDoubleFunction<LayerMetrics> metric) {
        return metrics.stream().mapToDouble(metric).toArray();
    }
}
