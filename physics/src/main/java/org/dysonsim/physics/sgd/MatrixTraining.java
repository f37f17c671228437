package org.dysonsim.physics.sgd;

import org.ejml.data.DMatrixRMaj;

/**
 * A weight matrix trained by minibatch SGD in a plain loop: the reference that the weight-matrix
 * and loss actors reproduce bit for bit. Step s (s = 1, 2, …) uses the minibatch of step s at
 * W_{s−1} and gives W_s.
 */
public final class MatrixTraining {
    private final MinibatchLoss loss;
    private final SgdSettings sgd;
    private final DMatrixRMaj w;
    private final DMatrixRMaj velocity;
    private long step;

    public MatrixTraining(MinibatchLoss loss, SgdSettings sgd, DMatrixRMaj w0) {
        this.loss = loss;
        this.sgd = sgd;
        this.w = w0.copy();
        this.velocity = new DMatrixRMaj(w0.numRows, w0.numCols);
    }

    /** Steps done so far; the state is W_{step()}. */
    public long step() {
        return step;
    }

    /** W_{step()} (live: do not modify). */
    public DMatrixRMaj weights() {
        return w;
    }

    /** The momentum v after step() steps (live: do not modify). */
    public DMatrixRMaj velocity() {
        return velocity;
    }

    /** The gradient step s + 1 applies, with the record statistics on {@code pairs} (may be null), then that step. */
    public MinibatchGradient advance(SingularPairs pairs) {
        MinibatchGradient g = loss.gradient(step + 1, w, pairs);
        SgdUpdate.apply(w, velocity, g.gradient(), sgd);
        step++;
        return g;
    }

    /** {@code steps} plain steps. */
    public void advance(long steps) {
        for (long s = 0; s < steps; s++) advance(null);
    }

    /** Eigenvalues of WᵀW, ascending. */
    public double[] spectrum() {
        return WeightSpectrum.eigenvalues(w);
    }

    /** True when every entry of W is finite. */
    public boolean finite() {
        for (double v : w.data) if (!Double.isFinite(v)) return false;
        return true;
    }
}
