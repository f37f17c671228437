package org.dysonsim.scenarios.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.fit.WeightedLine;
import org.dysonsim.physics.gas.MatrixModel;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * The linear scaling rule across a sweep of SGD runs (docs/physics.md §1) — particle runs in the SGD
 * form ({@code model = sgd}) or matrix runs ({@code model = matrix}, levels the eigenvalues of
 * WᵀW), never the two mixed in one sweep: the width of the levels,
 * σ² = (α/|B|) g̃²/Ω, grows linearly in α/|B| with no offset. For each run, σ² is the variance of
 * each level across members at the last recorded step, averaged over the levels; the line
 * σ² = a + b·α/|B| is fitted by weighted least squares and the rule holds when the intercept
 * is within {@link #Z} standard errors of 0 and the points lie on the line: the fit's χ² below
 * the χ² critical value at level {@link #LEVEL}. Both are needed: a sweep whose widths are no
 * function of α/|B| at all (runs stopped before they relaxed, say) can leave an intercept with a
 * standard error wide enough to contain 0.
 */
public final class ScalingStudy {
    /** Standard errors an intercept may be from 0 (docs/physics.md §7). */
    static final double Z = 5.0;
    /** Level of the χ² goodness-of-fit test, the level of every KS threshold in the reports (docs/physics.md §7). */
    static final double LEVEL = 1e-4;
    public static final String JSON = "study.json";

    /** One run's point: x = α/|B|, the mean level variance y and its standard error. */
    record Point(String runId, double alpha, int batch, double x, double y, double se) {}

    private ScalingStudy() {}

    /**
     * Writes {@code study.json} and the scaling plot into {@code dir} when the runs are SGD runs,
     * at least three, with at least two distinct values of α/|B|; returns the JSON file, or empty
     * when the study is not a scaling sweep.
     */
    public static Optional<Path> write(Path dir, String studyId, List<RunResult> runs) throws IOException {
        List<Point> points = new ArrayList<>();
        for (RunResult run : runs) {
            Point p = point(run);
            if (p == null) return Optional.empty();
            points.add(p);
        }
        // a line with an intercept needs a third point before either can be tested
        if (points.size() < 3 || points.stream().mapToDouble(Point::x).distinct().count() < 2) return Optional.empty();
        double[] x = points.stream().mapToDouble(Point::x).toArray();
        double[] y = points.stream().mapToDouble(Point::y).toArray();
        double[] se = points.stream().mapToDouble(Point::se).toArray();
        WeightedLine line = WeightedLine.fit(x, y, se);
        WeightedLine origin = WeightedLine.throughOrigin(x, y, se);
        boolean noOffset = Math.abs(line.intercept()) <= Z * line.interceptSe();
        double chiSquaredCritical = new ChiSquaredDistribution(line.degreesOfFreedom()).inverseCumulativeProbability(1.0 - LEVEL);
        boolean onTheLine = line.chiSquared() <= chiSquaredCritical;

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
        Path file = dir.resolve(JSON);
        Files.writeString(file, Json.write(json));
        Plots.save(chart(points, line), dir, "scaling");
        return Optional.of(file);
    }

    private static Point point(RunResult run) {
        // with two members the deviations from their mean are mirror images: no spread to estimate an error from
        if (!run.succeeded() || run.members().size() < 3) return null;
        double alpha;
        int batch;
        if (run.spec().model() instanceof MatrixModel matrix) {
            alpha = matrix.sgd().alpha();
            batch = matrix.sgd().batch();
        } else if (run.spec().mapping() instanceof RunSpec.Mapping.Sgd sgd) {
            alpha = sgd.alpha();
            batch = sgd.batch();
        } else {
            return null;
        }
        List<MemberTrajectory> members = run.members();
        int m = members.size();
        int n = run.spec().n();
        double[][] last = new double[m][];
        double[] mean = new double[n];
        for (int k = 0; k < m; k++) {
            double[][] values = members.get(k).values();
            last[k] = values[values.length - 1];
            for (int i = 0; i < n; i++) mean[i] += last[k][i] / m;
        }
        // σ² is the mean over members of q_k = m/(m − 1) · (1/n) Σ_i (x_ki − x̄_i)². Members are the
        // independent unit (docs/physics.md §7); the levels of one member are not (they repel, and a
        // matrix's eigenvalues share its noise), so the standard error is that of the mean of the q_k.
        double[] q = new double[m];
        double sigma2 = 0.0;
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < n; i++) {
                double d = last[k][i] - mean[i];
                q[k] += d * d;
            }
            q[k] *= m / ((m - 1.0) * n);
            sigma2 += q[k] / m;
        }
        double spread = 0.0;
        for (double qk : q) spread += (qk - sigma2) * (qk - sigma2);
        double se = Math.sqrt(spread / (m - 1) / m);
        return new Point(run.spec().runId(), alpha, batch, alpha / batch, sigma2, se);
    }

    private static XYChart chart(List<Point> points, WeightedLine line) {
        XYChart chart = new XYChartBuilder().width(720).height(480).title("linear scaling rule")
                .xAxisTitle("α/|B|").yAxisTitle("σ² (mean level variance)").build();
        double[] x = points.stream().mapToDouble(Point::x).toArray();
        XYSeries data = chart.addSeries("runs", x, points.stream().mapToDouble(Point::y).toArray(),
                points.stream().mapToDouble(p -> 2 * p.se()).toArray());
        data.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        double max = java.util.Arrays.stream(x).max().orElse(1.0);
        chart.addSeries(String.format("fit: σ² = %.3g + %.3g·α/|B|", line.intercept(), line.slope()),
                new double[] {0.0, max}, new double[] {line.intercept(), line.intercept() + line.slope() * max});
        return chart;
    }
}
