package org.dysonsim.scenarios.gallery;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dysonsim.scenarios.RunDirectory;
import org.dysonsim.scenarios.gallery.ClaimOutcome.Row;
import org.dysonsim.scenarios.gallery.ClaimOutcome.Verdict;

/**
 * Reads a claim's numbers from the report.json of its runs (or the study.json of its sweep): the
 * numbers are the report's, nothing is recomputed here.
 */
public final class ClaimReading {
    private ClaimReading() {}

    public static ClaimOutcome read(Claim claim, CompletedRuns.Found runs, String note, String command) {
        try {
            return switch (claim.source()) {
                case STUDY -> fromStudy(claim, runs, note, command);
                case REPORT -> fromReports(claim, runs, note, command);
                case LAYERS -> fromLayers(claim, runs, note, command);
            };
        } catch (ConfigException e) {
            return ClaimOutcome.none(claim, "unreadable report: " + e.getMessage(), command);
        }
    }

    private static ClaimOutcome fromReports(Claim claim, CompletedRuns.Found runs, String note, String command) {
        List<Config> reports = runs.runDirs().stream()
                .map(dir -> ConfigFactory.parseFile(dir.resolve(RunDirectory.REPORT_JSON).toFile())).toList();
        List<Row> rows = new ArrayList<>();
        for (String prefix : claim.comparisons()) {
            List<Config> group = new ArrayList<>();
            for (Config report : reports) {
                for (Config c : report.getConfigList("comparisons")) {
                    if (c.getString("name").startsWith(prefix) && number(c, "value") != null && number(c, "threshold") != null) group.add(c);
                }
            }
            if (group.isEmpty()) {
                return ClaimOutcome.none(claim, "the report of " + runs.runDirs().get(0).getFileName()
                        + " has no comparison named \"" + prefix + "…\"", command);
            }
            rows.add(row(group));
        }
        return outcome(claim, rows, figure(claim, reports.get(0), runs.runDirs().get(0)), runs.runDirs().get(0), note, command);
    }

    /** The last plot of the report whose name starts with the claim's figure (the latest time), if any. */
    private static List<Path> figure(Claim claim, Config report, Path runDir) {
        List<Path> figures = new ArrayList<>();
        if (report.hasPath("plots")) {
            report.getConfigList("plots").stream().filter(p -> p.getString("name").startsWith(claim.figure()) && p.hasPath("png"))
                    .map(p -> runDir.resolve(p.getString("png"))).filter(Files::isRegularFile)
                    .reduce((a, b) -> b).ifPresent(figures::add);
        }
        return figures;
    }

    /**
     * Each bound of the claim held against the final number of every layer of every run: one row per
     * bound, showing the layer that comes closest to breaking it.
     */
    private static ClaimOutcome fromLayers(Claim claim, CompletedRuns.Found runs, String note, String command) {
        List<Config> reports = runs.runDirs().stream()
                .map(dir -> ConfigFactory.parseFile(dir.resolve(RunDirectory.REPORT_JSON).toFile())).toList();
        List<Row> rows = new ArrayList<>();
        for (String bound : claim.comparisons()) {
            String[] parts = bound.split(" ");
            String key = parts[0];
            boolean below = parts[1].equals("<");
            double threshold = Double.parseDouble(parts[2]);
            String worstLayer = null;
            double worst = Double.NaN;
            int count = 0, failed = 0;
            for (Config report : reports) {
                if (!report.hasPath("network.layers")) return ClaimOutcome.none(claim, "the report has no network layers", command);
                for (Config layer : report.getConfigList("network.layers")) {
                    Double value = layer.hasPath("final") ? number(layer.getConfig("final"), key) : null;
                    if (value == null) return ClaimOutcome.none(claim, "the report has no final " + key + " of its layers", command);
                    count++;
                    if (below ? !(value < threshold) : !(value > threshold)) failed++;
                    if (worstLayer == null || (below ? value > worst : value < worst)) {
                        worst = value;
                        worstLayer = layer.getString("name");
                    }
                }
            }
            rows.add(new Row(worstLayer + ": final " + key.replace('_', ' '), below ? "must stay below the threshold"
                    : "must exceed the threshold", null, count, failed, 0, worst, threshold));
        }
        return outcome(claim, rows, figure(claim, reports.get(0), runs.runDirs().get(0)), runs.runDirs().get(0), note, command);
    }

    private static ClaimOutcome fromStudy(Claim claim, CompletedRuns.Found runs, String note, String command) {
        if (runs.studyDir() == null) return ClaimOutcome.none(claim, "no study directory with study.json", command);
        Config study = ConfigFactory.parseFile(runs.studyDir().resolve(RunDirectory.STUDY_JSON).toFile());
        List<Row> rows = new ArrayList<>();
        for (String key : claim.comparisons()) {
            if (!study.hasPath(key) || number(study.getConfig(key), "value") == null || number(study.getConfig(key), "threshold") == null) {
                return ClaimOutcome.none(claim, "study.json has no numbers for \"" + key + "\"", command);
            }
            Config c = study.getConfig(key);
            rows.add(new Row(c.getString("name"), c.hasPath("rule") ? c.getString("rule") : "", null, 1,
                    passed(c) ? 0 : 1, 0, number(c, "value"), number(c, "threshold")));
        }
        Path figure = runs.studyDir().resolve(claim.figure());
        return outcome(claim, rows, Files.isRegularFile(figure) ? List.of(figure) : List.of(), runs.studyDir(), note, command);
    }

    private static ClaimOutcome outcome(Claim claim, List<Row> rows, List<Path> figures, Path source, String note, String command) {
        Verdict verdict = !rows.stream().allMatch(Row::passed) ? Verdict.NOT_REPRODUCED
                : rows.stream().anyMatch(r -> r.inconclusive() > 0) ? Verdict.INCONCLUSIVE : Verdict.REPRODUCED;
        return new ClaimOutcome(claim, verdict, rows, figures, source, note, command);
    }

    /** The worst comparison of a group: a failed one before any other, then the largest value over threshold. */
    private static Row row(List<Config> group) {
        Comparator<Config> worse = Comparator.<Config, Boolean>comparing(c -> verdictIs(c, "fail"))
                .thenComparingDouble(ClaimReading::ratio);
        Config worst = group.stream().max(worse).orElseThrow();
        int failed = (int) group.stream().filter(c -> !passed(c) && !verdictIs(c, "inconclusive")).count();
        int inconclusive = (int) group.stream().filter(c -> verdictIs(c, "inconclusive")).count();
        Double t = number(worst, "t");
        return new Row(worst.getString("name"), worst.hasPath("statistic") ? worst.getString("statistic") : "", t,
                group.size(), failed, inconclusive, number(worst, "value"), number(worst, "threshold"));
    }

    private static boolean verdictIs(Config c, String verdict) {
        return c.hasPath("verdict") && c.getString("verdict").equals(verdict);
    }

    private static double ratio(Config c) {
        double threshold = number(c, "threshold");
        return threshold > 0 ? number(c, "value") / threshold : number(c, "value");
    }

    private static boolean passed(Config c) {
        return c.hasPath("verdict") && c.getString("verdict").equals("pass");
    }

    private static Double number(Config c, String key) {
        return c.hasPath(key) && c.getValue(key).valueType() == ConfigValueType.NUMBER ? c.getDouble(key) : null;
    }
}
