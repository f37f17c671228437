package org.dysonsim.scenarios.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dysonsim.physics.laws.SpectralLaw;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.dysonsim.physics.stats.LawComparison;

/** A pooled ensemble spectrum against a {@link Prediction}: KS distance (the verdict), its p-value and the L1 distance. */
public final class SpectralComparison {
    private SpectralComparison() {}

    /**
     * The threshold is the KS critical value at level 1e-4 (PHYSICS.md §7) for the pooled sample
     * size plus the prediction's finite-N allowance. Levels of one member repel each other, so
     * they fluctuate less than independent samples: the independent-sample critical value is
     * conservative, and the p-value (reported as {@code p_value_iid}) is one for independent samples.
     *
     * @param levels the pooled values of every member at time t
     * @param n      levels per member
     */
    public static Comparison ks(Prediction prediction, double t, double[] levels, int n) {
        LawComparison law = LawComparison.of(levels, at(prediction, t), Plots.bins(levels.length));
        double d = law.ks().distance();
        double allowance = prediction.finiteSizeAllowance(n);
        double threshold = KolmogorovSmirnov.CRITICAL_1E4 / Math.sqrt(levels.length) + allowance;
        String rule = KolmogorovSmirnov.CRITICAL_1E4 + "/√" + levels.length + " (KS at level 1e-4) + "
                + String.format("%.4g", allowance) + " (finite-N allowance)";
        Map<String, Double> details = new LinkedHashMap<>();
        details.put("samples", (double) levels.length);
        details.put("p_value_iid", law.ks().pValue());
        details.put("l1_bin_probabilities", law.l1());
        return new Comparison(prediction.name(), "KS distance", t, d, threshold, d <= threshold, rule, details);
    }

    /** The prediction frozen at time t. */
    static SpectralLaw at(Prediction prediction, double t) {
        return new SpectralLaw() {
            public double density(double x) {
                return prediction.density(x, t);
            }

            public double cdf(double x) {
                return prediction.cdf(x, t);
            }
        };
    }
}
