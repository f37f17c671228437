package org.dysonsim.physics.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.laws.MarchenkoPastur;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class TimeDependentMarchenkoPasturTest {
    /** η stops at 1e-9: the density is resolved to ~1e-6 next to the √ edges (measured 7e-7). */
    private static final double DENSITY_TOLERANCE = 2e-6;
    /** Trapezoid CDF on 2000 points across √ edges (measured 6e-5). */
    private static final double CDF_TOLERANCE = 2e-4;

    @Test
    void noSignalIsMarchenkoPasturWithVarianceT() {
        double c = 0.5, t = 0.7;
        TimeDependentMarchenkoPastur law = new TimeDependentMarchenkoPastur(new double[40], c, t);
        MarchenkoPastur mp = new MarchenkoPastur(c, t);
        for (double x = 0.02; x < 2.6; x += 0.02) {
            assertEquals(mp.density(x), law.density(x), DENSITY_TOLERANCE, "x = " + x);
            assertEquals(mp.cdf(x), law.cdf(x), CDF_TOLERANCE, "x = " + x);
        }
    }

    /**
     * {@code Y = W₀ + √t G}, p = 40, q = 80, W₀ with two singular directions: the largest
     * eigenvalue of {@code YYᵀ/q} is not the point here, the bulk is: pooled eigenvalues of 150
     * matrices against the law (rigid pooled samples: conservative), and the law without the signal
     * is rejected.
     */
    @Test
    void matchesInformationPlusNoiseMatrices() {
        int p = 40, q = 80, members = 150;
        double t = 0.5;
        DMatrixRMaj w0 = new DMatrixRMaj(p, q);
        for (int i = 0; i < p; i++) w0.set(i, i, i % 2 == 0 ? Math.sqrt(q * 2.0) : Math.sqrt(q * 0.5));
        double[] h = new double[p];
        for (int i = 0; i < p; i++) h[i] = i % 2 == 0 ? 2.0 : 0.5;
        TimeDependentMarchenkoPastur law = new TimeDependentMarchenkoPastur(h, (double) p / q, t);
        double[] pooled = new double[p * members];
        for (int m = 0; m < members; m++) {
            DMatrixRMaj y = w0.copy();
            for (int k = 0; k < p * q; k++) y.data[k] += Math.sqrt(t) * CounterRng.gaussian(23, m, k, 0, 0);
            DMatrixRMaj yy = new DMatrixRMaj(p, p);
            CommonOps_DDRM.multTransB(y, y, yy);
            CommonOps_DDRM.scale(1.0 / q, yy);
            System.arraycopy(SymmetricEigenvalues.of(yy), 0, pooled, m * p, p);
        }
        KolmogorovSmirnov.Result right = KolmogorovSmirnov.oneSample(pooled, law::cdf);
        assertTrue(right.scaled() < KolmogorovSmirnov.CRITICAL_1E4, right.toString());
        KolmogorovSmirnov.Result noise = KolmogorovSmirnov.oneSample(pooled, new MarchenkoPastur(0.5, t)::cdf);
        assertTrue(noise.scaled() > KolmogorovSmirnov.CRITICAL_1E6, noise.toString());
    }
}
