package org.dysonsim.physics.init;

import java.util.Arrays;
import org.dysonsim.physics.rng.CounterRng;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Where the eigenvalues start: a pure function of {@code (seed, member)}, ascending. */
public sealed interface InitialSpectrum
        permits InitialSpectrum.Explicit, InitialSpectrum.MarchenkoPastur, InitialSpectrum.Goe, InitialSpectrum.DegeneratePairs {

    double[] sample(long seed, long member);

    /** Given values, the same for every member. */
    record Explicit(double[] values) implements InitialSpectrum {
        public double[] sample(long seed, long member) {
            double[] v = values.clone();
            Arrays.sort(v);
            return v;
        }
    }

    /**
     * Eigenvalues of {@code WᵀW}, {@code W} rows×cols with N(0, σ²) entries drawn from the
     * counter generator (step −1, so they never share noise with the dynamics), by EJML's
     * symmetric eigen-decomposition; {@code cols} eigenvalues. Above {@link #DENSE_LIMIT} entries
     * the same law is drawn from the bidiagonal β-Laguerre model in O(cols) memory
     * ({@link RandomTridiagonals#laguerre}): W and WᵀW would not fit a default heap.
     */
    record MarchenkoPastur(int rows, int cols, double sigma2) implements InitialSpectrum {
        /** rows·cols beyond which W is not built. */
        public static final long DENSE_LIMIT = 10_000_000L;

        public double[] sample(long seed, long member) {
            if ((long) rows * cols > DENSE_LIMIT) return RandomTridiagonals.laguerre(rows, cols, sigma2, seed, member);
            DMatrixRMaj w = new DMatrixRMaj(rows, cols);
            double sd = Math.sqrt(sigma2);
            for (int k = 0; k < rows * cols; k++) w.data[k] = sd * CounterRng.gaussian(seed, member, k, -1, 0);
            DMatrixRMaj x = new DMatrixRMaj(cols, cols);
            CommonOps_DDRM.multTransA(w, w, x);
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(cols, false, true);
            if (!eig.decompose(x.copy())) throw new IllegalStateException("eigen-decomposition failed");
            double[] v = new double[cols];
            for (int i = 0; i < cols; i++) v[i] = eig.getEigenvalue(i).getReal();
            Arrays.sort(v);
            return v;
        }
    }

    /**
     * Eigenvalues of an n×n GOE matrix with off-diagonal variance σ² and diagonal variance 2σ²
     * (semicircle of radius 2σ√n), from the β-Hermite tridiagonal model in O(n) memory
     * ({@link RandomTridiagonals#hermite}). It is the equilibrium of the Coulomb gas in the
     * harmonic well {@code K = −Ω(x − c)} when σ² = g²/(2Ω) (about c; docs/physics.md §3).
     */
    record Goe(int n, double sigma2) implements InitialSpectrum {
        public double[] sample(long seed, long member) {
            return RandomTridiagonals.hermite(n, sigma2, seed, member);
        }
    }

    /** Each centre twice, split symmetrically by {@code split} so the pair starts ordered. */
    record DegeneratePairs(double[] centres, double split) implements InitialSpectrum {
        public double[] sample(long seed, long member) {
            double[] v = new double[2 * centres.length];
            for (int k = 0; k < centres.length; k++) {
                v[2 * k] = centres[k] - 0.5 * split;
                v[2 * k + 1] = centres[k] + 0.5 * split;
            }
            Arrays.sort(v);
            return v;
        }
    }
}
