package org.dysonsim.scenarios.report.rendering;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Line charts against the training step, as the matrix sections draw them. */
final class Charts {
    private Charts() {}

    static XYChart chart(String title, String axis) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("step").yAxisTitle(axis).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        return chart;
    }

    /** A series without its non-finite points (XChart cannot draw them). */
    static XYSeries addLine(XYChart chart, String name, double[] x, double[] y) {
        List<Integer> keep = finite(y, null);
        if (keep.isEmpty()) return null;
        XYSeries s = chart.addSeries(name, pick(x, keep), pick(y, keep));
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    /** A series without its non-finite points, drawn as points with error bars ±se; null when none is left. */
    static XYSeries addWithErrors(XYChart chart, String name, double[] x, double[] y, double[] se) {
        List<Integer> keep = finite(y, se);
        if (keep.isEmpty()) return null;
        XYSeries s = chart.addSeries(name, pick(x, keep), pick(y, keep), pick(se, keep));
        s.setMarker(SeriesMarkers.CIRCLE);
        return s;
    }

    private static List<Integer> finite(double[] y, double[] se) {
        List<Integer> keep = new ArrayList<>();
        for (int k = 0; k < y.length; k++) if (Double.isFinite(y[k]) && (se == null || Double.isFinite(se[k]))) keep.add(k);
        return keep;
    }

    private static double[] pick(double[] a, List<Integer> keep) {
        return keep.stream().mapToDouble(k -> a[k]).toArray();
    }
}
