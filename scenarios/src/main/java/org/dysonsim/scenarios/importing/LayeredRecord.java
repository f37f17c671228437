package org.dysonsim.scenarios.importing;

import org.dysonsim.physics.layers.RandomDistance;
import org.dysonsim.physics.sgd.SingularPairs;
import org.dysonsim.physics.sgd.WeightSpectrum;
import org.dysonsim.protocol.TrajectoryEvent;
import org.ejml.data.DMatrixRMaj;

/**
 * What one imported record becomes in the journal (the layered-run convention): a snapshot of the
 * eigenvalues of every layer's WᵀW, layer after layer, ascending within each layer; and, when the
 * file saved gradients or a loss, a gradient record whose singular values and projections are, layer
 * after layer, the top {@link #TOP_K} (at most cols) singular values σ_j of W and u_jᵀ G v_j.
 * Imported gradients are whole-batch averages, so the per-sample variances are not known: NaN.
 * Every record also gets each layer's random distance, from its W.
 * The time of a record is its step.
 */
final class LayeredRecord {
    /** Singular pairs per layer in the gradient record, as {@code forecast.top-k} defaults to for matrix runs. */
    static final int TOP_K = 4;

    private LayeredRecord() {}

    static TrajectoryEvent.SnapshotRecorded snapshot(long step, DMatrixRMaj[] weights) {
        int n = 0;
        for (DMatrixRMaj w : weights) n += w.numCols;
        double[] values = new double[n];
        int at = 0;
        for (DMatrixRMaj w : weights) {
            double[] layer = WeightSpectrum.eigenvalues(w);
            System.arraycopy(layer, 0, values, at, layer.length);
            at += layer.length;
        }
        return new TrajectoryEvent.SnapshotRecorded(step, step, values);
    }

    /**
     * Every layer's {@link RandomDistance} at the record, seeded as a network run seeds it with run
     * seed 0 (an imported run's), in a metrics record whose losses and accuracy are not known (NaN).
     */
    static TrajectoryEvent.NetworkMetricsRecorded distances(long step, int member, DMatrixRMaj[] weights) {
        double[] ks = new double[weights.length];
        double[] w1 = new double[weights.length];
        for (int l = 0; l < weights.length; l++) {
            RandomDistance d = RandomDistance.of(weights[l], RandomDistance.seed(0, member, l, step));
            ks[l] = d.ksDistance();
            w1[l] = d.wasserstein();
        }
        return new TrajectoryEvent.NetworkMetricsRecorded(step, step, Double.NaN, Double.NaN, Double.NaN, ks, w1);
    }

    /** The gradient record of a record with gradients (or only a loss: then the projections are NaN). */
    static TrajectoryEvent.GradientRecorded gradient(long step, double loss, DMatrixRMaj[] weights, DMatrixRMaj[] gradients) {
        int total = 0;
        for (DMatrixRMaj w : weights) total += Math.min(TOP_K, w.numCols);
        double[] sigma = new double[total];
        double[] projections = new double[total];
        double[] variances = new double[total];
        java.util.Arrays.fill(variances, Double.NaN);
        int at = 0;
        for (int l = 0; l < weights.length; l++) {
            SingularPairs top = WeightSpectrum.withTopPairs(weights[l], TOP_K).top();
            for (int j = 0; j < top.values().length; j++) {
                sigma[at] = top.values()[j];
                projections[at] = gradients.length == 0 ? Double.NaN : top.project(gradients[l], j);
                at++;
            }
        }
        return new TrajectoryEvent.GradientRecorded(step, step, loss, sigma, projections, variances, Double.NaN);
    }
}
