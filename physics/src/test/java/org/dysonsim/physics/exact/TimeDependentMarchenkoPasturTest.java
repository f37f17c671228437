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
    /** Relative error of the mean integrated from the tabulated CDF (trapezoid on 20 000 points). */
    private static final double MEAN_TOLERANCE = 2e-3;

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
        double[] pooled = pooledEigenvalues(w0, t, members, 23);
        KolmogorovSmirnov.Result right = KolmogorovSmirnov.oneSample(pooled, law::cdf);
        assertTrue(right.scaled() < KolmogorovSmirnov.CRITICAL_1E4, right.toString());
        KolmogorovSmirnov.Result noise = KolmogorovSmirnov.oneSample(pooled, new MarchenkoPastur(0.5, t)::cdf);
        assertTrue(noise.scaled() > KolmogorovSmirnov.CRITICAL_1E6, noise.toString());
    }

    /**
     * Small noise, s²t = 0.005 against signal eigenvalues 0.0125–0.11 (the first record of the
     * wishart-bru scenario): the law is a row of narrow, barely overlapping bumps, where the
     * continuation used to stall. Pooled eigenvalues of 120 matrices (p = 40, q = 160) against
     * it; the same law at twice the noise is rejected.
     */
    @Test
    void smallNoiseLawOfNarrowBumpsMatchesMatrices() {
        int p = 40, q = 160, members = 120;
        double t = 0.005;
        double[] h = new double[p];
        DMatrixRMaj w0 = new DMatrixRMaj(p, q);
        for (int i = 0; i < p; i++) {
            h[i] = 0.0125 + 0.0975 * i * i / ((p - 1.0) * (p - 1.0));
            w0.set(i, i, Math.sqrt(q * h[i]));
        }
        TimeDependentMarchenkoPastur law = new TimeDependentMarchenkoPastur(h, (double) p / q, t);
        assertEquals(1.0, law.cdf(law.upper()), 0.0);
        double[] pooled = pooledEigenvalues(w0, t, members, 29);
        KolmogorovSmirnov.Result right = KolmogorovSmirnov.oneSample(pooled, law::cdf);
        assertTrue(right.scaled() < KolmogorovSmirnov.CRITICAL_1E4, right.toString());
        TimeDependentMarchenkoPastur twice = new TimeDependentMarchenkoPastur(h, (double) p / q, 2 * t);
        KolmogorovSmirnov.Result wrong = KolmogorovSmirnov.oneSample(pooled, twice::cdf);
        assertTrue(wrong.scaled() > KolmogorovSmirnov.CRITICAL_1E6, wrong.toString());
    }

    /** The first moment of information plus noise is exact at any size: E tr(YYᵀ/q)/p = mean h + t. */
    @Test
    void meanOfTheLawIsTheSignalMeanPlusTheNoiseAtTinyT() {
        double[] h = {0.0134, 0.021, 0.0337, 0.0411, 0.0448, 0.0523, 0.068, 0.1004};
        for (double t : new double[] {1e-4, 1e-3, 5e-3}) {
            TimeDependentMarchenkoPastur law = new TimeDependentMarchenkoPastur(h, 0.25, t, 20_000);
            double mean = 0.0;
            for (double x = 0.0, dx = law.upper() / 20_000; x < law.upper(); x += dx) mean += (1.0 - law.cdf(x + 0.5 * dx)) * dx;
            double expected = java.util.Arrays.stream(h).average().orElseThrow() + t;
            assertEquals(expected, mean, MEAN_TOLERANCE * expected, "t = " + t);
        }
    }

    /**
     * The tabulated CDF, whose grid follows the root along x, against the same trapezoid of the
     * density continued in η at every point ({@link TimeDependentMarchenkoPastur#density}), for
     * signals of narrow bumps, a wide spread and an atom at 0 (c > 1): the same to 1e-9.
     */
    @Test
    void theGridFollowingTheRootAlongXIsTheEtaContinuationsOwn() {
        int grid = 400;
        for (int trial = 0; trial < 6; trial++) {
            double[] h = new double[trial % 2 == 0 ? 8 : 30];
            for (int i = 0; i < h.length; i++) {
                double g = CounterRng.gaussian(21, trial, i, 0, 0);
                h[i] = (trial < 2 ? 0.05 : 1.0) * g * g + (trial == 4 ? 2.0 * i : 0.0);
            }
            double c = trial == 5 ? 2.0 : 0.25, t = trial < 2 ? 0.003 : 0.2;
            TimeDependentMarchenkoPastur law = new TimeDependentMarchenkoPastur(h, c, t, grid);
            double atom = Math.max(0.0, 1.0 - 1.0 / c), dx = law.upper() / grid;
            double[] cdf = new double[grid + 1];
            for (int k = 1; k <= grid; k++) cdf[k] = cdf[k - 1] + 0.5 * (continued(law, (k - 1) * dx) + continued(law, k * dx)) * dx;
            for (int k = 0; k <= grid; k++) {
                double expected = atom + (1.0 - atom) * cdf[k] / cdf[grid];
                assertEquals(expected, law.cdf(k * dx), 1e-9, "trial " + trial + ", x = " + k * dx);
            }
        }
    }

    /** The density at x from the η continuation alone (0 outside (0, upper)). */
    private static double continued(TimeDependentMarchenkoPastur law, double x) {
        return x <= 0.0 || x >= law.upper() ? 0.0 : Math.max(0.0, law.stieltjes(x).getImaginary() / Math.PI);
    }

    /**
     * The density between grid points, from the nearest grid point's root, against the η
     * continuation at 2000 points of each law: the same to 1e-9 relative to the largest density.
     */
    @Test
    void theDensityFromTheNearestGridRootIsTheEtaContinuationsOwn() {
        for (int trial = 0; trial < 4; trial++) {
            double[] h = new double[12];
            for (int i = 0; i < h.length; i++) {
                double g = CounterRng.gaussian(22, trial, i, 0, 0);
                h[i] = (trial == 0 ? 0.02 : 1.0) * g * g;
            }
            TimeDependentMarchenkoPastur law = new TimeDependentMarchenkoPastur(h, trial == 3 ? 1.5 : 0.3, trial == 0 ? 0.004 : 0.3, 300);
            double[] exact = new double[2000];
            double largest = 0.0;
            for (int i = 0; i < exact.length; i++) largest = Math.max(largest, exact[i] = continued(law, law.upper() * (i + 0.37) / exact.length));
            for (int i = 0; i < exact.length; i++) {
                double x = law.upper() * (i + 0.37) / exact.length;
                assertEquals(exact[i], law.density(x), 1e-9 * largest, "trial " + trial + ", x = " + x);
            }
        }
    }

    /**
     * The eigenvalues of YYᵀ/q, Y = W₀ + √t·G (G p×q standard Gaussian, drawn with {@code seed}),
     * of {@code members} independent matrices, pooled.
     */
    private static double[] pooledEigenvalues(DMatrixRMaj w0, double t, int members, long seed) {
        int p = w0.numRows, q = w0.numCols;
        double[] pooled = new double[p * members];
        for (int m = 0; m < members; m++) {
            DMatrixRMaj y = w0.copy();
            for (int k = 0; k < p * q; k++) y.data[k] += Math.sqrt(t) * CounterRng.gaussian(seed, m, k, 0, 0);
            DMatrixRMaj yy = new DMatrixRMaj(p, p);
            CommonOps_DDRM.multTransB(y, y, yy);
            CommonOps_DDRM.scale(1.0 / q, yy);
            System.arraycopy(SymmetricEigenvalues.of(yy), 0, pooled, m * p, p);
        }
        return pooled;
    }
}
