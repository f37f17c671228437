package org.dysonsim.physics.sgd;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** The spectrum of WᵀW and the top singular pairs of W, by EJML's symmetric eigen-decomposition. */
public final class WeightSpectrum {
    private WeightSpectrum() {}

    /** The N eigenvalues of WᵀW, ascending. */
    public static double[] eigenvalues(DMatrixRMaj w) {
        EigenDecomposition_F64<DMatrixRMaj> eig = decompose(gram(w), false);
        double[] x = new double[w.numCols];
        for (int i = 0; i < x.length; i++) x[i] = eig.getEigenvalue(i).getReal();
        Arrays.sort(x);
        return x;
    }

    /** The eigenvalues of WᵀW, ascending, and the top k singular pairs of W (one decomposition). */
    public record Decomposed(double[] eigenvalues, SingularPairs top) {}

    public static Decomposed withTopPairs(DMatrixRMaj w, int k) {
        int n = w.numCols, m = w.numRows;
        k = Math.min(k, n);
        EigenDecomposition_F64<DMatrixRMaj> eig = decompose(gram(w), true);
        Integer[] order = new Integer[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            x[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[b], x[a]));
        double[] ascending = x.clone();
        Arrays.sort(ascending);
        double[] values = new double[k];
        DMatrixRMaj left = new DMatrixRMaj(m, k);
        DMatrixRMaj right = new DMatrixRMaj(n, k);
        for (int j = 0; j < k; j++) {
            int i = order[j];
            values[j] = Math.sqrt(Math.max(x[i], 0.0));
            DMatrixRMaj v = eig.getEigenVector(i);
            for (int c = 0; c < n; c++) right.set(c, j, v.get(c, 0));
            // u_j = W v_j / σ_j: consistent signs within the pair, as the projections need
            double norm = 0;
            for (int r = 0; r < m; r++) {
                double s = 0;
                for (int c = 0; c < n; c++) s += w.get(r, c) * v.get(c, 0);
                left.set(r, j, s);
                norm += s * s;
            }
            norm = Math.sqrt(norm);
            if (norm > 0) for (int r = 0; r < m; r++) left.set(r, j, left.get(r, j) / norm);
        }
        return new Decomposed(ascending, new SingularPairs(values, left, right));
    }

    /** WᵀW, a fresh matrix: EJML may overwrite what it decomposes, and W must stay intact. */
    private static DMatrixRMaj gram(DMatrixRMaj w) {
        DMatrixRMaj x = new DMatrixRMaj(w.numCols, w.numCols);
        CommonOps_DDRM.multInner(w, x); // symmetric: EJML computes one triangle and mirrors it
        return x;
    }

    private static EigenDecomposition_F64<DMatrixRMaj> decompose(DMatrixRMaj symmetric, boolean vectors) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(symmetric.numCols, vectors, true);
        if (!eig.decompose(symmetric)) throw new IllegalStateException("eigen-decomposition of WᵀW failed");
        return eig;
    }
}
