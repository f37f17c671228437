package org.dysonsim.scenarios.report;

import java.util.Arrays;

/** A pooled ensemble spectrum against a {@link Prediction} by the Kolmogorov–Smirnov distance. */
public final class SpectralComparison {
    private SpectralComparison() {}

    /**
     * The threshold is the KS critical value at level 0.001 for the pooled sample size, plus the
     * prediction's finite-N allowance. Levels of one member repel each other, so they fluctuate
     * less than independent samples: the independent-sample critical value is conservative.
     *
     * @param levels the pooled values of every member at time t
     * @param n      levels per member
     */
    public static Comparison ks(Prediction prediction, double t, double[] levels, int n) {
        double[] sorted = levels.clone();
        Arrays.sort(sorted);
        double d = KolmogorovSmirnov.distance(sorted, x -> prediction.cdf(x, t));
        double allowance = prediction.finiteSizeAllowance(n);
        double threshold = KolmogorovSmirnov.CRITICAL_0_001 / Math.sqrt(sorted.length) + allowance;
        String rule = "1.9495/√" + sorted.length + " (KS at level 0.001) + " + String.format("%.4g", allowance)
                + " (finite-N allowance)";
        return new Comparison(prediction.name(), "KS distance", t, d, threshold, d <= threshold, rule);
    }
}
