package org.dysonsim.physics.network;

import org.dysonsim.physics.sgd.SingularPairs;
import org.ejml.data.DMatrixRMaj;

/**
 * The gradient record of one layer (the statistics a matrix-level run records, see
 * {@code TrajectoryEvent.GradientRecorded}), on the top singular pairs (u_j, v_j) of W_s and the
 * minibatch gradient G of step s + 1. A dense layer's per-sample gradient is an outer product,
 * g_i = |B|·δ_i a_iᵀ (δ_i the sample's row of ∂L/∂z, a_i its input), so every statistic costs
 * O(|B|·(rows + cols)) per pair: u_jᵀ g_i v_j = |B|(u_j·δ_i)(a_i·v_j) and
 * ‖g_i‖² = |B|²‖δ_i‖²‖a_i‖². Biases are left out.
 *
 * @param projections         u_jᵀ G v_j
 * @param projectionVariances unbiased variance over the batch of u_jᵀ g_i v_j (NaN for |B| = 1)
 * @param deviationSquares    Σ_i ‖g_i − G‖²_F, for the noise variance Σ/(rows·cols·(|B| − 1))
 */
public record LayerGradientRecord(double[] projections, double[] projectionVariances, double deviationSquares) {

    public static LayerGradientRecord of(SingularPairs pairs, DenseLayer.Gradient g, DMatrixRMaj input) {
        DMatrixRMaj dz = g.pre();
        int batch = dz.numRows, out = dz.numCols, in = input.numCols, k = pairs.values().length;
        double[] mean = new double[k], variance = new double[k];
        for (int j = 0; j < k; j++) {
            double[] p = new double[batch];
            double sum = 0;
            for (int i = 0; i < batch; i++) {
                double ud = 0, av = 0;
                for (int r = 0; r < out; r++) ud += pairs.left().get(r, j) * dz.data[i * out + r];
                for (int c = 0; c < in; c++) av += input.data[i * in + c] * pairs.right().get(c, j);
                p[i] = batch * ud * av;
                sum += p[i];
            }
            mean[j] = sum / batch;
            double ss = 0;
            for (double x : p) ss += (x - mean[j]) * (x - mean[j]);
            variance[j] = batch > 1 ? ss / (batch - 1) : Double.NaN;
        }
        double squares = 0;
        for (int i = 0; i < batch; i++) {
            double d2 = 0, a2 = 0;
            for (int r = 0; r < out; r++) d2 += dz.data[i * out + r] * dz.data[i * out + r];
            for (int c = 0; c < in; c++) a2 += input.data[i * in + c] * input.data[i * in + c];
            squares += (double) batch * batch * d2 * a2;
        }
        double gNorm2 = 0;
        for (double x : g.weights().data) gNorm2 += x * x;
        return new LayerGradientRecord(mean, variance, Math.max(0.0, squares - batch * gNorm2));
    }
}
