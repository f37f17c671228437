package org.dysonsim.scenarios.report.analyses;


import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.dysonsim.scenarios.report.RecordSlice;
import org.dysonsim.scenarios.report.RecordSlices;
import org.dysonsim.scenarios.report.RecordedRun;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.fit.WeightedLine;
import org.dysonsim.physics.gas.MatrixModel;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

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
    public static final double Z = 5.0;
    /** Level of the χ² goodness-of-fit test, the level of every KS threshold in the reports (docs/physics.md §7). */
    public static final double LEVEL = 1e-4;

    /** One run's point: x = α/|B|, the mean level variance y and its standard error. */
    public record Point(String runId, double alpha, int batch, double x, double y, double se) {}

    private ScalingStudy() {}

    /**
     * The fit of a scaling sweep: its points, the weighted line with an intercept and the one
     * through the origin, the χ² critical value, and the two verdicts.
     */
    public record ScalingFit(List<Point> points, WeightedLine line, WeightedLine origin, double chiSquaredCritical,
                             boolean noOffset, boolean onTheLine) {}

    /**
     * The fit when the runs are SGD runs, at least three, with at least two distinct values of
     * α/|B|; empty when the study is not a scaling sweep.
     */
    public static Optional<ScalingFit> of(List<RecordedRun> runs) {
        List<Point> points = new ArrayList<>();
        for (RecordedRun run : runs) {
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
        return Optional.of(new ScalingFit(points, line, origin, chiSquaredCritical, noOffset, line.chiSquared() <= chiSquaredCritical));
    }

    /** Reads each member's last snapshot, one member at a time. */
    private static Point point(RecordedRun run) {
        if (!run.succeeded()) return null;
        RecordSlice finals = RecordSlices.read(run.members(), new TreeSet<>(List.of(-1))).get(-1);
        // with two members the deviations from their mean are mirror images: no spread to estimate an error from
        if (finals.size() < 3) return null;
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
        int m = finals.size();
        int n = run.spec().n();
        double[][] last = finals.positions();
        double[] mean = new double[n];
        for (int k = 0; k < m; k++) {
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
}
