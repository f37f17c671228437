package org.dysonsim.scenarios.report.analyses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.physics.init.RandomTridiagonals;
import org.dysonsim.protocol.LayerLayout;
import org.junit.jupiter.api.Test;

class LayerMetricsAlongTrainingTest {
    @Test
    void aSpikeGrowingOutOfOneLayersBulkShowsInThatLayerAtThatRecordOnly() {
        // layer "noise": the spectrum of a 400 × 100 Gaussian matrix at both records; layer "learns": the
        // same law at record 0 and, at record 1, its largest eigenvalue pulled five bulk edges out
        double[] bulkA = RandomTridiagonals.laguerre(400, 100, 1.0, 7, 0);
        double[] bulkB = RandomTridiagonals.laguerre(400, 100, 1.0, 7, 1);
        double[] spiked = bulkB.clone();
        spiked[spiked.length - 1] *= 5;
        double[][] values = {concat(bulkA, bulkB), concat(bulkA, spiked)};
        MemberTrajectory member = new MemberTrajectory(0, new long[] {0, 50}, new double[] {0, 1}, values);
        LayerLayout layout = new LayerLayout(List.of(new LayerLayout.Layer("noise", 400, 100),
                new LayerLayout.Layer("learns", 400, 100)));

        List<LayerMetricsAlongTraining> layers = LayerMetricsAlongTraining.of(layout, member);
        assertEquals(List.of("noise", "learns"), layers.stream().map(LayerMetricsAlongTraining::layer).toList());
        assertArrayEquals(new long[] {0, 50}, layers.get(1).steps());
        assertArrayEquals(new double[] {0, 0}, layers.get(0).series(m -> m.numSpikes()), "pure noise: no spike at the 99 % point");
        assertArrayEquals(new double[] {0, 1}, layers.get(1).series(m -> m.numSpikes()), "one spike, from record 1 on");
        double[] softrank = layers.get(1).series(m -> m.mpSoftrank());
        assertTrue(softrank[1] < 0.3 * softrank[0], "the edge over λ_max drops with the spike: " + softrank[0] + " → " + softrank[1]);
        double[] logSpectralNorm = layers.get(1).series(m -> m.logSpectralNorm());
        assertEquals(Math.log10(5), logSpectralNorm[1] - logSpectralNorm[0], 1e-12);
    }

    @Test
    void aLongRunIsMeasuredAtEvenlySpreadRecordsFromFirstToLast() {
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 1, 2}, org.dysonsim.scenarios.report.RecordSlices.spread(3, 5));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 3, 6, 9}, org.dysonsim.scenarios.report.RecordSlices.spread(10, 4));
        int[] many = org.dysonsim.scenarios.report.RecordSlices.spread(1001, LayerMetricsAlongTraining.MAX_RECORDS);
        assertEquals(LayerMetricsAlongTraining.MAX_RECORDS, many.length);
        assertEquals(1000, many[many.length - 1]);
        for (int k = 1; k < many.length; k++) assertTrue(many[k] > many[k - 1], "ascending, no repeats");
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
