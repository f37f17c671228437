package org.dysonsim.physics.exact;

import org.dysonsim.physics.rng.CounterStream;
import org.dysonsim.physics.rng.Samplers;
import org.ejml.data.DMatrixRMaj;

/**
 * Exact finite-size Marchenko–Pastur sampler without the M×N matrix (Dumitriu–Edelman 2002;
 * docs/physics.md §1): B lower bidiagonal N×N with diagonal {@code χ_M, χ_{M−1}, …, χ_{M−N+1}} and
 * sub-diagonal {@code χ_{N−1}, …, χ_1}; {@code eig(BBᵀ)} has the law of {@code eig(WᵀW)} for
 * W M×N with N(0, 1) entries. BBᵀ is tridiagonal; its N eigenvalues come from EJML.
 * Draws use the counter {@code (seed, member, k, STEP, ·)}, k the position along the bidiagonal.
 */
public record LaguerreSampler(int rows, int cols) {
    public static final long STEP = -3;

    public LaguerreSampler {
        if (cols < 1 || rows < cols) throw new IllegalArgumentException("need rows ≥ cols ≥ 1, got " + rows + "×" + cols);
    }

    /** Ascending eigenvalues of {@code WᵀW}, unit entry variance. */
    public double[] sample(long seed, long member) {
        int n = cols;
        double[] d = new double[n], e = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.sqrt(Samplers.chiSquared(rows - i, new CounterStream(seed, member, 2L * i, STEP, 0)));
            if (i + 1 < n) e[i] = Math.sqrt(Samplers.chiSquared(n - 1 - i, new CounterStream(seed, member, 2L * i + 1, STEP, 0)));
        }
        DMatrixRMaj t = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            // B_ii = d_i, B_{i,i−1} = e_{i−1}: (BBᵀ)_ii = d_i² + e_{i−1}², (BBᵀ)_{i,i−1} = e_{i−1}d_{i−1}
            t.set(i, i, d[i] * d[i] + (i > 0 ? e[i - 1] * e[i - 1] : 0.0));
            if (i > 0) {
                t.set(i, i - 1, e[i - 1] * d[i - 1]);
                t.set(i - 1, i, e[i - 1] * d[i - 1]);
            }
        }
        return SymmetricEigenvalues.of(t);
    }
}
