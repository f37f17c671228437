package org.dysonsim.scenarios.report.analyses;

import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.physics.layers.LayerMetrics;
import org.dysonsim.physics.monitor.SpectralDiagnostics;
import org.dysonsim.physics.monitor.TrainingStages;
import org.dysonsim.protocol.TrajectoryEvent;

/**
 * The validation-free stopping signal of one layer ({@link TrainingStages#DEFAULT}, unchanged,
 * applied to the layer's α, its standard error and its bulk fit at every measured record of
 * {@link LayerMetricsAlongTraining}) held against the step at which the test accuracy plateaus:
 * the first record from which every later test accuracy lies within {@link #ACCURACY_TOLERANCE}
 * of the final one. When only the final record does, the accuracy was still moving at the end and
 * there is no plateau (docs/physics.md §8).
 *
 * @param layer        the layer's name
 * @param signalStep   the step at which the signal fired, −1 if it never did
 * @param plateauStep  the step at which the accuracy plateaued, −1 if it did not or was not recorded
 * @param finalAccuracy the last recorded test accuracy, NaN without one
 */
public record StoppingAgainstPlateau(String layer, long signalStep, long plateauStep, double finalAccuracy) {
    /** Two percentage points: about twice the binomial standard error of an accuracy near 0.85 on 1000 test images. */
    public static final double ACCURACY_TOLERANCE = 0.02;

    public boolean signalled() {
        return signalStep >= 0;
    }

    public boolean plateaued() {
        return plateauStep >= 0;
    }

    /** Signal step − plateau step (positive: the signal came late); only when both exist. */
    public long lag() {
        if (!signalled() || !plateaued()) throw new IllegalStateException("no lag without both a signal and a plateau");
        return signalStep - plateauStep;
    }

    /** In words: the lag in steps, or what is missing. */
    public String describe() {
        String plateau = plateaued() ? "" : Double.isNaN(finalAccuracy) ? "no accuracy recorded" : "no plateau";
        if (!signalled()) return plateau.isEmpty() ? "no signal" : "no signal, " + plateau;
        if (!plateaued()) return plateau;
        return (lag() > 0 ? "+" : "") + lag() + " steps";
    }

    public static StoppingAgainstPlateau of(LayerMetricsAlongTraining layer, int eigenvalues, MemberTrajectory member) {
        List<SpectralDiagnostics> records = layer.metrics().stream().map(m -> diagnostics(m, eigenvalues)).toList();
        int k = TrainingStages.DEFAULT.stoppingRecord(records);
        List<TrajectoryEvent.NetworkMetricsRecorded> metrics = member.metrics();
        long[] steps = metrics.stream().mapToLong(TrajectoryEvent.NetworkMetricsRecorded::step).toArray();
        double[] accuracy = metrics.stream().mapToDouble(TrajectoryEvent.NetworkMetricsRecorded::testAccuracy).toArray();
        return new StoppingAgainstPlateau(layer.layer(), k < 0 ? -1 : layer.steps()[k], plateauStep(steps, accuracy),
                accuracy.length == 0 ? Double.NaN : accuracy[accuracy.length - 1]);
    }

    /** The plateau's step as defined above, −1 when there is none. */
    static long plateauStep(long[] steps, double[] accuracy) {
        int n = accuracy.length;
        if (n < 2) return -1;
        int first = n - 1;
        while (first > 0 && Math.abs(accuracy[first - 1] - accuracy[n - 1]) <= ACCURACY_TOLERANCE) first--;
        return first == n - 1 ? -1 : steps[first];
    }

    /**
     * The fields of one layer's metrics that {@link TrainingStages} reads: α and its SE, the bulk
     * fit, the share of the {@code eigenvalues} beyond the edge and their number (one spectrum).
     */
    static SpectralDiagnostics diagnostics(LayerMetrics m, int eigenvalues) {
        return new SpectralDiagnostics(m.alpha(), m.alphaSe(), m.alphaXMin(), 0, m.mpArea(), m.mpAreaSe(), m.mpSigma2(),
                m.mpSigma2Se(), m.bulkEdge(), m.fractionBeyondEdge(), m.fractionBeyondEdge() * eigenvalues, Double.NaN);
    }
}
