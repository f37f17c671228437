package org.dysonsim.physics.sgd;

import org.dysonsim.physics.rng.CounterRng;

/** Minibatch sampling as a pure function of (seed, member, step): |B| indices with replacement. */
public final class Minibatch {
    private Minibatch() {}

    /**
     * The data indices of step {@code step}. With replacement, so the minibatch gradient's
     * covariance is exactly the per-sample covariance over |B| (the mapping to the Wishart rate
     * in {@link WishartMatch} relies on it).
     */
    public static int[] indices(long seed, long member, long step, int batch, int dataSize) {
        int[] idx = new int[batch];
        for (int i = 0; i < batch; i++) {
            idx[i] = (int) (CounterRng.uniform(seed, member, i, step, SgdStreams.BATCH) * dataSize);
        }
        return idx;
    }
}
