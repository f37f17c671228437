package org.dysonsim.physics.laws;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Tracy–Widom laws F₁ (GOE) and F₂ (GUE) of the scaled largest eigenvalue, by Fredholm
 * determinants (Bornemann, Math. Comp. 79 (2010); docs/physics.md §3): {@code F₁(s) = det(I − K_s)},
 * {@code F₂(s) = F₁(s)·det(I + K_s)}, {@code K_s(x, y) = Ai(x + y + s)} on L²(0, ∞), Nyström with
 * Gauss–Legendre on {@code [0, max(12 − s, 4)]}. The density is the derivative of the CDF by a
 * fourth-order central difference; moments integrate the tails of the CDF.
 */
public final class TracyWidom implements SpectralLaw {
    /** Below this F₁, F₂ are under 1e-18; above {@link #TOP} 1 − F under 1e-18. */
    private static final double BOTTOM = -10.0, TOP = 14.0;
    private static final double DIFF_STEP = 1e-2;

    private final int beta;
    private final GaussLegendre rule;

    /** {@code beta} 1 or 2, with the default 56 nodes. */
    public TracyWidom(int beta) {
        this(beta, 56);
    }

    public TracyWidom(int beta, int nodes) {
        if (beta != 1 && beta != 2) throw new IllegalArgumentException("beta must be 1 or 2, got " + beta);
        this.beta = beta;
        this.rule = new GaussLegendre(nodes);
    }

    public int beta() {
        return beta;
    }

    @Override
    public double cdf(double s) {
        if (s <= BOTTOM) return 0.0;
        if (s >= TOP) return 1.0;
        int n = rule.size();
        double b = Math.max(12.0 - s, 4.0);
        double[] x = new double[n], sw = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rule.node(i, 0.0, b);
            sw[i] = Math.sqrt(rule.weight(i, 0.0, b));
        }
        DMatrixRMaj minus = new DMatrixRMaj(n, n), plus = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double k = sw[i] * Airy.ai(x[i] + x[j] + s) * sw[j];
                double d = i == j ? 1.0 : 0.0;
                minus.set(i, j, d - k);
                minus.set(j, i, d - k);
                plus.set(i, j, d + k);
                plus.set(j, i, d + k);
            }
        }
        double f1 = CommonOps_DDRM.det(minus);
        double f = beta == 1 ? f1 : f1 * CommonOps_DDRM.det(plus);
        return Math.min(1.0, Math.max(0.0, f));
    }

    @Override
    public double density(double s) {
        if (s <= BOTTOM || s >= TOP) return 0.0;
        double h = DIFF_STEP;
        return (8.0 * (cdf(s + h) - cdf(s - h)) - (cdf(s + 2 * h) - cdf(s - 2 * h))) / (12.0 * h);
    }

    /** {@code E s = ∫₀^∞ (1 − F) − ∫_{−∞}^0 F}. */
    public double mean() {
        return moment(1);
    }

    public double variance() {
        double m = mean();
        return moment(2) - m * m;
    }

    /** {@code E s^k = k∫₀^∞ s^{k−1}(1 − F) ds − k∫_{−∞}^0 s^{k−1} F ds}, k ≥ 1. */
    public double moment(int k) {
        GaussLegendre panel = new GaussLegendre(24);
        double right = panel.integrate(s -> k * Math.pow(s, k - 1) * (1.0 - cdf(s)), 0.0, TOP, 7);
        double left = panel.integrate(s -> k * Math.pow(s, k - 1) * cdf(s), BOTTOM, 0.0, 5);
        return right - left;
    }

    /** Centre of the GOE largest eigenvalue for off-diagonal variance v: {@code 2√(v(N − ½))}. */
    public static double goeEdgeCentre(int n, double offDiagonalVariance) {
        return 2.0 * Math.sqrt(offDiagonalVariance * (n - 0.5));
    }

    /** Scale of its fluctuations: {@code √v N^{−1/6}}. */
    public static double goeEdgeScale(int n, double offDiagonalVariance) {
        return Math.sqrt(offDiagonalVariance) * Math.pow(n, -1.0 / 6.0);
    }

    /** The Tracy–Widom variable of a GOE largest eigenvalue (docs/physics.md §3, centred at N − ½). */
    public static double goeEdgeVariable(double lambdaMax, int n, double offDiagonalVariance) {
        return (lambdaMax - goeEdgeCentre(n, offDiagonalVariance)) / goeEdgeScale(n, offDiagonalVariance);
    }
}
