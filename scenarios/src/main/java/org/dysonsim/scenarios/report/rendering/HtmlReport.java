package org.dysonsim.scenarios.report.rendering;

import org.dysonsim.scenarios.ScenarioParameters;
import org.dysonsim.scenarios.report.Decimals;
import java.util.List;
import java.util.Map;
import org.dysonsim.scenarios.RunDirectory;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.VerdictCounts;

/**
 * report.html: a short summary (the verdicts, each failing comparison with its number and
 * threshold, each inconclusive one with its power, the run's physical parameters as its scenario
 * states them), then every figure,
 * then the tables, folded away in {@code <details>}; it links the raw files.
 */
final class HtmlReport {
    static final String STYLE = "body{font-family:sans-serif;max-width:900px;margin:2em auto}"
            + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
            + ".pass{color:#170}.fail{color:#b00;font-weight:bold}li.fail{background:#fee}.inconclusive{color:#a50}"
            + "ul.parameters{list-style:none;padding:0}ul.parameters li{display:inline-block;margin:0 1.2em .3em 0}"
            + "details{margin:1em 0}summary{cursor:pointer;font-weight:bold}";

    private HtmlReport() {}

    static String render(Map<String, Object> json, List<Comparison> comparisons, Map<String, String> plots,
                         List<ScenarioParameters.Parameter> parameters) {
        StringBuilder h = new StringBuilder();
        String runId = String.valueOf(json.get("run_id"));
        h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(escape(runId))
                .append("</title>\n<style>").append(STYLE).append("</style></head><body>\n");
        h.append("<h1>Run ").append(escape(runId)).append("</h1>\n<p>scenario <b>").append(escape(String.valueOf(json.get("scenario"))))
                .append("</b>");
        Object study = json.get("study");
        if (study != null && !study.equals(runId)) {
            // a sweep's runs: the study page is written beside them once the last run is done
            h.append(", study <a href=\"../").append(escape(study.toString())).append('/').append(StudyPage.FILE).append("\">")
                    .append(escape(study.toString())).append("</a>");
        }
        h.append(", ").append(escape(String.valueOf(json.get("status")))).append("; ")
                .append(escape(String.valueOf(json.get("coordinates")))).append("</p>\n");
        if (json.get("failure") != null) {
            h.append("<p class=\"fail\">The run failed: ").append(escape(String.valueOf(json.get("failure")))).append("</p>\n");
        }
        verdicts(h, comparisons);
        h.append("<ul class=\"parameters\">\n");
        for (ScenarioParameters.Parameter p : parameters) {
            h.append("<li title=\"").append(escape(p.key())).append("\">").append(escape(p.label())).append(" = <b>")
                    .append(escape(p.value())).append("</b></li>\n");
        }
        h.append("</ul>\n<p>Files: <a href=\"").append(RunDirectory.SCENARIO).append("\">resolved scenario</a>, <a href=\"")
                .append(RunDirectory.REPORT_JSON).append("\">report.json</a> (every statistic).</p>\n");
        h.append("<h2>Figures</h2>\n");
        for (Map.Entry<String, String> p : plots.entrySet()) {
            String base = p.getKey();
            h.append("<h3>").append(escape(p.getValue())).append("</h3>\n<a href=\"").append(RunDirectory.svg(base)).append("\"><img src=\"")
                    .append(RunDirectory.png(base)).append("\" alt=\"").append(escape(p.getValue())).append("\" width=\"800\"></a>\n");
        }
        h.append("<h2>Tables</h2>\n<details><summary>Comparisons (").append(comparisons.size()).append(")</summary>\n")
                .append("<table><tr><th>comparison</th><th>t</th><th>statistic</th><th>value</th><th>threshold</th><th>verdict</th>"
                        + "<th>power</th></tr>\n");
        for (Comparison c : comparisons) {
            h.append("<tr><td>").append(escape(c.name())).append("</td><td>").append(time(c)).append("</td><td>")
                    .append(escape(c.statistic())).append("</td><td>").append(Decimals.of(c.value(), 4)).append("</td><td>")
                    .append(Decimals.of(c.threshold(), 4)).append("</td><td class=\"").append(c.verdict()).append("\">")
                    .append(c.verdict()).append("</td><td>").append(escape(c.power().rule())).append("</td></tr>\n");
        }
        h.append("</table>\n</details>\n");
        errorControl(h, json.get("error_control"));
        return h.append("</body></html>\n").toString();
    }

