package org.dysonsim.scenarios.report.analyses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.physics.layers.BulkLevelStatistics;
import org.dysonsim.physics.layers.LayerMetrics;
import org.dysonsim.protocol.LayerLayout;

/**
 * The level statistics of each layer's Marchenko–Pastur bulk ({@link BulkLevelStatistics}: unfolded
 * spacings of the nonzero eigenvalues of WᵀW at or below the fitted bulk edge of
 * {@link LayerMetrics}, against the GOE and the Poisson law; docs/physics.md §8) at the records the
 * tail analysis reads ({@link LayerTailsAlongTraining#testedRecords}).
 *
 * @param layer the layer's name
 * @param steps the analysed steps, ascending
 * @param bulk  the statistics at each of {@code steps}; null where no bulk edge was fitted or the
 *              bulk holds fewer than {@link BulkLevelStatistics#MIN_LEVELS} levels
 */
public record BulkSpacingsAlongTraining(String layer, long[] steps, List<BulkLevelStatistics> bulk) {
    public static List<BulkSpacingsAlongTraining> of(LayerLayout layout, MemberTrajectory member) {
        int[] records = LayerTailsAlongTraining.testedRecords(member);
        long[] steps = Arrays.stream(records).mapToLong(k -> member.steps()[k]).toArray();
        List<BulkSpacingsAlongTraining> out = new ArrayList<>();
        for (int l = 0; l < layout.layers().size(); l++) {
            LayerLayout.Layer layer = layout.layers().get(l);
            List<BulkLevelStatistics> bulk = new ArrayList<>();
            for (int k : records) {
                double[] values = LayerTailsAlongTraining.positive(layout, l, member.values()[k]);
                double edge = values.length == 0 ? Double.NaN : LayerMetrics.of(values, layer.rows(), layer.cols()).bulkEdge();
                bulk.add(Double.isFinite(edge) ? BulkLevelStatistics.of(values, edge) : null);
            }
            out.add(new BulkSpacingsAlongTraining(layer.name(), steps.clone(), Collections.unmodifiableList(bulk)));
        }
        return out;
    }

    /** One statistic at each analysed record, NaN where none was made. */
    public double[] series(java.util.function.ToDoubleFunction<BulkLevelStatistics> statistic) {
        return bulk.stream().mapToDouble(b -> b == null ? Double.NaN : statistic.applyAsDouble(b)).toArray();
    }
}
