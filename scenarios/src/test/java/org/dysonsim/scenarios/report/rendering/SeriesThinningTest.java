package org.dysonsim.scenarios.report.rendering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.junit.jupiter.api.Test;

class SeriesThinningTest {

    @Test
    void aLongSeriesKeepsEveryBucketsExtremesInOrderAndAtMostTheMaximum() {
        int n = 1_000_001;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 1e-3;
            y[i] = Math.sin(i * 1e-4);
        }
        y[123_457] = 50;  // one spike up and one down: both must survive
        y[876_543] = -50;
        double[][] kept = SeriesThinning.thinned(x, y, 4000);
        assertTrue(kept[0].length <= 4000 && kept[0].length > 3000, "points kept: " + kept[0].length);
        for (int k = 1; k < kept[0].length; k++) assertTrue(kept[0][k] > kept[0][k - 1], "in x order");
        assertEquals(50, Arrays.stream(kept[1]).max().orElseThrow());
        assertEquals(-50, Arrays.stream(kept[1]).min().orElseThrow());
        assertEquals(x[123_457], kept[0][Arrays.stream(kept[1]).boxed().toList().indexOf(50.0)], "the spike where it was");
    }

    @Test
    void aChartsShortSeriesAreLeftWholeAndLongOnesThinned() {
        XYChart chart = new XYChartBuilder().width(100).height(100).build();
        double[] shortX = {0, 1, 2}, shortY = {3, 1, 2};
        chart.addSeries("short", shortX, shortY);
        double[] longX = new double[10_000], longY = new double[10_000];
        for (int i = 0; i < longX.length; i++) longX[i] = longY[i] = i;
        chart.addSeries("long", longX, longY);
        SeriesThinning.apply(chart);
        assertArrayEquals(shortY, chart.getSeriesMap().get("short").getYData());
        double[] thinned = chart.getSeriesMap().get("long").getXData();
        assertTrue(thinned.length <= SeriesThinning.MAX_POINTS, "thinned to " + thinned.length);
        assertEquals(0, thinned[0]);
        assertEquals(9_999, thinned[thinned.length - 1], "the last point stays");
    }
}
