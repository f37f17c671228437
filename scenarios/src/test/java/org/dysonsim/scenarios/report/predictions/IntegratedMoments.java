package org.dysonsim.scenarios.report.predictions;

/** A prediction's mean and variance at t integrated from its own CDF on a fine grid: what closed-form moments are held against. */
final class IntegratedMoments {
    private IntegratedMoments() {}

    /** {mean, variance} from {@code cells} CDF differences over [lo, hi], each at its cell's midpoint. */
    static double[] of(Prediction p, double t, double lo, double hi, int cells) {
        double width = (hi - lo) / cells, first = 0, second = 0, before = p.cdf(lo, t);
        for (int c = 0; c < cells; c++) {
            double after = p.cdf(lo + (c + 1) * width, t), x = lo + (c + 0.5) * width;
            first += (after - before) * x;
            second += (after - before) * x * x;
            before = after;
        }
        return new double[] {first, second - first * first};
    }
}
