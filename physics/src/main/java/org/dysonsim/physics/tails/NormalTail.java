package org.dysonsim.physics.tails;

import org.hipparchus.special.Erf;

/** Logarithms of standard normal tail probabilities without underflow or cancellation (for the lognormal tail). */
final class NormalTail {
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private NormalTail() {}

    /** {@code ln Q(z)}, Q(z) = P(Z &gt; z); beyond z = 30 the asymptotic series (Abramowitz–Stegun 26.2.12). */
    static double logUpper(double z) {
        if (z < 30) return Math.log(0.5 * Erf.erfc(z / Math.sqrt(2)));
        double inv = 1.0 / (z * z);
        return -0.5 * z * z - Math.log(z) - LOG_SQRT_2PI + Math.log1p(-inv + 3 * inv * inv - 15 * inv * inv * inv);
    }

    /** {@code ln P(a &lt; Z ≤ b)}, a &lt; b, from whichever tail keeps the difference accurate. */
    static double logBetween(double a, double b) {
        if (a >= 0) return logUpper(a) + Math.log1p(-Math.exp(logUpper(b) - logUpper(a)));
        if (b <= 0) return logUpper(-b) + Math.log1p(-Math.exp(logUpper(-a) - logUpper(-b)));
        return Math.log1p(-Math.exp(logUpper(b)) - Math.exp(logUpper(-a)));
    }

    /** {@code ln φ(z)}. */
    static double logDensity(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }
}
