package org.dysonsim.scenarios.report.rendering;

import org.dysonsim.scenarios.report.Decimals;
import static org.dysonsim.scenarios.report.analyses.ScalingStudy.LEVEL;
import static org.dysonsim.scenarios.report.analyses.ScalingStudy.Z;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.scenarios.report.RecordedRun;
import org.dysonsim.physics.fit.WeightedLine;
import org.dysonsim.scenarios.RunDirectory;
import org.dysonsim.scenarios.report.analyses.ScalingStudy;
import org.dysonsim.scenarios.report.analyses.ScalingStudy.Point;
import org.dysonsim.scenarios.report.analyses.ScalingStudy.ScalingFit;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * A sweep's study in the study's directory: study.html for every sweep ({@link StudyPage}: its runs,
 * their parameters and verdicts, links to their reports), and when the runs are a scaling sweep
 * ({@link ScalingStudy}) study.json and the scaling plot, shown on the page.
 */
public final class StudyReport {
    private StudyReport() {}

    /** The study page of the study in {@code dir}. */
    public static Path page(Path dir) {
        return dir.resolve(StudyPage.FILE);
    }

    /** Writes the study page, and the scaling study when the runs are a scaling sweep ({@link ScalingStudy#of}); returns study.json, or empty. */
    public static Optional<Path> write(Path dir, String studyId, List<RecordedRun> runs) throws IOException {
        List<RunSpec> specs = runs.stream().map(RecordedRun::spec).toList();
        Optional<ScalingFit> found = ScalingStudy.of(runs);
        if (found.isEmpty()) {
            StudyPage.write(dir, studyId, specs, null, List.of());
            return Optional.empty();
        }
        ScalingFit f = found.get();
        List<Point> points = f.points();
        WeightedLine line = f.line(), origin = f.origin();
        double chiSquaredCritical = f.chiSquaredCritical();
        boolean noOffset = f.noOffset(), onTheLine = f.onTheLine();

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("study", studyId);
        json.put("statistic", "σ² = mean over levels of the variance across members at the last recorded step");
        json.put("standard_error", "σ²'s: from the spread across members of each member's squared deviation from the"
                + " ensemble mean, averaged over its levels (members are independent, the levels of one member are not)");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Point p : points) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("run_id", p.runId());
            row.put("alpha", p.alpha());
            row.put("batch", p.batch());
            row.put("alpha_over_batch", p.x());
            row.put("sigma2", p.y());
            row.put("sigma2_se", p.se());
            rows.add(row);
        }
        json.put("points", rows);
        Map<String, Object> fit = new LinkedHashMap<>();
        fit.put("slope", line.slope());
        fit.put("slope_se", line.slopeSe());
        fit.put("intercept", line.intercept());
        fit.put("intercept_se", line.interceptSe());
        fit.put("chi_squared", line.chiSquared());
        fit.put("degrees_of_freedom", line.degreesOfFreedom());
        fit.put("slope_through_origin", origin.slope());
        fit.put("slope_through_origin_se", origin.slopeSe());
        json.put("fit", fit);
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("name", "no offset: the intercept of σ² against α/|B| is 0");
        verdict.put("value", line.intercept());
        verdict.put("threshold", Z * line.interceptSe());
        verdict.put("rule", "pass when |intercept| ≤ " + Z + " × its standard error");
        verdict.put("verdict", noOffset ? "pass" : "fail");
        json.put("comparison", verdict);
        Map<String, Object> linearity = new LinkedHashMap<>();
        linearity.put("name", "linearity: σ² is one straight line in α/|B|");
        linearity.put("value", line.chiSquared());
        linearity.put("threshold", chiSquaredCritical);
        linearity.put("rule", "pass when the fit's χ² is at most the χ² critical value for "
                + line.degreesOfFreedom() + " degrees of freedom at level " + LEVEL);
        linearity.put("verdict", onTheLine ? "pass" : "fail");
        json.put("linearity", linearity);
        json.put("verdict", noOffset && onTheLine ? "pass" : "fail");
        json.put("verdict_rule", "pass when both the intercept (comparison) and the linearity checks pass");
        Files.createDirectories(dir);
        Path file = new RunDirectory(dir).studyJson();
        Files.writeString(file, Json.write(json));
        Plots.save(chart(points, line), dir, "scaling");
        StudyPage.write(dir, studyId, specs, "scaling", List.of(
                new StudyPage.Check(String.valueOf(verdict.get("name")), line.intercept(), Z * line.interceptSe(), noOffset),
                new StudyPage.Check(String.valueOf(linearity.get("name")), line.chiSquared(), chiSquaredCritical, onTheLine)));
        return Optional.of(file);
    }


    private static XYChart chart(List<Point> points, WeightedLine line) {
        XYChart chart = new XYChartBuilder().width(720).height(480).title("linear scaling rule")
                .xAxisTitle("α/|B|").yAxisTitle("σ² (mean level variance)").build();
        double[] x = points.stream().mapToDouble(Point::x).toArray();
        XYSeries data = chart.addSeries("runs", x, points.stream().mapToDouble(Point::y).toArray(),
                points.stream().mapToDouble(p -> 2 * p.se()).toArray());
        data.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        double max = java.util.Arrays.stream(x).max().orElse(1.0);
        chart.addSeries("fit: σ² = " + Decimals.of(line.intercept(), 3) + " + " + Decimals.of(line.slope(), 3) + "·α/|B|",
                new double[] {0.0, max}, new double[] {line.intercept(), line.intercept() + line.slope() * max});
        return chart;
    }
}
