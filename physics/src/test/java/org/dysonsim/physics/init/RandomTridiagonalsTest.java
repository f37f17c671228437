package org.dysonsim.physics.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.dysonsim.physics.laws.MarchenkoPastur;
import org.dysonsim.physics.laws.Semicircle;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class RandomTridiagonalsTest {
    /**
     * Eigenvalues are rigid: their empirical CDF is within O(log n / n) of the law, far inside
     * the iid Kolmogorov band 1.36/√n. log(n)/n is a fifth of that band at n = 2000; an iid
     * sample, or a wrong scale of a few parts in a thousand, exceeds it.
     */
    private static double threshold(int n) {
        return Math.log(n) / n;
    }

    @Test
    void laguerreSpectrumFollowsMarchenkoPastur() {
        int rows = 4000, cols = 2000;
        double sigma2 = 0.25;
        double[] v = RandomTridiagonals.laguerre(rows, cols, sigma2, 11, 0);
        MarchenkoPastur law = MarchenkoPastur.ofGram(rows, cols, sigma2);
        double distance = KolmogorovSmirnov.oneSample(v, law::cdf).distance();
        System.out.printf("beta-Laguerre n = %d: KS distance to Marchenko-Pastur %.2e (threshold %.2e)%n",
                cols, distance, threshold(cols));
        assertTrue(distance < threshold(cols), "KS distance " + distance);
        for (int i = 1; i < cols; i++) assertTrue(v[i] > v[i - 1], "ascending and distinct");
    }

    @Test
    void hermiteSpectrumFollowsTheSemicircle() {
        int n = 2000;
        double sigma2 = 2.0;
        double[] v = RandomTridiagonals.hermite(n, sigma2, 12, 0);
        double distance = KolmogorovSmirnov.oneSample(v, new Semicircle(0.0, n * sigma2)::cdf).distance();
        System.out.printf("beta-Hermite n = %d: KS distance to the semicircle %.2e (threshold %.2e)%n",
                n, distance, threshold(n));
        assertTrue(distance < threshold(n), "KS distance " + distance);
    }

    /**
     * The pooled spectra of many GOE matrices: their mean CDF is within the reports' finite-N
     * allowance 0.5/N of the semicircle (measured 0.20/N at N = 64), and a semicircle 10 % wider
     * is rejected by the reports' whole rule, 2.2253/√(pooled levels) + 0.5/N.
     */
    @Test
    void goeStartMeanSpectrumIsWithinTheAllowanceOfTheSemicircle() {
        int n = 64, members = 1000;
        double sigma2 = 0.5;
        InitialSpectrum goe = new InitialSpectrum.Goe(n, sigma2);
        double[] pooled = new double[n * members];
        for (int m = 0; m < members; m++) System.arraycopy(goe.sample(9, m), 0, pooled, m * n, n);
        double allowance = 0.5 / n;
        double distance = KolmogorovSmirnov.oneSample(pooled, new Semicircle(0.0, n * sigma2)::cdf).distance();
        double wider = KolmogorovSmirnov.oneSample(pooled, new Semicircle(0.0, 1.21 * n * sigma2)::cdf).distance();
        System.out.printf("GOE n = %d, %d members pooled: KS %.2e = %.2f/N against the semicircle, %.2e against one 10%% wider%n",
                n, members, distance, distance * n, wider);
        assertTrue(distance < allowance, "KS distance " + distance);
        double rule = KolmogorovSmirnov.CRITICAL_1E4 / Math.sqrt(pooled.length) + allowance;
        assertTrue(wider > rule, "a 10 % wider semicircle is not rejected: " + wider + " against " + rule);
    }

    @Test
    void goeStartIsAFunctionOfSeedAndMember() {
        InitialSpectrum goe = new InitialSpectrum.Goe(200, 2.0);
        assertArrayEquals(RandomTridiagonals.hermite(200, 2.0, 4, 3), goe.sample(4, 3), 0.0);
        assertArrayEquals(goe.sample(4, 3), goe.sample(4, 3), 0.0);
        assertFalse(Arrays.equals(goe.sample(4, 3), goe.sample(4, 2)), "members differ");
        assertFalse(Arrays.equals(goe.sample(4, 3), goe.sample(5, 3)), "seeds differ");
        double[] v = goe.sample(4, 3);
        for (int i = 1; i < v.length; i++) assertTrue(v[i] > v[i - 1], "ascending and distinct");
    }

    @Test
    void fewerRowsThanColumnsLeavesZeros() {
        double[] v = RandomTridiagonals.laguerre(3, 5, 1.0, 1, 0);
        assertEquals(0.0, v[0]);
        assertEquals(0.0, v[1]);
        assertTrue(v[2] > 0);
    }

    @Test
    void tridiagonalQlMatchesTheDenseDecomposition() {
        int n = 60;
        double[] d = new double[n], e = new double[n - 1];
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            d[i] = Math.sin(1.7 * i) * 3.0;
            a.set(i, i, d[i]);
            if (i + 1 < n) {
                e[i] = i % 7 == 3 ? 0.0 : Math.cos(0.9 * i); // a zero splits the matrix
                a.set(i, i + 1, e[i]);
                a.set(i + 1, i, e[i]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(eig.decompose(a));
        double[] dense = new double[n];
        for (int i = 0; i < n; i++) dense[i] = eig.getEigenvalue(i).getReal();
        Arrays.sort(dense);
        assertArrayEquals(dense, TridiagonalEigenvalues.of(d, e), 1e-12);
    }

    @Test
    void largeMarchenkoPasturStartNeverBuildsTheMatrix() {
        // 40 000 × 400: 1.6·10⁷ entries, above the dense limit (W alone would take 128 MB)
        InitialSpectrum.MarchenkoPastur init = new InitialSpectrum.MarchenkoPastur(40_000, 400, 1e-4);
        assertTrue((long) init.rows() * init.cols() > InitialSpectrum.MarchenkoPastur.DENSE_LIMIT);
        assertArrayEquals(RandomTridiagonals.laguerre(40_000, 400, 1e-4, 5, 2), init.sample(5, 2), 0.0);
    }
}
