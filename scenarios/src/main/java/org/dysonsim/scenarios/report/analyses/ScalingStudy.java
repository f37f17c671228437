package org.dysonsim.scenarios.report.analyses;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.fit.WeightedLine;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.scenarios.RunSpecReader;
import org.dysonsim.scenarios.ScenarioDifferences;
import org.dysonsim.scenarios.report.RecordedRun;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

/**
 * The linear scaling rule across a sweep of SGD runs (docs/physics.md §1) — particle runs in the SGD
 * form ({@code model = sgd}) or matrix runs ({@code model = matrix}, levels the eigenvalues of
 * WᵀW), never the two mixed in one sweep: the width of the levels,
 * σ² = (α/|B|) g̃²/Ω, grows linearly in α/|B| with no offset. For each run, σ² is the stationary
 * width of {@link StationaryWidth} (every record of the run's second half, batch-means errors);
 * the line σ² = a + b·α/|B| is fitted by weighted least squares and the rule holds when the
 * intercept is within {@link #Z} standard errors of 0, the points lie on the line (the fit's χ²
 * below the χ² critical value at level {@link #LEVEL}) and, where theory gives the slope, the
 * slope is within {@link #Z} standard errors of it. Intercept and linearity are both needed: a
 * sweep whose widths are no function of α/|B| at all (runs stopped before they relaxed, say) can
 * leave an intercept with a standard error wide enough to contain 0.
 */
public final class ScalingStudy {
    /** Standard errors an intercept or a slope may be from its prediction (docs/physics.md §7). */
    public static final double Z = 5.0;
    /** Level of the χ² goodness-of-fit test, the level of every KS threshold in the reports (docs/physics.md §7). */
    public static final double LEVEL = 1e-4;
    /** Keys a scaling sweep may vary besides the ones that set α/|B| (each point's own seed, its name). */
    private static final List<String> FREE_KEYS = List.of(RunSpecReader.SGD_ALPHA, RunSpecReader.SGD_BATCH, "seed", "name");

    /** One run's point: x = α/|B|, its stationary width y with its standard error, and how it was estimated. */
    public record Point(String runId, double alpha, int batch, double x, double y, double se, StationaryWidth.Estimate width) {}

    /** What a study of a sweep concluded: a fit, or why there is none. */
    public sealed interface Outcome permits ScalingFit, NotAnalysed {}

    /** The sweep is no scaling study the rule can be tested on, and why (shown on the study page and the console). */
    public record NotAnalysed(String reason) implements Outcome {}

    /**
     * The slope theory predicts, {@code g̃²/Ω} averaged over the levels, or the reason it gives none
     * ({@code predicted} NaN, the slope then untested).
     */
    public record SlopePrediction(double predicted, String reason) {
        public boolean applies() {
            return !Double.isNaN(predicted);
        }
    }

    /**
     * The fit of a scaling sweep: its points, the weighted line with an intercept and the one
     * through the origin, the χ² critical value, the slope theory predicts, and the verdicts
     * ({@code slopeAsPredicted} true where no slope is predicted).
     */
    public record ScalingFit(List<Point> points, WeightedLine line, WeightedLine origin, double chiSquaredCritical,
                             boolean noOffset, boolean onTheLine, SlopePrediction slope, boolean slopeAsPredicted)
            implements Outcome {
        public boolean pass() {
            return noOffset && onTheLine && slopeAsPredicted;
        }
    }

    private ScalingStudy() {}

