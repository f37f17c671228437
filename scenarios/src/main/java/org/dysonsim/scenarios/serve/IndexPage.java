package org.dysonsim.scenarios.serve;

import java.util.List;
import org.dysonsim.persistence.RunSummary;

/** The page at {@code /}: the data directory's runs with their status, linking their reports and live views. */
final class IndexPage {
    private IndexPage() {}

    static String render(String dataDir, List<RunSummary> runs) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>dyson serve: ").append(escape(dataDir))
                .append("</title><link rel=\"stylesheet\" href=\"/assets/serve.css\"></head><body>\n<h1>Runs in ")
                .append(escape(dataDir)).append("</h1>\n");
        if (runs.isEmpty()) {
            h.append("<p>No run yet: <code>dyson run SCENARIO --data-dir ").append(escape(dataDir)).append("</code></p>\n");
        } else {
            h.append("<table id=\"runs\"><tr><th>run</th><th>scenario</th><th>status</th><th>members</th>"
                    + "<th>steps done</th><th></th></tr>\n");
            for (RunSummary run : runs) {
                String id = escape(run.runId());
                h.append("<tr data-run=\"").append(id).append("\" data-status=\"").append(run.status().label())
                        .append("\"><td><a href=\"/runs/").append(id).append("/\">").append(id).append("</a></td><td>")
                        .append(escape(run.scenario())).append("</td><td class=\"").append(run.status().label()).append("\">")
                        .append(run.status().label()).append("</td><td>").append(run.members()).append("</td><td>")
                        .append(run.stepsDone()).append("</td><td><a href=\"/runs/").append(id).append("/live\">live</a></td></tr>\n");
            }
            h.append("</table>\n");
        }
        return h.append("<p class=\"note\">Read-only: this server reads the journal and the run directories, and changes nothing.</p>\n")
                .append("</body></html>\n").toString();
    }

    /** A page for a run without a report yet. */
    static String noReport(String runId) {
        String id = escape(runId);
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + id + "</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/serve.css\"></head><body>\n<h1>" + id + "</h1>\n"
                + "<p>No report yet (it is written when the run ends). <a href=\"live\">Watch it live</a> · <a href=\"/\">all runs</a></p>\n"
                + "</body></html>\n";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
