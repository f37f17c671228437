package org.dysonsim.physics.init;

import org.dysonsim.physics.rng.CounterStream;
import org.dysonsim.physics.rng.Samplers;

/**
 * The Dumitriu–Edelman tridiagonal models at β = 1 (J. Math. Phys. 43, 5830 (2002)): spectra with
 * exactly the laws of the Gaussian matrices' at O(n) memory.
 *
 * <ul>
 *   <li>β-Laguerre: B lower bidiagonal n×n, diagonal {@code χ_M, χ_{M−1}, …, χ_{M−n+1}},
 *       sub-diagonal {@code χ_{n−1}, …, χ_1}; {@code eig(BBᵀ)} has the law of {@code eig(WᵀW)},
 *       W M×n with N(0, 1) entries (M ≥ n).</li>
 *   <li>β-Hermite: diagonal N(0, 2), off-diagonal {@code χ_{n−1}, …, χ_1}, all over √2; its
 *       eigenvalues have the law of the GOE's with off-diagonal variance ½.</li>
 * </ul>
 * Draw k uses the counter {@code (seed, member, k, STEP, ·)}: step {@link #STEP} is the start's
 * and never the dynamics'.
 */
public final class RandomTridiagonals {
    public static final long STEP = -1;

    private RandomTridiagonals() {}

    /**
     * Ascending eigenvalues of {@code WᵀW}, W rows×cols with N(0, σ²) entries. For rows &lt; cols,
     * the rows nonzero ones are those of {@code WWᵀ} (the same model with the sizes swapped) and
     * the other cols − rows are zero.
     */
    public static double[] laguerre(int rows, int cols, double sigma2, long seed, long member) {
        int n = Math.min(rows, cols), m = Math.max(rows, cols);
        double[] d = new double[n], e = new double[Math.max(n - 1, 0)];
        for (int i = 0; i < n; i++) {
            d[i] = Math.sqrt(Samplers.chiSquared(m - i, new CounterStream(seed, member, 2L * i, STEP, 0)));
            if (i + 1 < n) e[i] = Math.sqrt(Samplers.chiSquared(n - 1 - i, new CounterStream(seed, member, 2L * i + 1, STEP, 0)));
        }
        // BBᵀ with B_ii = d_i, B_{i+1,i} = e_i: (BBᵀ)_ii = d_i² + e_{i−1}², (BBᵀ)_{i,i+1} = d_i e_i
        double[] diagonal = new double[n], off = new double[Math.max(n - 1, 0)];
        for (int i = 0; i < n; i++) {
            diagonal[i] = sigma2 * (d[i] * d[i] + (i > 0 ? e[i - 1] * e[i - 1] : 0.0));
            if (i + 1 < n) off[i] = sigma2 * d[i] * e[i];
        }
        double[] nonzero = TridiagonalEigenvalues.of(diagonal, off);
        double[] all = new double[cols];
        System.arraycopy(nonzero, 0, all, cols - n, n);
        return all;
    }

    /** Ascending eigenvalues of an n×n GOE matrix with off-diagonal variance σ² (diagonal 2σ²): semicircle of radius 2σ√n. */
    public static double[] hermite(int n, double sigma2, long seed, long member) {
        double[] diagonal = new double[n], off = new double[Math.max(n - 1, 0)];
        double scale = Math.sqrt(sigma2);
        for (int i = 0; i < n; i++) {
            CounterStream r = new CounterStream(seed, member, 2L * i, STEP, 0);
            diagonal[i] = scale * Math.sqrt(2.0) * r.gaussian();
            if (i + 1 < n) {
                off[i] = scale * Math.sqrt(Samplers.chiSquared(n - 1 - i, new CounterStream(seed, member, 2L * i + 1, STEP, 0)));
            }
        }
        return TridiagonalEigenvalues.of(diagonal, off);
    }
}
