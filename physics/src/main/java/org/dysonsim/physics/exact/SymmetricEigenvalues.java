package org.dysonsim.physics.exact;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Ascending eigenvalues of a symmetric matrix by EJML (on a copy: EJML may overwrite its input). */
final class SymmetricEigenvalues {
    private SymmetricEigenvalues() {}

    static double[] of(DMatrixRMaj symmetric) {
        int n = symmetric.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(symmetric.copy())) throw new IllegalStateException("eigen-decomposition failed");
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = eig.getEigenvalue(i).getReal();
        Arrays.sort(v);
        return v;
    }
}
