package org.dysonsim.scenarios.report.rendering;

import org.dysonsim.scenarios.ScenarioParameters;
import org.dysonsim.scenarios.report.Decimals;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.scenarios.RunDirectory;

/**
 * study.html, the page of a sweep: the parameters its runs share, then per run the parameters
 * that vary (as the scenario states them), its verdict counts read from the run's report.json and
 * a link to its report.html (run directories sit beside the study's), and the study's summary
 * figure and checks when it has them (a scaling study).
 */
final class StudyPage {
    static final String FILE = "study.html";

    /** A study-level check for the page: what, its number, its threshold, its verdict. */
    record Check(String name, double value, double threshold, boolean pass) {}

    private StudyPage() {}

    /**
     * @param figure the base name of the study's summary figure in {@code dir}, null if none
     * @param notes  sentences shown under the study verdict (the fit, what was not tested, why there is no scaling study)
     * @return the page written
     */
    static Path write(Path dir, String studyId, List<RunSpec> runs, String figure, List<Check> checks, List<String> notes)
            throws IOException {
        List<List<ScenarioParameters.Parameter>> parameters = runs.stream().map(ScenarioParameters::of).toList();
        Map<String, Set<String>> values = new LinkedHashMap<>();
        Map<String, ScenarioParameters.Parameter> first = new LinkedHashMap<>();
        for (List<ScenarioParameters.Parameter> run : parameters) {
            for (ScenarioParameters.Parameter p : run) {
                values.computeIfAbsent(label(p), k -> new LinkedHashSet<>()).add(p.value());
                first.putIfAbsent(label(p), p);
            }
        }
        List<String> varying = new ArrayList<>();
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Study ")
                .append(HtmlReport.escape(studyId)).append("</title>\n<style>").append(HtmlReport.STYLE).append("</style></head><body>\n")
                .append("<h1>Study ").append(HtmlReport.escape(studyId)).append("</h1>\n<p>").append(runs.size())
                .append(" runs; shared parameters:</p>\n<ul class=\"parameters\">\n");
        for (Map.Entry<String, Set<String>> e : values.entrySet()) {
            boolean shared = e.getValue().size() == 1 && parameters.stream().allMatch(run -> run.stream().anyMatch(p -> label(p).equals(e.getKey())));
            if (!shared) {
                varying.add(e.getKey());
                continue;
            }
            ScenarioParameters.Parameter p = first.get(e.getKey());
            h.append("<li title=\"").append(HtmlReport.escape(p.key())).append("\">").append(HtmlReport.escape(p.label())).append(" = <b>")
                    .append(HtmlReport.escape(p.value())).append("</b></li>\n");
        }
        h.append("</ul>\n");
        if (!checks.isEmpty()) {
            h.append("<h2>Study verdict</h2>\n<ul>\n");
            for (Check c : checks) {
                h.append("<li class=\"").append(c.pass() ? "pass" : "fail").append("\">").append(HtmlReport.escape(c.name())).append(": ")
                        .append(Decimals.of(c.value(), 4)).append(c.pass() ? " ≤ " : " &gt; ").append("threshold ")
                        .append(Decimals.of(c.threshold(), 4)).append(" — ").append(c.pass() ? "pass" : "fail").append("</li>\n");
            }
            h.append("</ul>\n");
        }
        for (String note : notes) h.append("<p class=\"note\">").append(HtmlReport.escape(note)).append("</p>\n");
        if (figure != null) {
            h.append("<a href=\"").append(RunDirectory.svg(figure)).append("\"><img src=\"").append(RunDirectory.png(figure))
                    .append("\" alt=\"the study's summary figure\" width=\"720\"></a>\n");
        }
        h.append("<h2>Runs</h2>\n<table><tr><th>run</th>");
        for (String v : varying) h.append("<th>").append(HtmlReport.escape(v)).append("</th>");
        h.append("<th>comparisons</th><th>verdict</th></tr>\n");
        for (int r = 0; r < runs.size(); r++) {
            String runId = runs.get(r).runId();
            h.append("<tr><td><a href=\"../").append(HtmlReport.escape(runId)).append('/').append(RunDirectory.REPORT_HTML).append("\">")
                    .append(HtmlReport.escape(runId)).append("</a></td>");
            for (String v : varying) {
                String shown = parameters.get(r).stream().filter(p -> label(p).equals(v)).map(ScenarioParameters.Parameter::value)
                        .findFirst().orElse("—");
                h.append("<td>").append(HtmlReport.escape(shown)).append("</td>");
            }
            h.append(verdicts(dir.resolveSibling(runId).resolve(RunDirectory.REPORT_JSON))).append("</tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        Files.createDirectories(dir);
        Path page = dir.resolve(FILE);
        Files.writeString(page, h.toString());
        return page;
    }

    private static String label(ScenarioParameters.Parameter p) {
        return p.label() + " (" + p.key() + ")";
    }

    /** Two cells: {@code passing/total} with the inconclusive and failing counts, and the run's verdict; from its report.json. */
    static String verdicts(Path reportJson) {
        if (!Files.isRegularFile(reportJson)) return "<td>no report</td><td></td>";
        try {
            Config report = ConfigFactory.parseString(Files.readString(reportJson), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
            List<? extends Config> comparisons = report.hasPath("comparisons") ? report.getConfigList("comparisons") : List.of();
            long passing = comparisons.stream().filter(c -> c.getString("verdict").equals("pass")).count();
            long failing = comparisons.stream().filter(c -> c.getString("verdict").equals("fail")).count();
            long inconclusive = comparisons.stream().filter(c -> c.getString("verdict").equals("inconclusive")).count();
            String verdict = report.hasPath("verdict") ? report.getString("verdict") : "";
            return "<td>" + passing + "/" + comparisons.size() + " pass"
                    + (inconclusive > 0 ? ", <span class=\"inconclusive\">" + inconclusive + " inconclusive</span>" : "")
                    + (failing > 0 ? ", <span class=\"fail\">" + failing + " fail</span>" : "")
                    + "</td><td class=\"" + HtmlReport.escape(verdict) + "\">" + HtmlReport.escape(verdict) + "</td>";
        } catch (IOException | ConfigException e) {
            return "<td>report unreadable</td><td></td>";
        }
    }
}
