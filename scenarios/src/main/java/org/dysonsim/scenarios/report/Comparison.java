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
 * @param pass      the verdict
 * @param rule      how the threshold was set, in words
 * @param details   further numbers of the comparison by name (e.g. a p-value), in report order
 */
public record Comparison(String name, String statistic, double t, double value, double threshold, boolean pass,
                         String rule, Map<String, Double> details) {

    public Comparison(String name, String statistic, double t, double value, double threshold, boolean pass, String rule) {
        this(name, statistic, t, value, threshold, pass, rule, Map.of());
    }

    public String verdict() {
        return pass ? "pass" : "fail";
    }
}
