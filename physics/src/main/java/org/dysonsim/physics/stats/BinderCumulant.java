package org.dysonsim.physics.stats;

/**
 * {@code B = ⟨x⁴⟩/(3⟨x²⟩²) − 1} of a sample, moments about a centre (docs/physics.md §3: 0 for a
 * Gaussian, −1/3 for a semicircle, −4/27 for two levels in one well; minus the usual U₄).
 */
public final class BinderCumulant {
    private BinderCumulant() {}

    /** About the sample mean. */
    public static double of(double[] x) {
        double m = 0.0;
        for (double v : x) m += v;
        return about(x, m / x.length);
    }

    /** About a known centre (e.g. the well's minimum). */
    public static double about(double[] x, double centre) {
        double m2 = 0.0, m4 = 0.0;
        for (double v : x) {
            double d = (v - centre) * (v - centre);
            m2 += d;
            m4 += d * d;
        }
        m2 /= x.length;
        m4 /= x.length;
        return m4 / (3.0 * m2 * m2) - 1.0;
    }
}
