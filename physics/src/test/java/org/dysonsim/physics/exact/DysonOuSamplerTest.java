package org.dysonsim.physics.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
