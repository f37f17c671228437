package org.dysonsim.physics.gas;

import org.dysonsim.physics.sgd.LossSpec;
import org.dysonsim.physics.sgd.SgdSettings;

/**
 * A member simulated at matrix level (issue 5): a weight matrix W of {@code rows} × {@code n},
 * W₀ with iid N(0, initScale²) entries, trained by minibatch SGD on {@code loss}; its positions are
 * the n eigenvalues of WᵀW, ascending. The noise is the minibatch's own (physics.sgd).
 *
 * @param dataSize the data set's size P (minibatches are drawn from it with replacement)
 * @param topK     how many top singular values each gradient record carries
 * @param checkpointEvery not physics but how the engine resumes: W, its momentum and the loss's
 *                 state are saved at the first recorded step at least this many steps after the
 *                 last save (0: never; a member then resumes by re-simulating from W₀)
 */
public record MatrixModel(int rows, int n, LossSpec loss, SgdSettings sgd, int dataSize, double initScale, int topK,
                          long checkpointEvery) implements ParticleModel {

    /** The scenario key {@code matrix.checkpoint-every}'s default. */
    public static final long DEFAULT_CHECKPOINT_EVERY = 1000;

    public MatrixModel(int rows, int n, LossSpec loss, SgdSettings sgd, int dataSize, double initScale, int topK) {
        this(rows, n, loss, sgd, dataSize, initScale, topK, DEFAULT_CHECKPOINT_EVERY);
    }
}
