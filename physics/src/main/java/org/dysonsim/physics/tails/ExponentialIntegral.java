package org.dysonsim.physics.tails;

import org.dysonsim.physics.laws.GaussLegendre;

/**
 * The generalised exponential integral {@code E_s(z) = ∫₁^∞ t^{−s} e^{−zt} dt} for real s and z ≥ 0
 * (s &gt; 1 when z = 0), as a logarithm: the normaliser of the truncated power law
 * {@code ∫_a^∞ x^{−α}e^{−λx}dx = a^{1−α} E_α(λa)} (docs/physics.md §8).
 * For z &gt; 1 the continued fraction of Numerical Recipes §6.3 (modified Lentz); for z ≤ 1 the
 * integral is split at t = 2/z: Gauss–Legendre in u = ln t on [0, ln(2/z)], where the integrand
 * {@code e^{(1−s)u − z e^u}} is smooth, plus {@code z^{s−1} 2^{1−s} E_s(2)} beyond.
 */
public final class ExponentialIntegral {
    private static final GaussLegendre RULE = new GaussLegendre(16);
    private static final double TINY = 1e-300, EPS = 1e-15;

    private ExponentialIntegral() {}

    /** {@code ln E_s(z)}. */
    public static double log(double s, double z) {
        if (z < 0 || Double.isNaN(z)) throw new IllegalArgumentException("need z ≥ 0, got " + z);
        if (z == 0.0) {
            if (!(s > 1.0)) return Double.POSITIVE_INFINITY;
            return -Math.log(s - 1.0);
        }
        if (z > 1.0) return logContinuedFraction(s, z);
        double end = Math.log(2.0 / z);
        int panels = (int) Math.ceil(end) + 4;
        double near = RULE.integrate(u -> Math.exp((1.0 - s) * u - z * Math.exp(u)), 0.0, end, panels);
        double far = Math.exp((s - 1.0) * Math.log(z) + (1.0 - s) * Math.log(2.0) + logContinuedFraction(s, 2.0));
        return Math.log(near + far);
    }

    /** NR eq. 6.3.5 for real order: {@code E_s(z) = e^{−z}·(1/(z+s−) 1·s/(z+s+2−) 2(s+1)/(z+s+4−)⋯)}. */
    private static double logContinuedFraction(double s, double z) {
        double b = z + s, c = 1.0 / TINY, d = 1.0 / b, h = d;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (s - 1.0 + i);
            b += 2.0;
            d = an * d + b;
            if (Math.abs(d) < TINY) d = TINY;
            c = b + an / c;
            if (Math.abs(c) < TINY) c = TINY;
            d = 1.0 / d;
            double delta = c * d;
            h *= delta;
            if (Math.abs(delta - 1.0) < EPS) break;
        }
        return Math.log(h) - z;
    }
}