    /**
     * How many comparisons pass, are inconclusive and fail; every failing one with its number and
     * threshold, every inconclusive one with its number, threshold and power.
     */
    private static void verdicts(StringBuilder h, List<Comparison> comparisons) {
        VerdictCounts counts = VerdictCounts.of(comparisons);
        long failed = counts.failed(), inconclusive = counts.inconclusive();
        h.append("<h2>Verdict</h2>\n<p class=\"verdict\">");
        if (comparisons.isEmpty()) {
            h.append("No comparisons.</p>\n");
            return;
        }
        h.append("<span class=\"pass\">").append(counts.passing()).append(" of ").append(comparisons.size())
                .append(" comparisons pass</span>");
        if (inconclusive > 0) {
            h.append(", <span class=\"inconclusive\">").append(inconclusive).append(" inconclusive</span> (within the threshold,"
                    + " but too small to catch a twofold error)");
        }
        if (failed > 0) h.append(", <span class=\"fail\">").append(failed).append(" fail</span>");
        h.append(": the run ").append(failed > 0 ? "<span class=\"fail\">fails" : inconclusive > 0
                ? "<span class=\"inconclusive\">is inconclusive" : "<span class=\"pass\">passes").append("</span>.</p>\n");
        if (failed + inconclusive == 0) return;
        h.append("<ul class=\"failing\">\n");
        for (Comparison c : comparisons) {
            if (!c.failed() && !c.inconclusive()) continue;
            h.append("<li class=\"").append(c.verdict()).append("\">").append(escape(c.name()));
            if (!Double.isNaN(c.t())) h.append(" at t = ").append(Decimals.of(c.t()));
            h.append(": ").append(escape(c.statistic())).append(" = ").append(Decimals.of(c.value(), 4))
                    .append(c.failed() ? " &gt; threshold " : " ≤ threshold ").append(Decimals.of(c.threshold(), 4));
            if (c.inconclusive()) h.append(", inconclusive: ").append(escape(c.power().rule()));
            h.append("</li>\n");
        }
        h.append("</ul>\n");
    }

    private static String time(Comparison c) {
        return Double.isNaN(c.t()) ? "all" : Decimals.of(c.t());
    }

    /** The step-size error control: what was done, and the differences shown for information (SGD). */
    private static void errorControl(StringBuilder h, Object section) {
        if (!(section instanceof Map<?, ?> ec)) return;
        h.append("<details><summary>Step-size error control</summary>\n<p>").append(escape(String.valueOf(ec.get("mode")))).append(": ")
                .append(escape(String.valueOf(ec.get("reason"))));
        if (ec.get("problem") != null) h.append(" — <span class=\"fail\">").append(escape(String.valueOf(ec.get("problem")))).append("</span>");
        h.append("</p>\n");
        if (ec.get("differences") instanceof List<?> rows) {
            h.append("<table><tr><th>statistic</th><th>|h − h/2|</th><th>¼ tolerance</th></tr>\n");
            for (Object row : rows) {
                if (!(row instanceof Map<?, ?> r)) continue;
                h.append("<tr><td>").append(escape(String.valueOf(r.get("name")))).append("</td><td>")
                        .append(Decimals.of((Double) r.get("value"), 4)).append("</td><td>")
                        .append(Decimals.of((Double) r.get("quarter_tolerance"), 4)).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</details>\n");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
