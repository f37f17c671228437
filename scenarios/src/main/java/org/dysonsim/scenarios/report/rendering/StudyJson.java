package org.dysonsim.scenarios.report.rendering;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dysonsim.physics.fit.WeightedLine;

/** The blocks study.json shares between its studies: a weighted line's fit and one study-level check. */
final class StudyJson {
    private StudyJson() {}

    /** Slope and intercept with their standard errors, χ² and degrees of freedom. */
    static Map<String, Object> fit(WeightedLine line) {
        Map<String, Object> fit = new LinkedHashMap<>();
        fit.put("slope", line.slope());
        fit.put("slope_se", line.slopeSe());
        fit.put("intercept", line.intercept());
        fit.put("intercept_se", line.interceptSe());
        fit.put("chi_squared", line.chiSquared());
        fit.put("degrees_of_freedom", line.degreesOfFreedom());
        return fit;
    }

    /** A check: what it tests, its value against its threshold, the rule that set it, and its verdict. */
    static Map<String, Object> check(String name, double value, double threshold, String rule, boolean pass) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("name", name);
        check.put("value", value);
        check.put("threshold", threshold);
        check.put("rule", rule);
        check.put("verdict", pass ? "pass" : "fail");
        return check;
    }
}
