package org.dysonsim.physics.sgd;

import org.ejml.data.DMatrixRMaj;

/**
 * The top k singular triplets of W (M×N): {@code values[j]} descending, {@code left} M×k with
 * columns u_j, {@code right} N×k with columns v_j, W v_j = σ_j u_j.
 */
public record SingularPairs(double[] values, DMatrixRMaj left, DMatrixRMaj right) {
    public int k() {
        return values.length;
    }

    /** u_jᵀ A v_j for an M×N matrix A. */
    public double project(DMatrixRMaj a, int j) {
        int m = a.numRows, n = a.numCols;
        double sum = 0;
        for (int r = 0; r < m; r++) {
            double ur = left.get(r, j);
            if (ur == 0) continue;
            double row = 0;
            int base = r * n;
            for (int c = 0; c < n; c++) row += a.data[base + c] * right.get(c, j);
            sum += ur * row;
        }
        return sum;
    }

    /** u_j · x for x ∈ R^M. */
    public double left(double[] x, int offset, int j) {
        double s = 0;
        for (int r = 0; r < left.numRows; r++) s += left.get(r, j) * x[offset + r];
        return s;
    }

    /** v_j · y for y ∈ R^N. */
    public double right(double[] y, int offset, int j) {
        double s = 0;
        for (int c = 0; c < right.numRows; c++) s += right.get(c, j) * y[offset + c];
        return s;
    }
}
