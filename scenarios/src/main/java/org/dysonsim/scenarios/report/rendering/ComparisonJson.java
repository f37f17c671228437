package org.dysonsim.scenarios.report.rendering;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.VerdictCounts;

/** The comparisons of report.json and the run's verdict drawn from them (scenarios/README.md, report.json). */
final class ComparisonJson {
    private ComparisonJson() {}

    /** {@code comparisons}, {@code verdict}, {@code verdict_rule} and {@code verdict_counts} into {@code root}. */
    static void put(Map<String, Object> root, List<Comparison> comparisons) {
        root.put("comparisons", comparisons.stream().map(ComparisonJson::of).toList());
        VerdictCounts counts = VerdictCounts.of(comparisons);
        root.put("verdict", counts.overall());
        root.put("verdict_rule", counts.rule());
        root.put("verdict_counts", counts.json());
    }

    static Map<String, Object> of(Comparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("statistic", c.statistic());
        m.put("t", c.t());
        m.put("value", c.value());
        m.put("threshold", c.threshold());
        m.put("power", c.power().value());
        m.put("verdict", c.verdict());
        m.put("rule", c.rule());
        m.put("power_rule", c.power().rule());
        m.putAll(c.details());
        return m;
    }
}
