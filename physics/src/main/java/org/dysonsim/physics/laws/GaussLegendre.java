package org.dysonsim.physics.laws;

import java.util.function.DoubleUnaryOperator;

/**
 * Gauss–Legendre nodes and weights on an interval, computed by Newton's method on the Legendre
 * recurrence (exact for polynomials of degree 2n − 1; exponentially accurate for analytic
 * integrands, which is why the Fredholm determinants of Tracy–Widom use it, Bornemann 2010).
 */
public final class GaussLegendre {
    private final double[] nodes;
    private final double[] weights;

    /** The rule with {@code n} nodes on [−1, 1]. */
    public GaussLegendre(int n) {
        if (n < 1) throw new IllegalArgumentException("need at least one node, got " + n);
        nodes = new double[n];
        weights = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0.0;
            for (int iter = 0; iter < 100; iter++) {
                double p0 = 1.0, p1 = x;
                for (int k = 2; k <= n; k++) {
                    double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                if (n == 1) p0 = 1.0;
                dp = n * (x * p1 - p0) / (x * x - 1.0);
                double dx = p1 / dp;
                x -= dx;
                if (Math.abs(dx) < 1e-16) break;
            }
            double p0 = 1.0, p1 = x;
            for (int k = 2; k <= n; k++) {
                double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                p0 = p1;
                p1 = p2;
            }
            dp = n == 1 ? 1.0 : n * (x * p1 - p0) / (x * x - 1.0);
            nodes[i] = -x;
            nodes[n - 1 - i] = x;
            weights[i] = weights[n - 1 - i] = 2.0 / ((1.0 - x * x) * dp * dp);
        }
    }

    public int size() {
        return nodes.length;
    }

    /** Node {@code i} mapped to [a, b]. */
    public double node(int i, double a, double b) {
        return 0.5 * (a + b) + 0.5 * (b - a) * nodes[i];
    }

    /** Weight {@code i} mapped to [a, b]. */
    public double weight(int i, double a, double b) {
        return 0.5 * (b - a) * weights[i];
    }

    /** ∫_a^b f. */
    public double integrate(DoubleUnaryOperator f, double a, double b) {
        double s = 0.0;
        for (int i = 0; i < nodes.length; i++) s += weights[i] * f.applyAsDouble(0.5 * (a + b) + 0.5 * (b - a) * nodes[i]);
        return 0.5 * (b - a) * s;
    }

    /** ∫_a^b f on {@code panels} equal panels. */
    public double integrate(DoubleUnaryOperator f, double a, double b, int panels) {
        double s = 0.0, w = (b - a) / panels;
        for (int p = 0; p < panels; p++) s += integrate(f, a + p * w, a + (p + 1) * w);
        return s;
    }
}
