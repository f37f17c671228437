package org.dysonsim.scenarios.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dysonsim.scenarios.config.TerminalText;
import org.dysonsim.scenarios.RunDirectory;

/**
 * The verdicts of a written report, as read back from its report.json: how many comparisons
 * pass, how many are inconclusive (within their threshold but unable to catch a twofold error),
 * which fail, how many have another verdict. It gives the line printed after the report and, with
 * {@code --check}, the exit code that lets a script act on a failed comparison (an inconclusive
 * one does not fail the check).
 *
 * @param failing the names of the failing comparisons, each once, in report order
 * @param others  the count of each verdict other than pass, inconclusive and fail
 */
record RunVerdict(int total, int passing, int inconclusive, int failed, List<String> failing, Map<String, Integer> others) {

    /** Prints {@code report: <reportHtml>} and the verdicts of the report.json beside it: those verdicts. */
    static RunVerdict printed(Path reportHtml, String runId, PrintWriter out) throws IOException {
        RunVerdict verdict = read(reportHtml.resolveSibling(RunDirectory.REPORT_JSON));
        out.println("report: " + reportHtml);
        out.println(TerminalText.oneLine(verdict.line(runId)));
        out.flush();
        return verdict;
    }

    /** The verdicts of {@code reportJson}, a report.json written by the report. */
    static RunVerdict read(Path reportJson) throws IOException {
        Config report;
        try {
            report = ConfigFactory.parseString(Files.readString(reportJson),
                    ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
        } catch (ConfigException e) {
            throw new IOException(reportJson + " cannot be read back: " + e.getMessage(), e);
        }
        int passing = 0, inconclusive = 0, failed = 0;
        Set<String> failing = new LinkedHashSet<>();
        Map<String, Integer> others = new TreeMap<>();
        List<? extends Config> comparisons = report.hasPath("comparisons") ? report.getConfigList("comparisons") : List.of();
        for (Config c : comparisons) {
            String verdict = c.getString("verdict");
            switch (verdict) {
                case "pass" -> passing++;
                case "inconclusive" -> inconclusive++;
                case "fail" -> {
                    failed++;
                    failing.add(c.getString("name"));
                }
                default -> others.merge(verdict, 1, Integer::sum);
            }
        }
        return new RunVerdict(comparisons.size(), passing, inconclusive, failed, new ArrayList<>(failing), others);
    }

    /** {@code run R: 50/59 comparisons pass, 7 inconclusive, 2 fail: a, b}, and the count of any other verdict before the names. */
    String line(String runId) {
        if (total == 0) return "run " + runId + ": no comparisons";
        StringBuilder line = new StringBuilder("run " + runId + ": " + passing + "/" + total + " comparisons pass");
        if (inconclusive > 0) line.append(", ").append(inconclusive).append(" inconclusive");
        others.forEach((verdict, count) -> line.append(", ").append(count).append(' ').append(verdict));
        if (failed > 0) line.append(", ").append(failed).append(" fail: ").append(String.join(", ", failing));
        return line.toString();
    }
}
