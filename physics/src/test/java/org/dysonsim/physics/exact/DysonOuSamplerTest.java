package org.dysonsim.physics.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.laws.TwoModeDensity;
import org.dysonsim.physics.laws.WignerSurmise;
import org.dysonsim.physics.stats.BinderCumulant;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.junit.jupiter.api.Test;

class DysonOuSamplerTest {
    private static final int MEMBERS = 4000;
    private static final double Z = 5.0;

    /**
     * {@code tr H = e^{−at}Σx₀ + s·tr G} and {@code E tr H² = e^{−2at}Σx₀² + s²N(N + 1)}: exact
     * moments of the sampler, checked within 5 standard errors of the member average.
     */
    @Test
    void traceMomentsAreExact() {
        double[] x0 = {-1.0, 0.2, 0.3, 2.0};
        double a = 0.8, g2 = 0.5, t = 0.6;
        DysonOuSampler sampler = new DysonOuSampler(x0, a, g2, t);
        int n = x0.length;
        double shrink = Math.exp(-a * t), s2 = g2 * -Math.expm1(-2 * a * t) / (2 * a);
        double sum0 = 0, sq0 = 0;
        for (double v : x0) {
            sum0 += v;
            sq0 += v * v;
        }
        double[] tr = new double[MEMBERS], tr2 = new double[MEMBERS];
        for (int m = 0; m < MEMBERS; m++) {
            double[] e = sampler.sample(3, m);
            for (int i = 0; i < n; i++) {
                tr[m] += e[i];
                tr2[m] += e[i] * e[i];
            }
            for (int i = 1; i < n; i++) assertTrue(e[i] >= e[i - 1]);
        }
        assertEquals(shrink * sum0, mean(tr), Z * se(tr));
        assertEquals(shrink * shrink * sq0 + s2 * n * (n + 1), mean(tr2), Z * se(tr2));
        assertEquals(2 * n * s2, variance(tr), Z * variance(tr) * Math.sqrt(2.0 / MEMBERS));
    }

    /**
     * Two levels in one harmonic well relax to the two-mode law (docs/physics.md §3, σ² = g²/a): the
     * one-level density, the β = 1 surmise for the spacing (mean √π σ), and the Binder cumulant
     * B = −4/27, whose SE comes from 20 independent blocks. Power: the Gaussian (B = 0) and the
     * β = 2 surmise are rejected on the same samples.
     */
    @Test
    void stationaryPairIsTheTwoModeLaw() {
        int members = 40_000, blocks = 20;
        double a = 2.0, g2 = 0.6, sigma2 = g2 / a;
        DysonOuSampler sampler = new DysonOuSampler(new double[] {-0.1, 0.1}, a, g2, 20.0);   // e^{−at} = 4e-18
        double[] levels = new double[2 * members], gaps = new double[members];
        for (int m = 0; m < members; m++) {
            double[] e = sampler.sample(8, m);
            levels[2 * m] = e[0];
            levels[2 * m + 1] = e[1];
            gaps[m] = e[1] - e[0];
        }
        TwoModeDensity rho = new TwoModeDensity(sigma2);
        // the two levels of a member are dependent: use one per member for the KS test
        double[] lower = new double[members];
        for (int m = 0; m < members; m++) lower[m] = levels[2 * m + (m % 2)];
        assertTrue(KolmogorovSmirnov.oneSample(lower, rho::cdf).scaled() < KolmogorovSmirnov.CRITICAL_1E4);
        assertTrue(KolmogorovSmirnov.oneSample(gaps, rho.spacing()::cdf).scaled() < KolmogorovSmirnov.CRITICAL_1E4);
        assertTrue(KolmogorovSmirnov.oneSample(gaps, new WignerSurmise(2, Math.sqrt(Math.PI * sigma2))::cdf).scaled() > KolmogorovSmirnov.CRITICAL_1E6);
        double[] b = new double[blocks];
        int per = 2 * members / blocks;
        for (int k = 0; k < blocks; k++) b[k] = BinderCumulant.about(java.util.Arrays.copyOfRange(levels, k * per, (k + 1) * per), 0.0);
        double seB = Math.sqrt(variance(b) / blocks);
        assertEquals(-4.0 / 27.0, BinderCumulant.about(levels, 0.0), Z * seB);
        assertTrue(Math.abs(BinderCumulant.about(levels, 0.0)) > Z * seB, "Gaussian B = 0 must be rejected");
    }

    @Test
    void zeroTimeReturnsTheInitialSpectrum() {
        double[] e = new DysonOuSampler(new double[] {3, 1, 2}, 1, 1, 0).sample(1, 1);
        assertEquals(1.0, e[0], 1e-15);
        assertEquals(3.0, e[2], 1e-15);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    private static double variance(double[] x) {
        double m = mean(x), s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return s / (x.length - 1);
    }

    private static double se(double[] x) {
        return Math.sqrt(variance(x) / x.length);
    }
}
