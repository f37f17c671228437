package org.dysonsim.physics.stats;

import org.hipparchus.special.Erf;

/**
 * The power of a comparison as the smallest deviation of the truth that brings its statistic to
 * the threshold (docs/physics.md §7, Power): a deviation that large is caught about half the time,
 * a larger one more often. Each deviation is a factor c ≥ 1, so that "cannot catch a 2× error"
 * reads the same for every kind of comparison.
 */
public final class DetectableDeviation {
    /** log c beyond which a width error is taken as never reaching the distance (c ≈ 10³⁰⁴). */
    private static final double MAX_LOG_FACTOR = 700.0;
    private static final int BISECTIONS = 200;

    private DetectableDeviation() {}

    /**
     * The KS distance {@code sup_x |Φ(x) − Φ(x/c)|} between N(0, 1) and N(0, c²), the same for c
     * and 1/c: the supremum sits where the densities cross, {@code x*² = 2 ln c · c²/(c² − 1)}.
     * It grows from 0 at c = 1 towards ½ as c → ∞: a width error alone never moves the median.
     */
    public static double gaussianWidthKsDistance(double c) {
        if (!(c > 0)) throw new IllegalArgumentException("width factor must be positive, got " + c);
        double f = c >= 1 ? c : 1 / c;
        if (f == 1) return 0.0;
        if (Double.isInfinite(f)) return 0.5;
        double x = Math.sqrt(2 * Math.log(f) * f * f / (f * f - 1));
        return standardNormalCdf(x) - standardNormalCdf(x / f);
    }

    /**
     * The smallest width factor c ≥ 1 at which {@link #gaussianWidthKsDistance} reaches {@code distance}:
     * a KS test with that threshold catches a law whose width is off by c (or 1/c) or more. 1 for
     * a distance ≤ 0, +∞ for a distance ≥ ½ (no width error reaches it).
     */
    public static double widthFactorAtKsDistance(double distance) {
        if (Double.isNaN(distance)) return Double.NaN;
        if (distance <= 0) return 1.0;
        if (distance >= 0.5) return Double.POSITIVE_INFINITY;
        double lo = 0, hi = 1;
        while (hi < MAX_LOG_FACTOR && gaussianWidthKsDistance(Math.exp(hi)) < distance) hi *= 2;
        if (hi >= MAX_LOG_FACTOR) return Double.POSITIVE_INFINITY;
        for (int k = 0; k < BISECTIONS && hi - lo > 1e-15 * hi; k++) {
            double mid = 0.5 * (lo + hi);
            if (gaussianWidthKsDistance(Math.exp(mid)) < distance) lo = mid;
            else hi = mid;
        }
        return Math.exp(hi);
    }

    /**
     * The smallest factor c ≥ 1 such that a quantity off by c either way (c·e or e/c) lies at least
     * {@code tolerance} from its expected value e: the smaller deviation, e(1 − 1/c), sets it, so
     * {@code c = 1/(1 − tolerance/|e|)}; +∞ when the tolerance is |e| or more (not even e/∞ = 0 is
     * caught), NaN when either is not a finite number or e = 0 (a factor of 0 is no deviation).
     */
    public static double factorAtTolerance(double tolerance, double expected) {
        if (!Double.isFinite(tolerance) || !Double.isFinite(expected) || expected == 0 || tolerance < 0) return Double.NaN;
        double relative = tolerance / Math.abs(expected);
        return relative >= 1 ? Double.POSITIVE_INFINITY : 1 / (1 - relative);
    }

    /**
     * A central band of nominal coverage {@code level} of a Gaussian law, ±z·σ with
     * {@code z = Φ⁻¹((1 + level)/2)}: the factor c by which the true spread must exceed the band's
     * σ (the band too narrow by c) for the coverage {@code 2Φ(z/c) − 1} to fall {@code shortfall}
     * below the level. +∞ when the shortfall reaches the level itself (coverage 0 is never reached).
     */
    public static double bandNarrowingAtShortfall(double level, double shortfall) {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        if (Double.isNaN(shortfall)) return Double.NaN;
        if (shortfall <= 0) return 1.0;
        if (shortfall >= level) return Double.POSITIVE_INFINITY;
        return standardNormalQuantile((1 + level) / 2) / standardNormalQuantile((1 + level - shortfall) / 2);
    }

    static double standardNormalCdf(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }

    static double standardNormalQuantile(double p) {
        return Math.sqrt(2) * Erf.erfInv(2 * p - 1);
    }
}
