package org.dysonsim.physics.sgd;

import org.dysonsim.physics.rng.CounterRng;
import org.ejml.data.DMatrixRMaj;

/**
 * W₀ with iid N(0, scale²) entries, drawn from (seed, member): its WᵀW spectrum has the
 * Marchenko–Pastur law of docs/physics.md §1 with σ² = scale².
 */
public final class InitialWeights {
    private InitialWeights() {}

    public static DMatrixRMaj gaussian(int rows, int cols, double scale, long seed, long member) {
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < w.data.length; k++) {
            w.data[k] = scale * CounterRng.gaussian(seed, member, k, 0, SgdStreams.INITIAL_WEIGHTS);
        }
        return w;
    }
}
