package org.dysonsim.physics.stats;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * One- and two-sample Kolmogorov–Smirnov statistics. p-values from the asymptotic Kolmogorov
 * distribution {@code Q(λ) = 2Σ(−1)^{k−1}e^{−2k²λ²}} at Stephens' corrected
 * {@code λ = (√n_e + 0.12 + 0.11/√n_e)D}, n_e the effective size (Numerical Recipes §14.3).
 * Critical values of {@code √n_e·D}: docs/physics.md §7.
 */
public final class KolmogorovSmirnov {
    /** √n·D at the 1e-4 and 1e-6 levels (docs/physics.md §7). */
    public static final double CRITICAL_1E4 = 2.2253, CRITICAL_1E6 = 2.6934;

    private KolmogorovSmirnov() {}

    /** D, the effective size n_e and the asymptotic p-value. */
    public record Result(double distance, double effectiveSize, double pValue) {
        /** {@code √n_e·D}, the quantity the critical values refer to. */
        public double scaled() {
            return Math.sqrt(effectiveSize) * distance;
        }
    }

    public static Result oneSample(double[] samples, DoubleUnaryOperator cdf) {
        double[] x = samples.clone();
        Arrays.sort(x);
        int n = x.length;
        double d = 0.0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(x[i]);
            d = Math.max(d, Math.max(f - (double) i / n, (double) (i + 1) / n - f));
        }
        return new Result(d, n, pValue(d, n));
    }

    public static Result twoSample(double[] a, double[] b) {
        double[] x = a.clone(), y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0, j = 0, n = x.length, m = y.length;
        double d = 0.0;
        while (i < n && j < m) {
            double v = Math.min(x[i], y[j]);
            while (i < n && x[i] <= v) i++;
            while (j < m && y[j] <= v) j++;
            d = Math.max(d, Math.abs((double) i / n - (double) j / m));
        }
        double ne = (double) n * m / (n + m);
        return new Result(d, ne, pValue(d, ne));
    }

    /** Kolmogorov's survival function {@code Q(λ)}. */
    public static double kolmogorovSurvival(double lambda) {
        if (lambda < 0.2) return 1.0;
        double sum = 0.0;
        for (int k = 1; k <= 100; k++) {
            double term = Math.exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? 2.0 : -2.0) * term;
            if (term < 1e-17) break;
        }
        return Math.max(0.0, Math.min(1.0, sum));
    }

    public static double pValue(double distance, double effectiveSize) {
        double r = Math.sqrt(effectiveSize);
        return kolmogorovSurvival((r + 0.12 + 0.11 / r) * distance);
    }
}
