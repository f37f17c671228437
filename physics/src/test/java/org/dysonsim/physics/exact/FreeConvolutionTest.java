package org.dysonsim.physics.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.laws.GaussLegendre;
import org.dysonsim.physics.laws.InverseCdf;
import org.dysonsim.physics.laws.Semicircle;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.junit.jupiter.api.Test;

class FreeConvolutionTest {
    /** The tabulated CDF: exact at the points of a 20 000-point grid, linear in x between them. */
    private static final double CDF_TOLERANCE = 1e-6;
    private static final int N = 100, MEMBERS = 300;

    @Test
    void pointMassSpreadsIntoTheSemicircle() {
        Semicircle sc = new Semicircle(0.3, 2.0);
        FreeConvolution fc = new FreeConvolution(new double[] {0.3}, 2.0);
        for (double x = -2.6; x <= 3.2; x += 0.05) {
            assertEquals(sc.density(x), fc.density(x), 1e-12);
            assertEquals(sc.cdf(x), fc.cdf(x), CDF_TOLERANCE);
            // linear between table points 3e-4 apart; the √ edge limits it to about √(3e-4)/(πτ)
            assertEquals(sc.density(x), fc.tabulatedDensity(x), 4e-3);
        }
    }

    @Test
    void aDysonOuReadLongAfterItsStartIsTheEquilibriumSemicircle() {
        double[] x0 = new double[16];
        for (int i = 0; i < x0.length; i++) x0[i] = 8.0 + i;
        double a = 1.0, g2 = 0.5;
        Semicircle equilibrium = new Semicircle(0.0, x0.length * g2 / (2 * a));
        // at t = 200 the atoms are e^{-200}·x₀ ≈ 1e-86 apart: their squared differences once overflowed Newton's sums into NaN
        for (double t : new double[] {50, 200, 300, 400}) {
            FreeConvolution fc = FreeConvolution.dysonOrnsteinUhlenbeck(x0, a, g2, t);
            for (double x : new double[] {-2.5, -1, 0, 0.7, 2.5}) {
                assertEquals(equilibrium.cdf(x), fc.cdf(x), 1e-5, "t = " + t + ", x = " + x);
            }
        }
    }

    @Test
    void bimodalDensityIsNormalised() {
        FreeConvolution fc = new FreeConvolution(new double[] {-1, -1, 0.5, 2}, 0.2);
        GaussLegendre rule = new GaussLegendre(20);
        double mass = rule.integrate(fc::density, fc.lower(), fc.upper(), 400);
        assertEquals(1.0, mass, 1e-4);   // brute quadrature across the √ edges
        assertEquals(1.0, fc.cdf(fc.upper() + 1), 0.0);
    }

    /**
     * Main oracle (docs/physics.md §3): two clusters relaxing under Dyson OU, N = 100, against the
     * exact matrix sampler. Two-sample KS between the pooled eigenvalues of 300 members and as
     * many i.i.d. draws from the law; pooled eigenvalues are rigid, which only makes the test
     * conservative, and their finite-N bias (~2e-3) is far below the tolerance 2.23/√n_e ≈ 0.018.
     * Power: the law that forgets to shrink the initial atoms by e^{−at} must be rejected.
     */
    @Test
    void matchesTheExactDysonOuMatrixSampler() {
        double a = 0.5, g2 = 1.0 / N, t = 0.4;
        double[] x0 = new double[N];
        for (int i = 0; i < N; i++) x0[i] = i < N / 2 ? -1.5 : 1.5;
        FreeConvolution law = FreeConvolution.dysonOrnsteinUhlenbeck(x0, a, g2, t);
        DysonOuSampler sampler = new DysonOuSampler(x0, a, g2, t);
        double[] pooled = new double[N * MEMBERS];
        for (int m = 0; m < MEMBERS; m++) System.arraycopy(sampler.sample(17, m), 0, pooled, m * N, N);
        double[] draws = drawsFrom(law, pooled.length, 18);
        KolmogorovSmirnov.Result right = KolmogorovSmirnov.twoSample(pooled, draws);
        assertTrue(right.scaled() < KolmogorovSmirnov.CRITICAL_1E4, right.toString());
        FreeConvolution unshrunk = new FreeConvolution(x0, law.tau());
        KolmogorovSmirnov.Result wrong = KolmogorovSmirnov.twoSample(pooled, drawsFrom(unshrunk, pooled.length, 19));
        assertTrue(wrong.scaled() > KolmogorovSmirnov.CRITICAL_1E6, wrong.toString());
    }

    private static double[] drawsFrom(FreeConvolution law, int n, long seed) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = InverseCdf.quantile(law, CounterRng.uniform(seed, 0, i, 0, 0));
        return x;
    }

    /**
     * Shortly after a GOE start (N = 512, τ = 0.25: v(u) ripples on a fifth of the atoms' spacing) a
     * grid of 2N points gives the CDF of a grid of 16N to within 1/N, the most linear interpolation
     * in x can miss inside one cell when each point is exact; a trapezoid rule on that grid was
     * 0.017 off.
     */
    @Test
    void theCdfIsExactAtTheGridPointsOfACoarseGrid() {
        int n = 512;
        double[] atoms = new org.dysonsim.physics.init.InitialSpectrum.Goe(n, 0.5).sample(7, 0);
        FreeConvolution coarse = new FreeConvolution(atoms, 0.25, 2 * n), fine = new FreeConvolution(atoms, 0.25, 16 * n);
        double worst = 0;
        for (int k = 0; k <= 4000; k++) {
            double x = -40 + 80.0 * k / 4000;
            worst = Math.max(worst, Math.abs(coarse.cdf(x) - fine.cdf(x)));
        }
        assertTrue(worst < 1.0 / n, "largest CDF difference " + worst);
    }
}
