package org.dysonsim.physics.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.laws.GaudinSpacing;
import org.dysonsim.physics.rng.CounterRng;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class BulkLevelStatisticsTest {
    @Test
    void goeSpectraPassGaudinsLawAndFailPoissons() {
        for (long seed = 1; seed <= 3; seed++) {
            int n = 300;
            DMatrixRMaj h = new DMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double g = CounterRng.gaussian(seed, 0, i, j, 0) * (i == j ? Math.sqrt(2) : 1);
                    h.set(i, j, g);
                    h.set(j, i, g);
                }
            }
            BulkLevelStatistics s = BulkLevelStatistics.of(eigenvalues(h), Double.POSITIVE_INFINITY);
            assertEquals(n, s.levels());
            assertTrue(s.goe(), s.toString());
            assertFalse(s.poisson(), s.toString());
        }
    }

    /** The bulk of a 784×300 Gaussian layer's WᵀW, the shape of mlp-fashion's first layer, inside its MP edge. */
    @Test
    void aGaussianLayersBulkRepelsLikeTheGoe() {
        int rows = 784, cols = 300;
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) w.set(i, j, CounterRng.gaussian(7, 0, i, j, 0));
        DMatrixRMaj gram = new DMatrixRMaj(cols, cols);
        CommonOps_DDRM.multTransA(w, w, gram);
        double edge = Math.pow(Math.sqrt(rows) + Math.sqrt(cols), 2);
        BulkLevelStatistics s = BulkLevelStatistics.of(eigenvalues(gram), edge);
        assertTrue(s.goe() && !s.poisson(), s.toString());
    }

    @Test
    void independentPointsPassPoissonsLawAndFailGaudins() {
        for (long seed = 1; seed <= 3; seed++) {
            double[] x = new double[300];
            for (int i = 0; i < x.length; i++) {
                double u = 0.2 + 0.8 * CounterRng.uniform(seed, 0, i, 0, 1);
                x[i] = u * u;
            }
            BulkLevelStatistics s = BulkLevelStatistics.of(x, 1.0);
            assertTrue(s.poisson(), s.toString());
            assertFalse(s.goe(), s.toString());
        }
    }

    @Test
    void fewerBulkLevelsThanTheMinimumAreNotTested() {
        double[] x = new double[40];
        for (int i = 0; i < x.length; i++) x[i] = i + 1;
        assertNull(BulkLevelStatistics.of(x, BulkLevelStatistics.MIN_LEVELS - 1.0));
    }

    @Test
    void theTabulatedGaudinLawMatchesTheDeterminant() {
        GaudinSpacing law = new GaudinSpacing();
        for (double s = 0.037; s < 4; s += 0.31) assertEquals(law.cdf(s), BulkLevelStatistics.GaudinTable.cdf(s), 1e-4);
    }

    private static double[] eigenvalues(DMatrixRMaj symmetric) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(symmetric.numRows, false, true);
        assertTrue(eig.decompose(symmetric.copy()));
        double[] out = new double[symmetric.numRows];
        for (int i = 0; i < out.length; i++) out[i] = eig.getEigenvalue(i).real;
        return out;
    }
}
