package org.dysonsim.scenarios.report;

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
 */
public record Comparison(String name, String statistic, double t, double value, double threshold, boolean pass,
                         String rule) {
    public String verdict() {
        return pass ? "pass" : "fail";
    }
}
