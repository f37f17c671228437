package org.dysonsim.scenarios.report.rendering;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.Objects;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.scenarios.report.RecordSlice;
import org.dysonsim.scenarios.report.predictions.Prediction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The mean and variance of all levels against time with their standard errors over members (at
 * the records the report reads whole) and, where a prediction applies, the mean and variance of
 * its one-level law at that time: the theory line. Members are independent, the levels of one
 * member are not, so each error comes from the spread across members of a per-member quantity:
 * the member's mean level, and the member's mean squared deviation from the ensemble mean.
 */
final class LevelMoments {
    /**
     * Cells of the CDF over which a prediction's mean and variance are summed: a few hundred CDF
     * evaluations per record, against the pooled sample's size for the record's KS comparison.
     */
    static final int CELLS = 256;
    /** The summed range reaches this many times the sample's range beyond each end of it. */
    static final double PAD = 0.5;

    private final double[] meanSe, varianceSe, theoryMean, theoryVariance;
    /** The prediction of each record, null where none applies. */
    private final String[] theory;

    LevelMoments(int records) {
        meanSe = nan(records);
        varianceSe = nan(records);
        theoryMean = nan(records);
        theoryVariance = nan(records);
        theory = new String[records];
    }

    /**
     * Record k, read whole; {@code applying} is the prediction of the time, null if none. Its
     * moments are its own where it knows them ({@link Prediction#moments}), else summed from its CDF.
     */
    void add(RunSpec spec, RecordSlice slice, int k, Prediction applying, double t) {
        int members = slice.size();
        double[] memberMean = new double[members];
        double total = 0;
        int count = 0;
        for (int j = 0; j < members; j++) {
            double[] x = slice.levels(spec, j);
            for (double v : x) memberMean[j] += v;
            total += memberMean[j];
            count += x.length;
            memberMean[j] /= x.length;
        }
        double mean = total / count;
        double[] memberSquares = new double[members];
        for (int j = 0; j < members; j++) {
            double[] x = slice.levels(spec, j);
            for (double v : x) memberSquares[j] += (v - mean) * (v - mean);
            memberSquares[j] /= x.length;
        }
        meanSe[k] = standardError(memberMean);
        varianceSe[k] = standardError(memberSquares);
        if (applying == null) return;
        double[] moments = applying.moments(t).orElseGet(() -> {
            double[] pooled = slice.pooledLevels(spec);
            double lo = Arrays.stream(pooled).min().orElse(0), hi = Arrays.stream(pooled).max().orElse(1);
            double range = Math.max(hi - lo, 1e-9);
            return moments(applying, t, lo - PAD * range, hi + PAD * range);
        });
        theoryMean[k] = moments[0];
        theoryVariance[k] = moments[1];
        theory[k] = applying.name();
    }

    /**
     * The mean and variance of the law at time t, from its CDF on [lo, hi] (the mass inside
     * renormalised); each cell's mass is put at its centre, which adds width²/12 to the variance
     * (Sheppard's correction takes it off).
     */
    static double[] moments(Prediction p, double t, double lo, double hi) {
        double width = (hi - lo) / CELLS, before = p.cdf(lo, t), mass = 0, first = 0, second = 0;
        for (int c = 0; c < CELLS; c++) {
            double after = p.cdf(lo + (c + 1) * width, t), x = lo + (c + 0.5) * width, w = after - before;
            mass += w;
            first += w * x;
            second += w * x * x;
            before = after;
        }
        double mean = first / mass;
        return new double[] {mean, second / mass - mean * mean - width * width / 12};
    }

    XYChart meanChart(String axis, double[] t, double[] mean) {
        return chart("Mean level", "mean of " + axis, t, mean, meanSe, theoryMean);
    }

    XYChart varianceChart(String axis, double[] t, double[] variance) {
        return chart("Variance of the levels", "variance of " + axis, t, variance, varianceSe, theoryVariance);
    }

    private XYChart chart(String title, String axis, double[] t, double[] y, double[] se, double[] theoryY) {
        XYChart chart = new XYChartBuilder().width(Plots.WIDTH).height(Plots.HEIGHT).title(title).xAxisTitle("t")
                .yAxisTitle(axis).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        XYSeries line = chart.addSeries("simulation, all members pooled", t, y);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(new Color(70, 130, 180));
        XYSeries points = Charts.addWithErrors(chart, "± 1 s.e. over members (records read whole)", t, y, se);
        if (points != null) {
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarkerColor(new Color(40, 70, 110));
            points.setLineColor(new Color(40, 70, 110));
        }
        // one line per prediction over the records it applies to; a single record gets a marker
        for (String name : Arrays.stream(theory).filter(Objects::nonNull).distinct().toList()) {
            double[] own = theoryY.clone();
            for (int k = 0; k < own.length; k++) if (!name.equals(theory[k])) own[k] = Double.NaN;
            XYSeries curve = Charts.addLine(chart, Plots.legend("prediction: " + name), t, own);
            if (curve == null) continue;
            curve.setLineColor(PREDICTION_COLOURS[chart.getSeriesMap().size() % PREDICTION_COLOURS.length]);
            curve.setLineStyle(new BasicStroke(2f));
            if (curve.getXData().length == 1) {
                curve.setMarker(SeriesMarkers.DIAMOND);
                curve.setMarkerColor(curve.getLineColor());
            }
        }
        return chart;
    }

    private static final Color[] PREDICTION_COLOURS = {new Color(200, 40, 40), new Color(230, 140, 20), new Color(120, 40, 160)};

    private static double standardError(double[] v) {
        if (v.length < 2) return Double.NaN;
        double m = Arrays.stream(v).average().orElse(0), ss = 0;
        for (double x : v) ss += (x - m) * (x - m);
        return Math.sqrt(ss / (v.length - 1) / v.length);
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
