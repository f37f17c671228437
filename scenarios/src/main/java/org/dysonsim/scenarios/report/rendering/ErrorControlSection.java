package org.dysonsim.scenarios.report.rendering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.analyses.StepBiasReport;
import org.dysonsim.scenarios.report.analyses.StepBiasReport.StepBias;

/** The "error_control" block of report.json ({@link StepBiasReport}). */
final class ErrorControlSection {
    private ErrorControlSection() {}

    static Map<String, Object> json(StepBias bias) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", bias.plan().mode().name().toLowerCase());
        json.put("reason", bias.plan().reason());
        if (!bias.plan().runsCompanion()) return json;
        json.put("members", bias.plan().members());
        json.put("refinement", "every step halved (one bridge refinement level), same seed and members");
        json.put("z", StepBiasReport.Z);
        if (bias.problem() != null) {
            json.put("problem", bias.problem());
            return json;
        }
        json.put("t", bias.t());
        if (bias.judged()) return json;
        List<Object> information = new ArrayList<>();
        for (Comparison c : bias.differences()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", c.name());
            row.put("value", c.value());
            row.put("quarter_tolerance", c.threshold());
            row.put("verdict", "information");
            row.putAll(c.details());
            information.add(row);
        }
        json.put("differences", information);
        return json;
    }
}
