package org.dysonsim.physics.laws;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The nearest-neighbour spacing law of the GOE (β = 1) in the bulk, at unit mean spacing
 * (Gaudin 1961; Mehta, Random Matrices, 3rd ed., §6.4; docs/physics.md §5): the probability that an
 * interval of length s holds no level is {@code E(s) = det(I − K_s)} on L²(0, s/2) with the even
 * part of the sine kernel, {@code K_s(x, y) = S(x − y) + S(x + y)}, {@code S(u) = sin(πu)/(πu)};
 * the spacing has density {@code E''(s)} and distribution {@code 1 + E'(s)}. The determinant is
 * a Fredholm determinant by Gauss–Legendre Nyström, as for Tracy–Widom (Bornemann, Math. Comp. 79
 * (2010)): the kernel is entire, so the error falls exponentially with the nodes; the derivatives
 * are fourth-order central differences.
 */
public final class GaudinSpacing implements SpectralLaw {
    /** Gauss–Legendre nodes on (0, s/2): at s = 6 the kernel oscillates three times; 40 nodes resolve it to rounding. */
    static final int NODES = 40;
    /** Central-difference step: truncation h⁴E⁽⁵⁾ ~ 1e-12, rounding 1e-16/h² ~ 1e-10 in E''. */
    static final double DIFF_STEP = 1e-3;
    /** E(s) ≈ e^{−π²s²/16} beyond: below 1e-16 past s = 8, where the law is taken as complete. */
    static final double TOP = 8.0;

    private final GaussLegendre rule = new GaussLegendre(NODES);

    /** {@code E(s)}: the probability of no level in an interval of s mean spacings. */
    public double gapProbability(double s) {
        if (s <= 0.0) return 1.0;
        if (s >= TOP) return 0.0;
        double half = 0.5 * s;
        double[] x = new double[NODES], sw = new double[NODES];
        for (int i = 0; i < NODES; i++) {
            x[i] = rule.node(i, 0.0, half);
            sw[i] = Math.sqrt(rule.weight(i, 0.0, half));
        }
        DMatrixRMaj a = new DMatrixRMaj(NODES, NODES);
        for (int i = 0; i < NODES; i++) {
            for (int j = 0; j <= i; j++) {
                double k = sw[i] * (sinc(x[i] - x[j]) + sinc(x[i] + x[j])) * sw[j];
                double v = (i == j ? 1.0 : 0.0) - k;
                a.set(i, j, v);
                a.set(j, i, v);
            }
        }
        return Math.min(1.0, Math.max(0.0, CommonOps_DDRM.det(a)));
    }

    private static double sinc(double u) {
        double p = Math.PI * u;
        return Math.abs(p) < 1e-8 ? 1.0 - p * p / 6.0 : Math.sin(p) / p;
    }

    @Override
    public double lower() {
        return 0.0;
    }

    /** {@code 1 + E'(s)}. */
    @Override
    public double cdf(double s) {
        if (s <= 0.0) return 0.0;
        if (s >= TOP) return 1.0;
        double h = Math.min(DIFF_STEP, 0.5 * s);
        double slope = (8.0 * (gapProbability(s + h) - gapProbability(s - h))
                - (gapProbability(s + 2 * h) - gapProbability(Math.max(0.0, s - 2 * h)))) / (12.0 * h);
        return Math.min(1.0, Math.max(0.0, 1.0 + slope));
    }

    /** {@code E''(s)}. */
    @Override
    public double density(double s) {
        if (s <= 0.0 || s >= TOP) return 0.0;
        double h = Math.min(DIFF_STEP, 0.25 * s);
        double e0 = gapProbability(s);
        double second = (-(gapProbability(s + 2 * h) + gapProbability(s - 2 * h))
                + 16.0 * (gapProbability(s + h) + gapProbability(s - h)) - 30.0 * e0) / (12.0 * h * h);
        return Math.max(0.0, second);
    }
}
