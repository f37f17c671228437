package org.dysonsim.scenarios.report.rendering;

import static org.dysonsim.scenarios.report.analyses.ScalingStudy.LEVEL;
import static org.dysonsim.scenarios.report.analyses.ScalingStudy.Z;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dysonsim.physics.fit.WeightedLine;
import org.dysonsim.scenarios.RunDirectory;
import org.dysonsim.scenarios.report.Decimals;
import org.dysonsim.scenarios.report.analyses.EdgeScalingStudy;
import org.dysonsim.scenarios.report.analyses.EdgeScalingStudy.EdgeScalingFit;
import org.dysonsim.scenarios.report.analyses.EdgeScalingStudy.Point;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The edge-scaling study of a sweep over n ({@link EdgeScalingStudy}) in the study's directory:
 * study.json, the figure {@value #FIGURE} (log sd of λ_max against log N with the fitted and the
 * predicted lines), and the checks and notes of the study page.
 */
final class EdgeScalingReport {
    static final String FIGURE = "edge-scaling";

    private EdgeScalingReport() {}

    /** What the study page shows of the study: its checks and the sentences under them. */
    record Shown(List<StudyPage.Check> checks, List<String> notes) {}

    /** Writes study.json and the figure; returns what the page shows. */
    static Shown write(Path dir, String studyId, EdgeScalingFit f) throws IOException {
        WeightedLine line = f.line();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("study", studyId);
        json.put("analysis", "edge scaling: the largest eigenvalue's standard deviation across members against N");
        json.put("statistic", "sd of each member's largest eigenvalue at the last record (one value per member; the last"
                + " record only: members are independent, a start out of equilibrium is not stationary)");
        json.put("units", "the tool's GOE start and well do not scale with N: the semicircle's radius 2√(v_t N) grows as √N and"
                + " sd falls as N^(−1/6) (sd, sd_se); on the support held fixed, λ_max/√(v_t N) (radius 2 at every N), sd falls as"
                + " N^(−2/3) (sd_scaled, sd_scaled_se), which the fit tests");
        json.put("standard_error", "sd's: delta method with the sample's fourth central moment m₄, sd·√((m₄/sd⁴ − (M−3)/(M−1))/(4M))");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Point p : f.points()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("run_id", p.runId());
            row.put("n", p.n());
            row.put("t", p.t());
            row.put("members", p.members());
            row.put("goe_variance", p.variance());
            row.put("sd", p.sd());
            row.put("sd_se", p.sdSe());
            row.put("sd_scaled", p.scaled());
            row.put("sd_scaled_se", p.scaledSe());
            row.put("sd_scaled_predicted", p.predictedScaled());
            row.put("mean_offset_scaled", p.meanOffset());
            row.put("mean_offset_scaled_se", p.meanOffsetSe());
            row.put("mean_offset_scaled_predicted", p.predictedMeanOffset());
            rows.add(row);
        }
        json.put("points", rows);
        Map<String, Object> fit = StudyJson.fit(line);
        fit.put("slope_in_tool_units", line.slope() + 0.5);
        fit.put("predicted_slope", EdgeScalingStudy.EXPONENT);
        fit.put("predicted_slope_in_tool_units", EdgeScalingStudy.TOOL_EXPONENT);
        json.put("fit", fit);
        String exponentName = "exponent: log sd of λ_max/√(v_t N) against log N has slope −2/3";
        json.put("comparison", StudyJson.check(exponentName, f.exponentDeviation(), Z * line.slopeSe(),
                "pass when |slope − (−2/3)| ≤ " + Z + " × the slope's standard error", f.exponentAsPredicted()));
        String linearityName = "linearity: log sd is one straight line in log N";
        json.put("linearity", StudyJson.check(linearityName, line.chiSquared(), f.chiSquaredCritical(),
                "pass when the fit's χ² is at most the χ² critical value for " + line.degreesOfFreedom()
                        + " degrees of freedom at level " + LEVEL, f.onTheLine()));
        json.put("verdict", f.pass() ? "pass" : "fail");
        json.put("verdict_rule", "pass when the exponent (comparison) and the linearity checks pass");
        Files.createDirectories(dir);
        Files.writeString(new RunDirectory(dir).studyJson(), Json.write(json));
        Plots.save(chart(f), dir, FIGURE);
        List<StudyPage.Check> checks = List.of(
                new StudyPage.Check(exponentName + " (|slope + 2/3|)", f.exponentDeviation(), Z * line.slopeSe(), f.exponentAsPredicted()),
                new StudyPage.Check(linearityName, line.chiSquared(), f.chiSquaredCritical(), f.onTheLine()));
        List<String> notes = new ArrayList<>();
        notes.add("Fitted slope " + Decimals.of(line.slope(), 4) + " ± " + Decimals.of(line.slopeSe(), 4)
                + " on the support held fixed (λ_max/√(v_t N)), " + Decimals.of(line.slope() + 0.5, 4)
                + " in the tool's units, where the semicircle's radius grows as √N and theory says −1/6.");
        StringBuilder offsets = new StringBuilder("Mean of λ_max minus the edge 2√(v_t(N − ½)), over √(v_t N), against μ₁N^(−2/3):");
        for (Point p : f.points()) {
            offsets.append(" N = ").append(p.n()).append(": ").append(Decimals.of(p.meanOffset(), 3)).append(" ± ")
                    .append(Decimals.of(p.meanOffsetSe(), 3)).append(" (").append(Decimals.of(p.predictedMeanOffset(), 3)).append(");");
        }
        notes.add(offsets.substring(0, offsets.length() - 1) + ".");
        return new Shown(checks, notes);
    }

    private static XYChart chart(EdgeScalingFit f) {
        XYChart chart = new XYChartBuilder().width(720).height(480).title("largest eigenvalue: N^(−2/3) edge scaling")
                .xAxisTitle("log₁₀ N").yAxisTitle("log₁₀ sd of λ_max/√(v_t N)").build();
        chart.getStyler().setXAxisDecimalPattern("0.00");
        List<Point> points = f.points();
        double[] x = points.stream().mapToDouble(p -> Math.log10(p.n())).toArray();
        XYSeries data = chart.addSeries("runs (± 2 SE)", x, points.stream().mapToDouble(p -> Math.log10(p.scaled())).toArray(),
                points.stream().mapToDouble(p -> 2 * p.logSe() / Math.log(10)).toArray());
        data.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        double[] ends = {x[0], x[x.length - 1]};
        double a = f.line().intercept() / Math.log(10), b = f.line().slope();
        chart.addSeries("fit: slope " + Decimals.of(b, 3) + " ± " + Decimals.of(f.line().slopeSe(), 3), ends,
                new double[] {a + b * ends[0], a + b * ends[1]}).setMarker(SeriesMarkers.NONE);
        double sigma1 = Math.log10(points.get(0).predictedScaled()) - EdgeScalingStudy.EXPONENT * x[0];
        chart.addSeries("theory: sd = σ₁N^(−2/3)", ends, new double[] {sigma1 + EdgeScalingStudy.EXPONENT * ends[0],
                sigma1 + EdgeScalingStudy.EXPONENT * ends[1]}).setMarker(SeriesMarkers.NONE);
        return chart;
    }
}
