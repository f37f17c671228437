package org.dysonsim.physics.network;

import org.dysonsim.physics.sgd.SingularPairs;
import org.dysonsim.physics.sgd.WeightSpectrum;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The spectrum of WᵀW for a layer's W (rows × cols) and its top singular pairs. A layer with fewer
 * rows than columns decomposes the smaller W Wᵀ: its eigenvalues are the nonzero ones of WᵀW,
 * and the other cols − rows are exactly zero (WᵀW has rank ≤ rows).
 */
public final class LayerSpectrum {
    private LayerSpectrum() {}

    /** The cols eigenvalues of WᵀW, ascending, and the top {@code k} singular pairs of W. */
    public static WeightSpectrum.Decomposed of(DMatrixRMaj w, int k) {
        if (w.numRows >= w.numCols) return WeightSpectrum.withTopPairs(w, k);
        DMatrixRMaj t = new DMatrixRMaj(w.numCols, w.numRows);
        CommonOps_DDRM.transpose(w, t);
        WeightSpectrum.Decomposed d = WeightSpectrum.withTopPairs(t, k);
        double[] eigenvalues = new double[w.numCols];
        System.arraycopy(d.eigenvalues(), 0, eigenvalues, w.numCols - w.numRows, w.numRows);
        SingularPairs p = d.top();
        return new WeightSpectrum.Decomposed(eigenvalues, new SingularPairs(p.values(), p.right(), p.left()));
    }
}
