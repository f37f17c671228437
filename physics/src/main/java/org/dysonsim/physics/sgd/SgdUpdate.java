package org.dysonsim.physics.sgd;

import org.ejml.data.DMatrixRMaj;

/** One optimiser step of {@link SgdSettings}, in place. */
public final class SgdUpdate {
    private SgdUpdate() {}

    /**
     * W ← W − α G for momentum 0; else v ← momentum·v + G, W ← W − α v ({@code velocity} is
     * updated, and ignored for momentum 0).
     */
    public static void apply(DMatrixRMaj w, DMatrixRMaj velocity, DMatrixRMaj gradient, SgdSettings sgd) {
        double alpha = sgd.alpha(), mu = sgd.momentum();
        double[] wd = w.data, g = gradient.data;
        if (mu == 0.0) {
            for (int k = 0; k < wd.length; k++) wd[k] -= alpha * g[k];
            return;
        }
        double[] v = velocity.data;
        for (int k = 0; k < wd.length; k++) {
            v[k] = mu * v[k] + g[k];
            wd[k] -= alpha * v[k];
        }
    }
}
