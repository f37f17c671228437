package org.dysonsim.physics.rng;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * Normality of the Gaussian stream as the engine draws it (members × modes × steps at stream 0),
 * and independence of neighbouring counters. Every threshold is a level-1e-4 (or tighter)
 * quantile at the sample size used, so the fixed seeds pass unless the stream is wrong.
 */
class GaussianStreamTest {
    private static final long SEED = 20261206L;
    private static final int MEMBERS = 4, MODES = 50, STEPS = 500;
    private static final int N = MEMBERS * MODES * STEPS;
    /** Two-sided 5 standard errors: p ≈ 6·10⁻⁷ per moment. */
    private static final double SIGMAS = 5.0;
    /** Anderson–Darling A² (fully specified law) at the 1e-4 level, from Marsaglia and Marsaglia's
     *  asymptotic distribution (J. Stat. Softw. 9(2), 2004), which {@link #andersonDarlingCdf} evaluates. */
    private static final double AD_CRITICAL_1E4 = 8.10;

    private static double[] engineDraws(long seed, long stream) {
        double[] z = new double[N];
        int k = 0;
        for (int m = 0; m < MEMBERS; m++)
            for (int s = 0; s < STEPS; s++)
                for (int i = 0; i < MODES; i++) z[k++] = CounterRng.gaussian(seed, m, i, s, stream);
        return z;
    }

    private static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2.0));
    }

    @Test
    void kolmogorovSmirnovAgainstTheStandardNormal() {
        KolmogorovSmirnov.Result ks = KolmogorovSmirnov.oneSample(engineDraws(SEED, 1L << 32), GaussianStreamTest::normalCdf);
        assertTrue(ks.scaled() < KolmogorovSmirnov.CRITICAL_1E4, "√n·D = " + ks.scaled());
    }

    @Test
    void andersonDarlingAgainstTheStandardNormal() {
        double[] x = engineDraws(SEED + 1, 0);
        Arrays.sort(x);
        double sum = 0.0;
        for (int i = 0; i < N; i++) {
            double lower = normalCdf(x[i]), upperTail = 0.5 * Erf.erfc(x[N - 1 - i] / Math.sqrt(2.0));
            sum += (2.0 * i + 1.0) * (Math.log(lower) + Math.log(upperTail));
        }
        double a2 = -N - sum / N;
        assertTrue(a2 < AD_CRITICAL_1E4, "A² = " + a2);
        assertTrue(andersonDarlingCdf(AD_CRITICAL_1E4) > 0.9999 && andersonDarlingCdf(AD_CRITICAL_1E4 - 0.1) < 0.9999);
    }

    /** E z = 0, E z² = 1, E z³ = 0, E z⁴ = 3, each within 5 standard errors: √(Var z^k / N) with Var z^k = 1, 2, 15, 96. */
    @Test
    void firstFourMoments() {
        double[] z = engineDraws(SEED + 2, 7);
        double m1 = 0, m2 = 0, m3 = 0, m4 = 0;
        for (double v : z) {
            m1 += v;
            m2 += v * v;
            m3 += v * v * v;
            m4 += v * v * v * v;
        }
        m1 /= N;
        m2 /= N;
        m3 /= N;
        m4 /= N;
        double root = Math.sqrt(N);
        assertTrue(Math.abs(m1) < SIGMAS / root, "mean " + m1);
        assertTrue(Math.abs(m2 - 1) < SIGMAS * Math.sqrt(2) / root, "variance " + m2);
        assertTrue(Math.abs(m3) < SIGMAS * Math.sqrt(15) / root, "third moment " + m3);
        assertTrue(Math.abs(m4 - 3) < SIGMAS * Math.sqrt(96) / root, "fourth moment − 3: " + (m4 - 3));
    }

    /** Neighbouring modes, steps, members and streams are uncorrelated: |r| under 5/√n. */
    @Test
    void neighbouringCountersAndKeysAreUncorrelated() {
        int n = 25_000;
        double[][] shifts = {{0, 1, 0, 0}, {0, 0, 1, 0}, {1, 0, 0, 0}, {0, 0, 0, 1}};
        for (double[] d : shifts) {
            double sxy = 0;
            for (int k = 0; k < n; k++) {
                long i = k % 250, s = k / 250;
                sxy += CounterRng.gaussian(SEED, 3, i, s, 0)
                        * CounterRng.gaussian(SEED, 3 + (long) d[0], i + (long) d[1], s + (long) d[2], (long) d[3]);
            }
            assertTrue(Math.abs(sxy / n) < SIGMAS / Math.sqrt(n), Arrays.toString(d) + ": r = " + sxy / n);
        }
    }

    /** Uniforms: Kolmogorov–Smirnov against U(0, 1). */
    @Test
    void uniformsAreUniform() {
        double[] u = new double[N];
        for (int k = 0; k < N; k++) u[k] = CounterRng.uniform(SEED, k % MEMBERS, k / MEMBERS % MODES, k / (MEMBERS * MODES), 9001);
        KolmogorovSmirnov.Result ks = KolmogorovSmirnov.oneSample(u, x -> x);
        assertTrue(ks.scaled() < KolmogorovSmirnov.CRITICAL_1E4, "√n·D = " + ks.scaled());
    }

    /** Marsaglia and Marsaglia's asymptotic Anderson–Darling distribution (their adinf, J. Stat. Softw. 9(2), 2004). */
    static double andersonDarlingCdf(double z) {
        if (z < 2) {
            return Math.exp(-1.2337141 / z) / Math.sqrt(z)
                    * (2.00012 + (.247105 - (.0649821 - (.0347962 - (.011672 - .00168691 * z) * z) * z) * z) * z);
        }
        return Math.exp(-Math.exp(1.0776 - (2.30695 - (.43424 - (.082433 - (.008056 - .0003146 * z) * z) * z) * z) * z));
    }
}
