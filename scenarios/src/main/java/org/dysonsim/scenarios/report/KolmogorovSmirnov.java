package org.dysonsim.scenarios.report;

import java.util.function.DoubleUnaryOperator;

/** The one-sample Kolmogorov–Smirnov distance and its asymptotic p-value for independent samples. */
public final class KolmogorovSmirnov {
    /** Asymptotic Kolmogorov critical value at level 0.001: P(√n D > 1.9495) = 0.001. */
    public static final double CRITICAL_0_001 = 1.9495;

    private KolmogorovSmirnov() {}

    /** sup |F_n − F| over an ascending sample. */
    public static double distance(double[] sorted, DoubleUnaryOperator cdf) {
        int n = sorted.length;
        double d = 0.0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(sorted[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return d;
    }

    /**
     * P(D ≥ d) from Kolmogorov's series {@code Q(λ) = 2 Σ (−1)^{k−1} e^{−2k²λ²}} with Stephens'
     * finite-n argument {@code λ = (√n + 0.12 + 0.11/√n) d}.
     */
    public static double pValue(double d, int n) {
        double sn = Math.sqrt(n);
        double lambda = (sn + 0.12 + 0.11 / sn) * d;
        if (lambda < 0.2) return 1.0;
        double sum = 0.0;
        for (int k = 1; k <= 100; k++) {
            double term = Math.exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? 1 : -1) * term;
            if (term < 1e-16) break;
        }
        return Math.max(0.0, Math.min(1.0, 2.0 * sum));
    }
}