    /** The fit of the runs of a sweep, or why they are no scaling sweep. */
    public static Outcome of(List<RecordedRun> runs) {
        for (RecordedRun run : runs) {
            if (!run.succeeded()) return new NotAnalysed("run " + run.spec().runId() + " failed, so it has no width");
        }
        TreeSet<String> models = new TreeSet<>();
        for (RecordedRun run : runs) models.add(modelName(run.spec()));
        if (!models.equals(new TreeSet<>(List.of("sgd"))) && !models.equals(new TreeSet<>(List.of("matrix")))) {
            return new NotAnalysed("the runs are model = " + String.join(", ", models)
                    + "; the scaling study reads sweeps of model = sgd or of model = matrix runs");
        }
        String others = otherKeysSwept(runs, FREE_KEYS);
        if (others != null) return new NotAnalysed("the runs differ in more than α and |B| (" + others + "), so σ² is no function of α/|B| alone");
        // a line with an intercept needs a third point before either can be tested
        if (runs.size() < 3) return new NotAnalysed(runs.size() + " runs: a line with an intercept needs at least three");
        List<Point> points = new ArrayList<>();
        for (RecordedRun run : runs) {
            Point p = point(run);
            // with two members the deviations from their mean are mirror images: no spread to estimate an error from
            if (p.width().members() < 3) {
                return new NotAnalysed("run " + p.runId() + " has " + p.width().members() + " members with every stationary record; at least three are needed");
            }
            points.add(p);
        }
        if (points.stream().mapToDouble(Point::x).distinct().count() < 2) return new NotAnalysed("the runs share one value of α/|B|");
        double[] x = points.stream().mapToDouble(Point::x).toArray();
        double[] y = points.stream().mapToDouble(Point::y).toArray();
        double[] se = points.stream().mapToDouble(Point::se).toArray();
        WeightedLine line = WeightedLine.fit(x, y, se);
        WeightedLine origin = WeightedLine.throughOrigin(x, y, se);
        boolean noOffset = Math.abs(line.intercept()) <= Z * line.interceptSe();
        double chiSquaredCritical = new ChiSquaredDistribution(line.degreesOfFreedom()).inverseCumulativeProbability(1.0 - LEVEL);
        SlopePrediction slope = predictedSlope(runs.get(0).spec());
        boolean slopeAsPredicted = !slope.applies() || Math.abs(line.slope() - slope.predicted()) <= Z * line.slopeSe();
        return new ScalingFit(points, line, origin, chiSquaredCritical, noOffset, line.chiSquared() <= chiSquaredCritical,
                slope, slopeAsPredicted);
    }

    /**
     * For {@code model = sgd} in a harmonic well K = −Ω_i(x − c_i) without walls, the mean over the
     * levels of g̃_i²/Ω_i (docs/physics.md §1: σ_i² = (α/|B|) g̃_i²/Ω_i, to first order in α/|B|
     * and in αΩ); elsewhere no prediction.
     */
    public static SlopePrediction predictedSlope(RunSpec spec) {
        if (spec.model() instanceof MatrixModel) {
            return new SlopePrediction(Double.NaN, "model = matrix: the slope depends on the covariance of the minibatch"
                    + " gradient at the minimum, which theory does not give in closed form");
        }
        if (!(spec.mapping() instanceof RunSpec.Mapping.Sgd sgd) || !(spec.model() instanceof GasModel gas)) {
            return new SlopePrediction(Double.NaN, "not an sgd run");
        }
        if (!(gas.drift() instanceof Drift.Harmonic well) || gas.lower() != Wall.NONE || gas.upper() != Wall.NONE) {
            return new SlopePrediction(Double.NaN, "the slope g̃²/Ω is predicted for a harmonic drift without walls only");
        }
        double sum = 0.0;
        for (int i = 0; i < gas.n(); i++) {
            double gTilde2 = gas.noise()[i] * sgd.batch() / sgd.alpha();
            sum += gTilde2 / well.stiffness()[i];
        }
        return new SlopePrediction(sum / gas.n(), "g̃²/Ω averaged over the levels (docs/physics.md §1)");
    }

    private static String modelName(RunSpec spec) {
        if (spec.model() instanceof MatrixModel) return "matrix";
        if (spec.mapping() instanceof RunSpec.Mapping.Sgd) return "sgd";
        try {
            Config c = ConfigFactory.parseString(spec.scenarioText());
            if (c.hasPath("model")) return c.getString("model");
        } catch (ConfigException e) {
            // no readable scenario: named by what it simulates
        }
        return spec.model() == null ? "imported" : spec.model().getClass().getSimpleName();
    }

    /** The keys other than {@code free} whose values differ between the runs, or null when none does. */
    static String otherKeysSwept(List<RecordedRun> runs, List<String> free) {
        TreeSet<String> differing = new TreeSet<>(ScenarioDifferences.keys(runs.stream().map(r -> scenario(r.spec(), free)).toList()));
        return differing.isEmpty() ? null : String.join(", ", differing);
    }

    private static Config scenario(RunSpec spec, List<String> free) {
        Config c;
        try {
            c = ConfigFactory.parseString(spec.scenarioText()).resolve();
        } catch (ConfigException e) {
            c = ConfigFactory.empty();
        }
        for (String key : free) c = c.withoutPath(key);
        return c;
    }

    private static Point point(RecordedRun run) {
        double alpha;
        int batch;
        if (run.spec().model() instanceof MatrixModel matrix) {
            alpha = matrix.sgd().alpha();
            batch = matrix.sgd().batch();
        } else {
            RunSpec.Mapping.Sgd sgd = (RunSpec.Mapping.Sgd) run.spec().mapping();
            alpha = sgd.alpha();
            batch = sgd.batch();
        }
        StationaryWidth.Estimate width = StationaryWidth.of(run.members(), run.spec().steps());
        return new Point(run.spec().runId(), alpha, batch, alpha / batch, width.width(), width.standardError(), width);
    }
}
