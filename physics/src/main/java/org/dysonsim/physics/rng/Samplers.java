package org.dysonsim.physics.rng;

/** Exact samplers for the distributions the square-root diffusions need, driven by a {@link CounterStream}. */
public final class Samplers {
    private Samplers() {}

    /** Gamma(shape, 1) by Marsaglia &amp; Tsang, ACM TOMS 26 (2000); shape &lt; 1 through {@code G(a+1)·U^{1/a}}. */
    public static double gamma(double shape, CounterStream r) {
        if (shape < 1.0) {
            double u = r.uniform();
            return gamma(shape + 1.0, r) * Math.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = r.gaussian();
            double v = 1.0 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = r.uniform();
            if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
            if (Math.log(u) < 0.5 * x * x + d * (1.0 - v + Math.log(v))) return d * v;
        }
    }

    /** Chi-squared with {@code k > 0} (real) degrees of freedom. */
    public static double chiSquared(double k, CounterStream r) {
        return 2.0 * gamma(0.5 * k, r);
    }

    /**
     * Poisson(mean): multiplication of uniforms for small means, otherwise the PTRS transformed
     * rejection of Hörmann, Insurance Math. Econom. 12 (1993).
     */
    public static long poisson(double mean, CounterStream r) {
        if (mean <= 0) return 0;
        if (mean < 10) {
            double limit = Math.exp(-mean);
            double p = r.uniform();
            long k = 0;
            while (p > limit) {
                p *= r.uniform();
                k++;
            }
            return k;
        }
        double slam = Math.sqrt(mean);
        double loglam = Math.log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = r.uniform() - 0.5;
            double v = r.uniform();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) return k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            double lhs = Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b);
            double rhs = -mean + k * loglam - org.hipparchus.special.Gamma.logGamma(k + 1.0);
            if (lhs <= rhs) return k;
        }
    }

    /** Non-central chi-squared (docs/physics.md §2): {@code (Z + √λ)² + χ²_{d−1}} for d &gt; 1, else a Poisson mixture. */
    public static double noncentralChiSquared(double d, double lambda, CounterStream r) {
        if (d > 1.0) {
            double z = r.gaussian() + Math.sqrt(lambda);
            return z * z + chiSquared(d - 1.0, r);
        }
        long k = poisson(0.5 * lambda, r);
        double dof = d + 2.0 * k;
        return dof > 0 ? chiSquared(dof, r) : 0.0;
    }
}
