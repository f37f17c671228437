package org.dysonsim.physics.exact;

import org.dysonsim.physics.rng.CounterRng;
import org.ejml.data.DMatrixRMaj;

/**
 * Exact finite-N sampler of Dyson Ornstein–Uhlenbeck at time t from any spectrum x₀ (docs/physics.md
 * §3): the eigenvalues of {@code H(t) = e^{−at}diag(x₀) + s·G}, {@code s = g√((1 − e^{−2at})/(2a))}
 * ({@code g√t} at a = 0), G symmetric with N(0, 1) off-diagonal and N(0, 2) diagonal entries
 * ({@code (A + Aᵀ)/√2}). It solves {@code dx_i = [−ax_i + g² Σ 1/(x_i − x_j)]dt + √2 g dW_i}.
 * Entry (i, j), i ≤ j, is drawn from the counter {@code (seed, member, i·N + j, STEP, 0)}.
 */
public record DysonOuSampler(double[] initial, double a, double g2, double t) {
    /** Counter step reserved for this sampler (the dynamics use steps ≥ 0, initial spectra −1). */
    public static final long STEP = -2;

    public DysonOuSampler {
        if (!(a >= 0.0 && g2 > 0.0 && t >= 0.0)) throw new IllegalArgumentException("need a ≥ 0, g² > 0, t ≥ 0");
        initial = initial.clone();
    }

    @Override
    public double[] initial() {
        return initial.clone();
    }

    /** Ascending eigenvalues for one ensemble member. */
    public double[] sample(long seed, long member) {
        int n = initial.length;
        double shrink = Math.exp(-a * t);
        double s = Math.sqrt(g2 * (a == 0.0 ? t : -Math.expm1(-2.0 * a * t) / (2.0 * a)));
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            h.set(i, i, shrink * initial[i] + s * Math.sqrt(2.0) * CounterRng.gaussian(seed, member, (long) i * n + i, STEP, 0));
            for (int j = i + 1; j < n; j++) {
                double g = s * CounterRng.gaussian(seed, member, (long) i * n + j, STEP, 0);
                h.set(i, j, g);
                h.set(j, i, g);
            }
        }
        return SymmetricEigenvalues.of(h);
    }
}
