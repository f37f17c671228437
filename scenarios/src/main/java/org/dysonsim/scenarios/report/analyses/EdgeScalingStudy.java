package org.dysonsim.scenarios.report.analyses;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.fit.WeightedLine;
import org.dysonsim.physics.laws.GoeEdge;
import org.dysonsim.physics.laws.TracyWidom;
import org.dysonsim.scenarios.report.Levels;
import org.dysonsim.scenarios.report.RecordedRun;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

/**
 * The N^(−2/3) scaling of the largest eigenvalue's fluctuations across a sweep over n
 * (docs/physics.md §3). Every run must be one the edge check {@link TracyWidomEdge} applies to — a
 * GOE start moved by a plain gas with no drift or one well, a GOE of variance v_t at every time t —
 * so at the last record each member's λ_max is an exact draw of the finite-N GOE edge.
 *
 * <p>Units. The tool's GOE start and well do not scale with N: v_t is the same for every n, and the
 * semicircle's radius 2√(v_t N) grows as √N. λ_max fluctuates by √v_t N^(−1/6)·σ₁ (σ₁² the variance
 * of F₁), so in the tool's units its standard deviation falls as N^(−1/6). The N^(−2/3) law is that of
 * a spectrum whose support is held fixed: the study divides λ_max by √(v_t N) (radius 2 at every N),
 * where the prediction is sd = σ₁ N^(−2/3), and fits log sd = a + b log N by weighted least squares.
 * The law holds when b is within {@link ScalingStudy#Z} standard errors of −2/3 and the sizes lie on
 * the line (χ² below its critical value at level {@link ScalingStudy#LEVEL}). The slope in the tool's
 * units is b + ½. Only the last record is read: members are independent, and a start out of
 * equilibrium is not stationary.
 *
 * <p>Each size's standard error of sd is the delta method's, sd·√((m₄/s⁴ − (M−3)/(M−1))/(4M)) with m₄
 * the sample's fourth central moment (F₁ is skewed and not Gaussian: √(1/(2M)) would be too small).
 */
public final class EdgeScalingStudy {
    /** The exponent of the largest eigenvalue's standard deviation on a support held fixed. */
    public static final double EXPONENT = -2.0 / 3.0;
    /** The exponent in the tool's units, where the support's radius grows as √N. */
    public static final double TOOL_EXPONENT = EXPONENT + 0.5;
    /** Members a size needs at least: the standard error of a standard deviation comes from a fourth moment. */
    static final int MIN_MEMBERS = 8;
    /** Keys a sweep over n may vary besides n (each point's own seed, its name). */
    private static final List<String> FREE_KEYS = List.of("n", "seed", "name");
    /** Mean and variance of F₁ (docs/physics.md §3, Bornemann 2010; {@link TracyWidom#mean()} integrates them anew at every call). */
    public static final double F1_MEAN = -1.2065335745820, F1_VARIANCE = 1.6077810345806;

    /**
     * One size: λ_max of each member at the last record (time t), its standard deviation with standard
     * error in the tool's units ({@code sd}) and on the fixed support ({@code scaled}, sd/√(v_t N)),
     * and the mean offset of λ_max from the edge c_t + 2√(v_t(N − ½)) (centred as the edge check centres
     * it) on the fixed support, with its error and its prediction N^(−2/3)·μ₁ (μ₁ the mean of F₁).
     */
    public record Point(String runId, int n, double t, int members, double variance, double sd, double sdSe, double scaled,
                        double scaledSe, double meanOffset, double meanOffsetSe) {
        /** σ₁ N^(−2/3): the standard deviation on the fixed support that F₁ predicts. */
        public double predictedScaled() {
            return Math.sqrt(F1_VARIANCE) * Math.pow(n, EXPONENT);
        }

        /** μ₁ N^(−2/3): the mean offset from the edge that F₁ predicts. */
        public double predictedMeanOffset() {
            return F1_MEAN * Math.pow(n, EXPONENT);
        }

        /** The standard error of log sd (the fit's weight). */
        public double logSe() {
            return scaledSe / scaled;
        }
    }

    /** What the study of a sweep concluded: a fit, or why there is none. */
    public sealed interface Outcome permits EdgeScalingFit, NotAnalysed {}

    /** The sweep is no sweep over n whose edge law is known, and why. */
    public record NotAnalysed(String reason) implements Outcome {}

