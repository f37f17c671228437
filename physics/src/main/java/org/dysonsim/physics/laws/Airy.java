package org.dysonsim.physics.laws;

/**
 * The Airy function Ai on the real line in three regimes (docs/physics.md §3):
 * <ul>
 *   <li>{@code x ≥ 1}: the steepest-descent integral {@code Ai(x) = (e^{−ζ}/π)∫₀^∞ e^{−√x u²}
 *       cos(u³/3) du}, ζ = ⅔x^{3/2} (the contour {@code t = √x + iu} through the saddle), by the
 *       trapezoid rule, which converges geometrically for this analytic, rapidly decaying integrand;</li>
 *   <li>{@code −8 ≤ x < 1}: the Maclaurin series (DLMF 9.4.1–9.4.3);</li>
 *   <li>{@code x < −8}: the oscillatory asymptotic expansion (DLMF 9.7.9), summed to its smallest term.</li>
 * </ul>
 */
public final class Airy {
    private static final double AI0 = 0.355028053887817239260;   // Ai(0)  = 1/(3^{2/3} Γ(2/3))
    private static final double AIP0 = 0.258819403792806798405;  // −Ai'(0) = 1/(3^{1/3} Γ(1/3))

    private Airy() {}

    public static double ai(double x) {
        if (x >= 1.0) return integral(x);
        if (x >= -8.0) return series(x);
        return oscillatory(-x);
    }

    private static double integral(double x) {
        double zeta = 2.0 / 3.0 * x * Math.sqrt(x);
        double h = Math.min(0.2, 0.5 / Math.sqrt(zeta));
        double a = Math.sqrt(x);
        double sum = 0.5;     // the u = 0 node, half weight (integrand is even in u)
        for (int k = 1; ; k++) {
            double u = k * h, damp = Math.exp(-a * u * u);
            sum += damp * Math.cos(u * u * u / 3.0);
            if (damp < 1e-18) break;
        }
        return Math.exp(-zeta) / Math.PI * h * sum;
    }

    private static double series(double x) {
        double x3 = x * x * x;
        double f = 1.0, g = x, tf = 1.0, tg = x;
        for (int k = 1; k < 200; k++) {
            tf *= x3 / ((3.0 * k - 1.0) * (3.0 * k));
            tg *= x3 / ((3.0 * k) * (3.0 * k + 1.0));
            f += tf;
            g += tg;
            if (Math.abs(tf) + Math.abs(tg) < 1e-18 * (Math.abs(f) + Math.abs(g))) break;
        }
        return AI0 * f - AIP0 * g;
    }

    private static double oscillatory(double z) {
        double zeta = 2.0 / 3.0 * z * Math.sqrt(z);
        double p = 0.0, q = 0.0, u = 1.0, zk = 1.0, last = Double.MAX_VALUE;
        for (int k = 0; k < 60; k++) {
            if (k > 0) {
                u *= (6.0 * k - 5.0) * (6.0 * k - 3.0) * (6.0 * k - 1.0) / ((2.0 * k - 1.0) * 216.0 * k);
                zk *= zeta;
            }
            double term = u / zk;
            if (term > last) break;   // asymptotic: stop at the smallest term
            last = term;
            int sign = (k / 2) % 2 == 0 ? 1 : -1;
            if (k % 2 == 0) p += sign * term;
            else q += sign * term;
        }
        double phase = zeta - Math.PI / 4.0;
        return (Math.cos(phase) * p + Math.sin(phase) * q) / (Math.sqrt(Math.PI) * Math.pow(z, 0.25));
    }
}
