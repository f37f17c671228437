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
import org.dysonsim.scenarios.report.analyses.EdgeScalingStudy;
import org.dysonsim.scenarios.report.analyses.ScalingStudy;
import org.dysonsim.scenarios.report.analyses.ScalingStudy.Point;
import org.dysonsim.scenarios.report.analyses.ScalingStudy.ScalingFit;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * A sweep's study in the study's directory: study.html for every sweep ({@link StudyPage}: its runs,
 * their parameters and verdicts, links to their reports), and when the runs are a scaling sweep
 * ({@link ScalingStudy}) study.json and the scaling plot, shown on the page; when they are a sweep
 * over n of a GOE edge ({@link EdgeScalingStudy}), its study.json and figure ({@link EdgeScalingReport}).
 */
public final class StudyReport {
    private StudyReport() {}

    /** The study page of the study in {@code dir}. */
    public static Path page(Path dir) {
        return dir.resolve(StudyPage.FILE);
    }

    /**
     * What a sweep's study wrote: its page, and study.json when the runs are a scaling sweep or an
     * edge-scaling sweep, else the reason they are no scaling sweep ({@link ScalingStudy.NotAnalysed}).
     */
    public record Written(Path page, Optional<Path> json, Optional<String> notAnalysed) {}

    /**
     * Writes the study page, and the scaling study when the runs are a scaling sweep ({@link ScalingStudy#of}) or
     * the edge-scaling study when they are a sweep over n of a GOE edge ({@link EdgeScalingStudy#of}).
     */
    public static Written write(Path dir, String studyId, List<RecordedRun> runs) throws IOException {
        List<RunSpec> specs = runs.stream().map(RecordedRun::spec).toList();
        ScalingStudy.Outcome outcome = ScalingStudy.of(runs);
        EdgeScalingStudy.Outcome edge = EdgeScalingStudy.of(runs);
        if (outcome instanceof ScalingStudy.NotAnalysed none) {
            List<String> notes = new ArrayList<>(List.of("No scaling study: " + none.reason() + "."));
            if (edge instanceof EdgeScalingStudy.EdgeScalingFit fit) {
                EdgeScalingReport.Shown shown = EdgeScalingReport.write(dir, studyId, fit);
                notes.addAll(0, shown.notes());
                Path page = StudyPage.write(dir, studyId, specs, EdgeScalingReport.FIGURE, shown.checks(), notes);
                return new Written(page, Optional.of(new RunDirectory(dir).studyJson()), Optional.empty());
            }
            notes.add("No edge-scaling study: " + ((EdgeScalingStudy.NotAnalysed) edge).reason() + ".");
            Path page = StudyPage.write(dir, studyId, specs, null, List.of(), notes);
            return new Written(page, Optional.empty(), Optional.of(none.reason()));
        }
        ScalingFit f = (ScalingFit) outcome;
        List<Point> points = f.points();
        WeightedLine line = f.line(), origin = f.origin();
        double chiSquaredCritical = f.chiSquaredCritical();
        boolean noOffset = f.noOffset(), onTheLine = f.onTheLine();

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("study", studyId);
        json.put("statistic", "σ² = mean over levels of the variance across members, averaged over every record of the"
                + " stationary window: the second half of each run (records at step ≥ steps/2, the last one always)");
        json.put("standard_error", "σ²'s: batch means over the records and members of the window; each member's series of"
                + " squared deviations cut into batches of 20 integrated autocorrelation times (one batch per member when the"
                + " window is shorter), pooled over the members (members are independent, the levels of one member are not)");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Point p : points) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("run_id", p.runId());
            row.put("alpha", p.alpha());
            row.put("batch", p.batch());
            row.put("alpha_over_batch", p.x());
            row.put("sigma2", p.y());
            row.put("sigma2_se", p.se());
            row.put("records", p.width().records());
            row.put("tau_records", p.width().tau());
            row.put("batch_length", p.width().batchLength());
            row.put("batches", p.width().batches());
            rows.add(row);
        }
        json.put("points", rows);
        Map<String, Object> fit = StudyJson.fit(line);
        fit.put("slope_through_origin", origin.slope());
        fit.put("slope_through_origin_se", origin.slopeSe());
        json.put("fit", fit);
        Map<String, Object> verdict = StudyJson.check("no offset: the intercept of σ² against α/|B| is 0", line.intercept(),
                Z * line.interceptSe(), "pass when |intercept| ≤ " + Z + " × its standard error", noOffset);
        json.put("comparison", verdict);
        Map<String, Object> linearity = StudyJson.check("linearity: σ² is one straight line in α/|B|", line.chiSquared(),
                chiSquaredCritical, "pass when the fit's χ² is at most the χ² critical value for "
                        + line.degreesOfFreedom() + " degrees of freedom at level " + LEVEL, onTheLine);
        json.put("linearity", linearity);
        Map<String, Object> slope = new LinkedHashMap<>();
        slope.put("name", "slope: the fitted slope of σ² against α/|B| is the predicted g̃²/Ω");
        slope.put("predicted", f.slope().applies() ? f.slope().predicted() : null);
        slope.put("basis", f.slope().reason());
        if (f.slope().applies()) {
            slope.put("value", Math.abs(line.slope() - f.slope().predicted()));
            slope.put("threshold", Z * line.slopeSe());
            slope.put("rule", "pass when |slope − predicted| ≤ " + Z + " × the slope's standard error");
        }
        slope.put("verdict", f.slope().applies() ? (f.slopeAsPredicted() ? "pass" : "fail") : "not tested");
        json.put("slope", slope);
        json.put("verdict", f.pass() ? "pass" : "fail");
        json.put("verdict_rule", "pass when the intercept (comparison), the linearity and, where theory predicts it, the slope checks pass");
        Files.createDirectories(dir);
        Path file = new RunDirectory(dir).studyJson();
        Files.writeString(file, Json.write(json));
        Plots.save(chart(points, line, f.slope()), dir, "scaling");
        List<StudyPage.Check> checks = new ArrayList<>(List.of(
                new StudyPage.Check(String.valueOf(verdict.get("name")), line.intercept(), Z * line.interceptSe(), noOffset),
                new StudyPage.Check(String.valueOf(linearity.get("name")), line.chiSquared(), chiSquaredCritical, onTheLine)));
        List<String> notes = new ArrayList<>();
        notes.add("Fitted slope " + Decimals.of(line.slope(), 4) + " ± " + Decimals.of(line.slopeSe(), 4) + ", intercept "
                + Decimals.of(line.intercept(), 4) + " ± " + Decimals.of(line.interceptSe(), 4) + "; widths from the second half of each run (batch-means errors).");
        if (f.slope().applies()) {
            checks.add(new StudyPage.Check(slope.get("name") + " = " + Decimals.of(f.slope().predicted(), 4) + " (|slope − predicted|)",
                    Math.abs(line.slope() - f.slope().predicted()), Z * line.slopeSe(), f.slopeAsPredicted()));
        } else {
            notes.add("Slope not tested: " + f.slope().reason() + ".");
        }
        if (edge instanceof EdgeScalingStudy.NotAnalysed noEdge) notes.add("No edge-scaling study: " + noEdge.reason() + ".");
        Path page = StudyPage.write(dir, studyId, specs, "scaling", checks, notes);
        return new Written(page, Optional.of(file), Optional.empty());
    }


    private static XYChart chart(List<Point> points, WeightedLine line, ScalingStudy.SlopePrediction predicted) {
        XYChart chart = new XYChartBuilder().width(720).height(480).title("linear scaling rule")
                .xAxisTitle("α/|B|").yAxisTitle("σ² (mean level variance)").build();
        double[] x = points.stream().mapToDouble(Point::x).toArray();
        XYSeries data = chart.addSeries("runs", x, points.stream().mapToDouble(Point::y).toArray(),
                points.stream().mapToDouble(p -> 2 * p.se()).toArray());
        data.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        double max = java.util.Arrays.stream(x).max().orElse(1.0);
        chart.addSeries("fit: σ² = " + Decimals.of(line.intercept(), 3) + " + " + Decimals.of(line.slope(), 3) + "·α/|B|",
                new double[] {0.0, max}, new double[] {line.intercept(), line.intercept() + line.slope() * max});
        if (predicted.applies()) {
            chart.addSeries("theory: σ² = " + Decimals.of(predicted.predicted(), 3) + "·α/|B|",
                    new double[] {0.0, max}, new double[] {0.0, predicted.predicted() * max});
        }
        return chart;
    }
}
