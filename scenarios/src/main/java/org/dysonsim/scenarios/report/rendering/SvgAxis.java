package org.dysonsim.scenarios.report.rendering;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYSeries;

/** One axis of an {@link SvgChart}: its range, ticks and the map from values to pixels. */
record SvgAxis(double lo, double hi, boolean log, double from, double to, List<Double> ticks) {
    /** Ticks a linear axis aims at. */
    private static final int TICKS = 10;

    static SvgAxis of(double[] range, boolean log, double from, double to) {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            // decades, and 2 and 5 within them when the axis spans too few decades to read
            boolean fine = Math.log10(range[1] / range[0]) < 2;
            for (int e = (int) Math.floor(Math.log10(range[0])); e <= Math.ceil(Math.log10(range[1])); e++) {
                for (double m : fine ? new double[] {1, 2, 5} : new double[] {1}) {
                    double t = m * Math.pow(10, e);
                    if (t >= range[0] * (1 - 1e-9) && t <= range[1] * (1 + 1e-9)) ticks.add(t);
                }
            }
        } else {
            double raw = (range[1] - range[0]) / TICKS;
            double unit = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = raw <= unit ? unit : raw <= 2 * unit ? 2 * unit : raw <= 5 * unit ? 5 * unit : 10 * unit;
            for (long k = (long) Math.ceil(range[0] / step - 1e-9); k * step <= range[1] + step * 1e-9; k++) ticks.add(k * step);
        }
        return new SvgAxis(range[0], range[1], log, from, to, ticks);
    }

    double at(double v) {
        double f = log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
        return from + f * (to - from);
    }

    String label(double v) {
        return TickLabels.label(v);
    }

    /**
     * The span of the series' values on one axis (error bars included), or the limits set on the
     * chart; on a logarithmic axis only positive values count.
     */
    static double[] range(List<XYSeries> series, boolean horizontal, Double lo, Double hi, boolean log) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (XYSeries s : series) {
            double[] v = horizontal ? s.getXData() : s.getYData();
            double[] e = horizontal ? null : s.getExtraValues();
            for (int k = 0; k < v.length; k++) {
                double err = e == null || !Double.isFinite(e[k]) ? 0 : e[k];
                double low = log && v[k] - err <= 0 ? v[k] : v[k] - err; // a bar through 0 is cut at the axis
                double high = v[k] + err;
                if (Double.isFinite(low) && (!log || low > 0)) min = Math.min(min, low);
                if (Double.isFinite(high) && (!log || high > 0)) max = Math.max(max, high);
            }
        }
        if (lo != null) min = lo;
        if (hi != null) max = hi;
        if (!(min <= max)) return log ? new double[] {1, 10} : new double[] {0, 1};
        if (max == min) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.05;
            return log ? new double[] {min / 2, min * 2} : new double[] {min - pad, max + pad};
        }
        return new double[] {min, max};
    }

    /**
     * A linear value range widened by 3 % at each end the chart left free, so no point sits on the
     * frame; a range of values that are all ≥ 0 is not widened below 0.
     */
    static double[] padded(double[] range, boolean fixedLow, boolean fixedHigh) {
        double pad = 0.03 * (range[1] - range[0]);
        double lo = fixedLow ? range[0] : range[0] >= 0 ? Math.max(0, range[0] - pad) : range[0] - pad;
        double hi = fixedHigh ? range[1] : range[1] + pad;
        return new double[] {lo, hi};
    }
}
