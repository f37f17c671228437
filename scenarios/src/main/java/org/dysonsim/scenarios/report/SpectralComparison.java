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
     * The threshold is the KS critical value at level 1e-4 (docs/physics.md §7) for the pooled sample
     * size plus the prediction's finite-N allowance. Levels of one member repel each other, so
     * they fluctuate less than independent samples: the independent-sample critical value is
     * conservative, and the p-value (reported as {@code p_value_iid}) is one for independent samples.
     *
     * @param levels the pooled values of every member at time t
     * @param n      levels per member
     */
    public static Comparison ks(Prediction prediction, double t, double[] levels, int n) {
        return ks(prediction.name(), t, levels, at(prediction, t), prediction.finiteSizeAllowance(n),
                "n_eff = " + levels.length + " pooled levels of every member (independent where the modes are;"
                        + " interacting levels of one member repel, which makes the iid critical value conservative)");
    }

    /**
     * One sample against one law at time t: KS distance (the verdict) against the critical value
     * at level 1e-4 for {@code n_eff = samples.length} plus {@code allowance}; L1 distance of the
     * bin probabilities; the p-value as if the samples were iid.
     *
     * @param sampleNote what the samples are and why they count as n_eff observations (goes into the rule)
     */
    public static Comparison ks(String name, double t, double[] samples, SpectralLaw law, double allowance, String sampleNote) {
        LawComparison cmp = LawComparison.of(samples, law, Plots.bins(samples.length));
        double d = cmp.ks().distance();
        double threshold = KolmogorovSmirnov.CRITICAL_1E4 / Math.sqrt(samples.length) + allowance;
        String rule = KolmogorovSmirnov.CRITICAL_1E4 + "/√" + samples.length + " (KS at level 1e-4) + "
                + String.format("%.4g", allowance) + " (finite-N allowance); " + sampleNote;
        Map<String, Double> details = new LinkedHashMap<>();
        details.put("samples", (double) samples.length);
        details.put("n_eff", (double) samples.length);
        details.put("p_value_iid", cmp.ks().pValue());
        details.put("l1_bin_probabilities", cmp.l1());
        return new Comparison(name, "KS distance", t, d, threshold, d <= threshold, rule, details);
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