    /** The fit of log sd against log N on the fixed support, and the verdicts. */
    public record EdgeScalingFit(List<Point> points, WeightedLine line, double chiSquaredCritical, boolean exponentAsPredicted,
                                 boolean onTheLine) implements Outcome {
        public boolean pass() {
            return exponentAsPredicted && onTheLine;
        }

        /** |b − (−2/3)|, the number the exponent's verdict compares with {@link ScalingStudy#Z} standard errors. */
        public double exponentDeviation() {
            return Math.abs(line.slope() - EXPONENT);
        }
    }

    private EdgeScalingStudy() {}

    /** The fit of a sweep's runs, or why they are no edge-scaling sweep. */
    public static Outcome of(List<RecordedRun> runs) {
        for (RecordedRun run : runs) {
            if (!run.succeeded()) return new NotAnalysed("run " + run.spec().runId() + " failed, so it has no largest eigenvalue");
        }
        String others = ScalingStudy.otherKeysSwept(runs, FREE_KEYS);
        if (others != null) return new NotAnalysed("the runs differ in more than n (" + others + "), so the edge's width is no function of N alone");
        for (RecordedRun run : runs) {
            if (TracyWidomEdge.lawAt(run.spec(), 0.0).isEmpty()) {
                return new NotAnalysed("run " + run.spec().runId() + " is no GOE start of at least " + TracyWidomEdge.MIN_N
                        + " levels in a plain gas with no drift or one well, so the law of its largest eigenvalue is not known");
            }
        }
        long sizes = runs.stream().mapToInt(r -> r.spec().n()).distinct().count();
        // a line has no degree of freedom left to test below three sizes
        if (sizes < 3) return new NotAnalysed(sizes + " distinct values of n: a power law and its linearity need at least three");
        List<Point> points = new ArrayList<>();
        for (RecordedRun run : runs) {
            Optional<Point> p = point(run);
            if (p.isEmpty()) {
                return new NotAnalysed("run " + run.spec().runId() + " has fewer than " + MIN_MEMBERS
                        + " recorded members, or members whose last records are at different times");
            }
            points.add(p.get());
        }
        points.sort((a, b) -> Integer.compare(a.n(), b.n()));
        double[] x = points.stream().mapToDouble(p -> Math.log(p.n())).toArray();
        double[] y = points.stream().mapToDouble(p -> Math.log(p.scaled())).toArray();
        double[] se = points.stream().mapToDouble(Point::logSe).toArray();
        WeightedLine line = WeightedLine.fit(x, y, se);
        double critical = new ChiSquaredDistribution(line.degreesOfFreedom()).inverseCumulativeProbability(1.0 - ScalingStudy.LEVEL);
        boolean exponent = Math.abs(line.slope() - EXPONENT) <= ScalingStudy.Z * line.slopeSe();
        return new EdgeScalingFit(points, line, critical, exponent, line.chiSquared() <= critical);
    }

    /** One run's λ_max statistics at its members' last record, empty when they are too few or at different times. */
    static Optional<Point> point(RecordedRun run) {
        RunSpec spec = run.spec();
        List<Double> top = new ArrayList<>();
        TreeSet<Double> times = new TreeSet<>();
        run.members().forEach((MemberTrajectory m) -> {
            int records = m.values().length;
            if (records == 0) return;
            double[] levels = Levels.levels(spec, m.values()[records - 1]);
            double max = Double.NEGATIVE_INFINITY;
            for (double l : levels) max = Math.max(max, l);
            top.add(max);
            times.add(m.times()[records - 1]);
        });
        if (top.size() < MIN_MEMBERS || times.size() != 1) return Optional.empty();
        double t = times.first();
        GoeEdge edge = TracyWidomEdge.lawAt(spec, t).orElseThrow();
        int count = top.size();
        double mean = top.stream().mapToDouble(Double::doubleValue).sum() / count;
        double m2 = 0, m4 = 0;
        for (double v : top) {
            double d = (v - mean) * (v - mean);
            m2 += d;
            m4 += d * d;
        }
        double s2 = m2 / (count - 1);
        double sd = Math.sqrt(s2);
        double kurtosis = (m4 / count) / (s2 * s2);
        double sdSe = sd * Math.sqrt(Math.max(kurtosis - (count - 3.0) / (count - 1.0), 0.0) / (4.0 * count));
        double unit = Math.sqrt(edge.variance() * spec.n());
        double offset = (mean - edge.centre()) / unit;
        return Optional.of(new Point(spec.runId(), spec.n(), t, count, edge.variance(), sd, sdSe, sd / unit, sdSe / unit, offset,
                sd / Math.sqrt(count) / unit));
    }
}
