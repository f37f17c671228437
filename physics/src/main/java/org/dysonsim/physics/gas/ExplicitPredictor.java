package org.dysonsim.physics.gas;

/**
 * The explicit half of the nearest-neighbour-implicit step (docs/physics.md §2, step 1):
 * {@code z_i = x_i + h[K_i(x_i) + γ_i f_i + μ_i m_i + ½B_i(x_i)] + √(2g_i²)·ΔW_i}, with {@code f}
 * the far field ({@code |j − i| ≥ 2}), {@code m} the image sum from {@link CoulombTiles} and
 * {@code B} the barrier walls' force, whose other half is implicit ({@link Wall#IMPLICIT_SHARE}).
 */
public final class ExplicitPredictor {
    private ExplicitPredictor() {}

    /**
     * @param mirrorSum null when the model has no image term
     * @param dW        the Brownian increments of this sub-step, indexed like {@code x}
     */
    public static void predict(GasModel model, double[] x, double[] farField, double[] mirrorSum, double[] dW,
                               double h, int from, int to, double[] z) {
        Drift drift = model.drift();
        double[] gamma = model.coulomb();
        double[] mu = model.mirror();
        double[] g2 = model.noise();
        Wall lower = model.lower(), upper = model.upper();
        double explicitShare = 1.0 - Wall.IMPLICIT_SHARE;
        for (int i = from; i < to; i++) {
            double force = drift.at(x[i], i) + gamma[i] * farField[i]
                    + explicitShare * (lower.force(x[i]) + upper.force(x[i]));
            if (mirrorSum != null) force += mu[i] * mirrorSum[i];
            z[i] = x[i] + h * force + Math.sqrt(2.0 * g2[i]) * dW[i];
        }
    }
}
