package org.dysonsim.physics.network;

import org.dysonsim.physics.sgd.SgdSettings;
import org.dysonsim.physics.sgd.SgdUpdate;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One fully connected layer of a multilayer perceptron: W (out × in, as PyTorch stores it), the
 * bias b and their momenta; a hidden layer applies ReLU, the last one leaves its logits. Both the
 * plain training loop and the layer actor step through these same methods, so they agree bit for
 * bit. Between {@link #forward} and {@link #backward} of one step the layer keeps its input and
 * pre-activation.
 */
public final class DenseLayer {
    private final DMatrixRMaj w;
    private final DMatrixRMaj bias;
    private final DMatrixRMaj velocityW;
    private final DMatrixRMaj velocityB;
    private final boolean hidden;
    private DMatrixRMaj input;
    private DMatrixRMaj pre;

    /** A layer from its arrays (not copied): W out × in and b of out, row-major, momenta alike. */
    public DenseLayer(int out, int in, double[] w, double[] bias, double[] velocityW, double[] velocityB, boolean hidden) {
        this.w = DMatrixRMaj.wrap(out, in, w);
        this.bias = DMatrixRMaj.wrap(1, out, bias);
        this.velocityW = DMatrixRMaj.wrap(out, in, velocityW);
        this.velocityB = DMatrixRMaj.wrap(1, out, velocityB);
        this.hidden = hidden;
    }

    /** The gradient of one step: of W and b, of the layer's input (what flows back), and of its pre-activation. */
    public record Gradient(DMatrixRMaj weights, DMatrixRMaj bias, DMatrixRMaj input, DMatrixRMaj pre) {}

    public int outputs() {
        return w.numRows;
    }

    public int inputs() {
        return w.numCols;
    }

    /** W (live: do not modify). */
    public DMatrixRMaj weights() {
        return w;
    }

    /** W, b, then their momenta, each a row-major array (live: do not modify). */
    public double[][] state() {
        return new double[][] {w.data, bias.data, velocityW.data, velocityB.data};
    }

    /** The activations of {@code batch} (batch × in): ReLU(x Wᵀ + b), or the logits for the last layer. Kept for backward. */
    public DMatrixRMaj forward(DMatrixRMaj batch) {
        input = batch;
        pre = preActivation(batch);
        return hidden ? relu(pre) : pre;
    }

    /** As {@link #forward} but keeping nothing: held-out evaluation between steps. */
    public DMatrixRMaj evaluate(DMatrixRMaj batch) {
        DMatrixRMaj z = preActivation(batch);
        return hidden ? relu(z) : z;
    }

    /**
     * The gradients of the step whose forward pass came last, from {@code outputError} = ∂L/∂(this
     * layer's output), batch × out; {@code needInput}: also ∂L/∂input (not for the first layer).
     * W is not changed: call {@link #update} after.
     */
    public Gradient backward(DMatrixRMaj outputError, boolean needInput) {
        DMatrixRMaj dz = outputError.copy();
        if (hidden) {
            for (int k = 0; k < dz.data.length; k++) if (pre.data[k] <= 0) dz.data[k] = 0;
        }
        DMatrixRMaj gw = new DMatrixRMaj(w.numRows, w.numCols);
        CommonOps_DDRM.multTransA(dz, input, gw);
        DMatrixRMaj gb = new DMatrixRMaj(1, w.numRows);
        CommonOps_DDRM.sumCols(dz, gb);
        DMatrixRMaj gin = null;
        if (needInput) {
            gin = new DMatrixRMaj(dz.numRows, w.numCols);
            CommonOps_DDRM.mult(dz, w, gin);
        }
        return new Gradient(gw, gb, gin, dz);
    }

    /** The layer's input of the last forward pass (batch × in). */
    public DMatrixRMaj lastInput() {
        return input;
    }

    /** One optimiser step on W and b ({@link SgdUpdate}); forgets the step's kept activations. */
    public void update(Gradient g, SgdSettings sgd) {
        SgdUpdate.apply(w, velocityW, g.weights(), sgd);
        SgdUpdate.apply(bias, velocityB, g.bias(), sgd);
        input = null;
        pre = null;
    }

    /** True when every weight and bias is finite. */
    public boolean finite() {
        for (double v : w.data) if (!Double.isFinite(v)) return false;
        for (double v : bias.data) if (!Double.isFinite(v)) return false;
        return true;
    }

    private DMatrixRMaj preActivation(DMatrixRMaj batch) {
        DMatrixRMaj z = new DMatrixRMaj(batch.numRows, w.numRows);
        CommonOps_DDRM.multTransB(batch, w, z);
        int out = w.numRows;
        for (int r = 0; r < z.numRows; r++) {
            for (int c = 0; c < out; c++) z.data[r * out + c] += bias.data[c];
        }
        return z;
    }

    private static DMatrixRMaj relu(DMatrixRMaj z) {
        DMatrixRMaj a = z.copy();
        for (int k = 0; k < a.data.length; k++) if (a.data[k] < 0) a.data[k] = 0;
        return a;
    }
}
