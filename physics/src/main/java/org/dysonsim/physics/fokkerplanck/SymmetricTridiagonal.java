package org.dysonsim.physics.fokkerplanck;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * A symmetric tridiagonal matrix (diagonal d, off-diagonal e, {@code e[i]} between i and i + 1):
 * the lowest eigenvalues by Sturm-sequence bisection (no eigenvectors, O(n) per count), and the
 * full eigen-decomposition through EJML when the time evolution is wanted.
 */
public record SymmetricTridiagonal(double[] diagonal, double[] offDiagonal) {
    public SymmetricTridiagonal {
        if (offDiagonal.length != diagonal.length - 1) throw new IllegalArgumentException("off-diagonal must have n − 1 entries");
        diagonal = diagonal.clone();
        offDiagonal = offDiagonal.clone();
    }

    public int size() {
        return diagonal.length;
    }

    /** Number of eigenvalues below x (Sturm count of the LDLᵀ pivots). */
    public int countBelow(double x) {
        int count = 0;
        double q = 1.0;
        for (int i = 0; i < diagonal.length; i++) {
            double e2 = i == 0 ? 0.0 : offDiagonal[i - 1] * offDiagonal[i - 1];
            q = diagonal[i] - x - (i == 0 ? 0.0 : e2 / q);
            if (q == 0.0) q = -1e-300;
            if (q < 0.0) count++;
        }
        return count;
    }

    /** The k smallest eigenvalues, ascending, to about 1e-14 of the spectral radius. */
    public double[] lowestEigenvalues(int k) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < diagonal.length; i++) {
            double r = (i > 0 ? Math.abs(offDiagonal[i - 1]) : 0.0) + (i < offDiagonal.length ? Math.abs(offDiagonal[i]) : 0.0);
            lo = Math.min(lo, diagonal[i] - r);
            hi = Math.max(hi, diagonal[i] + r);
        }
        double tol = 1e-15 * Math.max(Math.abs(lo), Math.abs(hi));
        double[] out = new double[k];
        for (int j = 0; j < k; j++) {
            double a = lo, b = hi;
            while (b - a > tol) {
                double mid = 0.5 * (a + b);
                if (mid == a || mid == b) break;
                if (countBelow(mid) > j) b = mid;
                else a = mid;
            }
            out[j] = 0.5 * (a + b);
        }
        return out;
    }

    /** Eigenvalues ascending and the matching orthonormal eigenvectors as columns. */
    public record Eigen(double[] values, DMatrixRMaj vectors) {}

    public Eigen eigen() {
        int n = diagonal.length;
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            m.set(i, i, diagonal[i]);
            if (i + 1 < n) {
                m.set(i, i + 1, offDiagonal[i]);
                m.set(i + 1, i, offDiagonal[i]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(m)) throw new IllegalStateException("eigen-decomposition failed");
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(eig.getEigenvalue(x).getReal(), eig.getEigenvalue(y).getReal()));
        double[] values = new double[n];
        DMatrixRMaj vectors = new DMatrixRMaj(n, n);
        for (int c = 0; c < n; c++) {
            values[c] = eig.getEigenvalue(order[c]).getReal();
            DMatrixRMaj v = eig.getEigenVector(order[c]);
            for (int r = 0; r < n; r++) vectors.set(r, c, v.get(r, 0));
        }
        return new Eigen(values, vectors);
    }
}
