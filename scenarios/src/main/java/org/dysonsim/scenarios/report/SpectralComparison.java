package org.dysonsim.scenarios.report;


import java.util.LinkedHashMap;
import java.util.Map;
import org.dysonsim.physics.laws.SpectralLaw;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.dysonsim.physics.stats.LawComparison;

/** A pooled ensemble spectrum against a law: KS distance (the verdict), its p-value and the L1 distance. */
public final class SpectralComparison {
    private SpectralComparison() {}

    /**
     * One sample against one law at time t: KS distance (the verdict) against the critical value
     * at level 1e-4 for {@code n_eff = samples.length} plus {@code allowance}; L1 distance of the
     * bin probabilities; the p-value as if the samples were iid.
     *
     * @param sampleNote what the samples are and why they count as n_eff observations (goes into the rule)
     */
    public static Comparison ks(String name, double t, double[] samples, SpectralLaw law, double allowance, String sampleNote) {
        LawComparison cmp = LawComparison.of(samples, law, bins(samples.length));
        double d = cmp.ks().distance();
        double threshold = KolmogorovSmirnov.CRITICAL_1E4 / Math.sqrt(samples.length) + allowance;
        String rule = KolmogorovSmirnov.CRITICAL_1E4 + "/√" + samples.length + " (KS at level 1e-4) + "
                + String.format("%.4g", allowance) + " (finite-N allowance); " + sampleNote;
        Map<String, Double> details = new LinkedHashMap<>();
        details.put("samples", (double) samples.length);
        details.put("n_eff", (double) samples.length);
        details.put("p_value_iid", cmp.ks().pValue());
        details.put("l1_bin_probabilities", cmp.l1());
        return new Comparison(name, "KS distance", t, d, threshold, d <= threshold, rule, details, Power.ofKsThreshold(threshold));
    }

    /** Histogram bins for {@code samples} values: √samples, kept between 10 and 80 (the L1 distance's and the plots'). */
    public static int bins(int samples) {
        return (int) Math.max(10, Math.min(80, Math.round(Math.sqrt(samples))));
    }
}
