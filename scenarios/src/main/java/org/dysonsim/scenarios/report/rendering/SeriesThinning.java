package org.dysonsim.scenarios.report.rendering;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Draws long series with at most {@link #MAX_POINTS} points: a series of more (a member of 10⁶
 * records against time) is cut into buckets of consecutive points, each drawn by its lowest and
 * its highest point in their order, so every excursion stays visible while the figure (its SVG above
 * all, a path element per point) stays small. A figure is 900 pixels wide: 4000 points is more than
 * two per pixel column.
 */
final class SeriesThinning {
    static final int MAX_POINTS = 4000;

    private SeriesThinning() {}

    /** Thins every series of {@code chart} longer than {@link #MAX_POINTS} (series with error bars are left whole). */
    static void apply(XYChart chart) {
        for (XYSeries series : List.copyOf(chart.getSeriesMap().values())) {
            double[] x = series.getXData(), y = series.getYData();
            double[] bars = series.getExtraValues();
            if (x.length <= MAX_POINTS || bars != null && bars.length > 0) continue;
            double[][] kept = thinned(x, y, MAX_POINTS);
            chart.updateXYSeries(series.getName(), kept[0], kept[1], null);
        }
    }

    /** At most {@code max} of the points (x[i], y[i]): per bucket of consecutive points its lowest and highest, in order. */
    static double[][] thinned(double[] x, double[] y, int max) {
        int buckets = Math.max(1, max / 2);
        int size = (x.length + buckets - 1) / buckets;
        List<Integer> keep = new ArrayList<>();
        for (int start = 0; start < x.length; start += size) {
            int end = Math.min(x.length, start + size), low = start, high = start;
            for (int i = start; i < end; i++) {
                if (y[i] < y[low] || Double.isNaN(y[low])) low = i;
                if (y[i] > y[high] || Double.isNaN(y[high])) high = i;
            }
            keep.add(Math.min(low, high));
            if (low != high) keep.add(Math.max(low, high));
        }
        double[][] out = new double[2][keep.size()];
        for (int k = 0; k < keep.size(); k++) {
            out[0][k] = x[keep.get(k)];
            out[1][k] = y[keep.get(k)];
        }
        return out;
    }
}
