package org.dysonsim.physics.fastsum;

/**
 * Interpolation at the {@code p} Chebyshev points of the first kind {@code u_b = cos(π(2b+1)/(2p))}
 * on [−1, 1], in the two forms the fast sum needs: node weights of point sources
 * ("anterpolation", {@code W_b = Σ_j ℓ_b(u_j)}) and the value at any point of the polynomial
 * through given node values. Both go through Chebyshev coefficients, so the per-point work is
 * the three-term recurrence, multiplications only. Immutable.
 */
final class ChebyshevNodes {
    final int p;
    /** u_b. */
    final double[] nodes;
    /** T_k(u_b) at {@code [b * p + k]}. */
    private final double[] table;

    ChebyshevNodes(int p) {
        this.p = p;
        nodes = new double[p];
        table = new double[p * p];
        for (int b = 0; b < p; b++) {
            nodes[b] = Math.cos(Math.PI * (2 * b + 1) / (2.0 * p));
            double t0 = 1.0, t1 = nodes[b];
            table[b * p] = 1.0;
            if (p > 1) table[b * p + 1] = t1;
            for (int k = 2; k < p; k++) {
                double t2 = 2.0 * nodes[b] * t1 - t0;
                table[b * p + k] = t2;
                t0 = t1;
                t1 = t2;
            }
        }
    }

    /** Adds {@code q·T_k(u)}, k &lt; p, to {@code moments[off ..]}. */
    void addMoments(double u, double q, double[] moments, int off) {
        double t0 = q, t1 = q * u, twoU = 2.0 * u;
        moments[off] += t0;
        if (p > 1) moments[off + 1] += t1;
        for (int k = 2; k < p; k++) {
            double t2 = twoU * t1 - t0;
            moments[off + k] += t2;
            t0 = t1;
            t1 = t2;
        }
    }

    /**
     * The node weights {@code W_b = Σ_j q_j ℓ_b(u_j)} from the moments {@code M_k = Σ_j q_j T_k(u_j)}:
     * {@code ℓ_b(u) = (1 + 2 Σ_{k≥1} T_k(u_b) T_k(u))/p}.
     */
    void weightsFromMoments(double[] moments, int off, double[] weights, int woff) {
        for (int b = 0; b < p; b++) {
            double s = 0.0;
            for (int k = 1; k < p; k++) s += table[b * p + k] * moments[off + k];
            weights[woff + b] = (moments[off] + 2.0 * s) / p;
        }
    }

    /** Chebyshev coefficients {@code c_k} of the interpolant through the node values {@code v_b}. */
    void coefficientsFromValues(double[] values, int off, double[] coefficients, int coff) {
        for (int k = 0; k < p; k++) {
            double s = 0.0;
            for (int b = 0; b < p; b++) s += table[b * p + k] * values[off + b];
            coefficients[coff + k] = (k == 0 ? 1.0 : 2.0) * s / p;
        }
    }

    /** {@code Σ_k c_k T_k(u)} by Clenshaw's recurrence. */
    double evaluate(double[] coefficients, int coff, double u) {
        double b1 = 0.0, b2 = 0.0, twoU = 2.0 * u;
        for (int k = p - 1; k >= 1; k--) {
            double b0 = coefficients[coff + k] + twoU * b1 - b2;
            b2 = b1;
            b1 = b0;
        }
        return coefficients[coff] + u * b1 - b2;
    }
}
