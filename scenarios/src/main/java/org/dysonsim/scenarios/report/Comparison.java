package org.dysonsim.scenarios.report;

import java.util.Map;

/**
 * One comparison of the simulation with an expectation, as it appears in report.json.
 *
 * @param name      what is compared
 * @param statistic the statistic's name (e.g. "KS distance")
 * @param t         the time compared, NaN when the comparison covers the whole run
 * @param value     the statistic's value
 * @param threshold the value beyond which the verdict is "fail"
 * @param pass      whether the statistic lies within its threshold (the verdict is then "pass" or "inconclusive")
 * @param rule      how the threshold was set, in words
 * @param details   further numbers of the comparison by name (e.g. a p-value), in report order
 * @param power     the smallest error the comparison would catch at the run's size
 */
public record Comparison(String name, String statistic, double t, double value, double threshold, boolean pass,
                         String rule, Map<String, Double> details, Power power) {
    public static final String PASS = "pass", FAIL = "fail", INCONCLUSIVE = "inconclusive";

    public Comparison(String name, String statistic, double t, double value, double threshold, boolean pass, String rule,
                      Power power) {
        this(name, statistic, t, value, threshold, pass, rule, Map.of(), power);
    }

    /** "fail" beyond the threshold; within it "pass", or "inconclusive" when the comparison cannot catch a twofold error. */
    public String verdict() {
        if (!pass) return FAIL;
        return power.catchesTwofold() ? PASS : INCONCLUSIVE;
    }

    public boolean failed() {
        return !pass;
    }

    public boolean inconclusive() {
        return verdict().equals(INCONCLUSIVE);
    }
}
