package org.dysonsim.scenarios.report.rendering;

import org.dysonsim.scenarios.RunDirectory;
import org.dysonsim.scenarios.report.Comparison;

import java.util.List;
import java.util.Map;

/** report.html: a summary, the comparisons with their verdicts, and every plot, linking the raw files. */
final class HtmlReport {
    private HtmlReport() {}

    static String render(Map<String, Object> json, List<Comparison> comparisons, Map<String, String> plots) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(String.valueOf(json.get("run_id")))).append("</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:900px;margin:2em auto}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}")
                .append(".pass{color:#170}.fail{color:#b00;font-weight:bold}</style></head><body>\n");
        h.append("<h1>Run ").append(escape(String.valueOf(json.get("run_id")))).append("</h1>\n<table>\n");
        for (String key : List.of("scenario", "study", "status", "failure", "verdict", "verdict_rule", "model", "coordinates", "n", "members",
                "steps", "dt", "seed")) {
            Object v = json.get(key);
            if (v != null) h.append("<tr><th>").append(key).append("</th><td>").append(escape(String.valueOf(v))).append("</td></tr>\n");
        }
        h.append("</table>\n<p>Files: <a href=\"").append(RunDirectory.SCENARIO).append("\">resolved scenario</a>, <a href=\"")
                .append(RunDirectory.REPORT_JSON).append("\">report.json</a> (every statistic).</p>\n");
        h.append("<h2>Comparisons</h2>\n<table><tr><th>comparison</th><th>t</th><th>statistic</th><th>value</th>")
                .append("<th>threshold</th><th>verdict</th></tr>\n");
        for (Comparison c : comparisons) {
            h.append("<tr><td>").append(escape(c.name())).append("</td><td>")
                    .append(Double.isNaN(c.t()) ? "all" : RunReport.fmt(c.t())).append("</td><td>")
                    .append(escape(c.statistic())).append("</td><td>").append(RunReport.fmt(c.value())).append("</td><td>")
                    .append(RunReport.fmt(c.threshold())).append("</td><td class=\"").append(c.verdict()).append("\">")
                    .append(c.verdict()).append("</td></tr>\n");
        }
        h.append("</table>\n");
        errorControl(h, json.get("error_control"));
        h.append("<h2>Plots</h2>\n");
        for (Map.Entry<String, String> p : plots.entrySet()) {
            String base = p.getKey();
            h.append("<h3>").append(escape(p.getValue())).append("</h3>\n<a href=\"").append(RunDirectory.svg(base)).append("\"><img src=\"")
                    .append(RunDirectory.png(base)).append("\" alt=\"").append(escape(p.getValue())).append("\" width=\"800\"></a>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    /** The step-size error control: what was done, and the differences shown for information (SGD). */
    private static void errorControl(StringBuilder h, Object section) {
        if (!(section instanceof Map<?, ?> ec)) return;
        h.append("<h2>Step-size error control</h2>\n<p>").append(escape(String.valueOf(ec.get("mode")))).append(": ")
                .append(escape(String.valueOf(ec.get("reason"))));
        if (ec.get("problem") != null) h.append(" — <span class=\"fail\">").append(escape(String.valueOf(ec.get("problem")))).append("</span>");
        h.append("</p>\n");
        if (!(ec.get("differences") instanceof List<?> rows)) return;
        h.append("<table><tr><th>statistic</th><th>|h − h/2|</th><th>¼ tolerance</th></tr>\n");
        for (Object row : rows) {
            if (!(row instanceof Map<?, ?> r)) continue;
            h.append("<tr><td>").append(escape(String.valueOf(r.get("name")))).append("</td><td>")
                    .append(RunReport.fmt((Double) r.get("value"))).append("</td><td>")
                    .append(RunReport.fmt((Double) r.get("quarter_tolerance"))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
