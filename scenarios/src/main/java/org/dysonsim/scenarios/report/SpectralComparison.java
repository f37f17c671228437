package org.dysonsim.scenarios.report;

import org.dysonsim.physics.stats.KolmogorovSmirnov;

/** A pooled ensemble spectrum against a {@link Prediction} by the Kolmogorov–Smirnov distance. */
public final class SpectralComparison {
    private SpectralComparison() {}

    /**
     * The threshold is the KS critical value at level 1e-4 (PHYSICS.md §7) for the pooled sample
     * size plus the prediction's finite-N allowance. Levels of one member repel each other, so
     * they fluctuate less than independent samples: the independent-sample critical value is
     * conservative.
     *
     * @param levels the pooled values of every member at time t
     * @param n      levels per member
     */
    public static Comparison ks(Prediction prediction, double t, double[] levels, int n) {
        double d = KolmogorovSmirnov.oneSample(levels, x -> prediction.cdf(x, t)).distance();
        double allowance = prediction.finiteSizeAllowance(n);
        double threshold = KolmogorovSmirnov.CRITICAL_1E4 / Math.sqrt(levels.length) + allowance;
        String rule = KolmogorovSmirnov.CRITICAL_1E4 + "/√" + levels.length + " (KS at level 1e-4) + "
                + String.format("%.4g", allowance) + " (finite-N allowance)";
        return new Comparison(prediction.name(), "KS distance", t, d, threshold, d <= threshold, rule);
    }
}
