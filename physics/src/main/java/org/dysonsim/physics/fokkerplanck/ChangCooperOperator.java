package org.dysonsim.physics.fokkerplanck;

import org.dysonsim.physics.laws.Potential;

/**
 * The finite-volume generator of {@code ∂_t P = ∂_x(g²∂_x P + V'P)} with zero flux at both ends
 * (Chang–Cooper / Scharfetter–Gummel, docs/physics.md §4): {@code ∂_t P_i = (F_{i+½} − F_{i−½})/h},
 * {@code F_{i+½} = (g²/h)[B(−w_i)P_{i+1} − B(w_i)P_i]}, {@code w_i = (V(x_{i+1}) − V(x_i))/g²},
 * {@code B(w) = w/(e^w − 1)}. With the potential difference inside w, {@code e^{−V/g²}} is the exact
 * discrete stationary state; columns sum to zero (mass is conserved) and off-diagonals are
 * non-negative (implicit steps keep P positive). Detailed balance makes it symmetrisable.
 */
public final class ChangCooperOperator {
    private final CellGrid grid;
    private final double g2;
    private final double[] potential;   // V at the centres, shifted so that min = 0
    private final double[] down, up;      // L[i+1][i] and L[i][i+1]

    public ChangCooperOperator(Potential v, double g2, CellGrid grid) {
        if (!(g2 > 0.0)) throw new IllegalArgumentException("g² must be positive");
        this.grid = grid;
        this.g2 = g2;
        int n = grid.cells();
        potential = new double[n];
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            potential[i] = v.value(grid.centre(i));
            if (!Double.isFinite(potential[i])) throw new IllegalArgumentException("potential not finite at cell centre " + grid.centre(i));
            min = Math.min(min, potential[i]);
        }
        for (int i = 0; i < n; i++) potential[i] -= min;
        down = new double[n - 1];
        up = new double[n - 1];
        double rate = g2 / (grid.width() * grid.width());
        for (int i = 0; i < n - 1; i++) {
            double w = (potential[i + 1] - potential[i]) / g2;
            down[i] = rate * bernoulli(w);
            up[i] = rate * bernoulli(-w);
        }
    }

    /** {@code B(w) = w/(e^w − 1)} by expm1, and its series {@code 1 − w/2 + w²/12} for tiny w. */
    static double bernoulli(double w) {
        if (Math.abs(w) < 1e-6) return 1.0 - 0.5 * w + w * w / 12.0;
        return w / Math.expm1(w);
    }

    public CellGrid grid() {
        return grid;
    }

    public double g2() {
        return g2;
    }

    /** Rate from cell i into i + 1. */
    double down(int i) {
        return down[i];
    }

    /** Rate from cell i + 1 into i. */
    double up(int i) {
        return up[i];
    }

    /** V − min V at cell i. */
    double shiftedPotential(int i) {
        return potential[i];
    }

    public double diagonal(int i) {
        return -((i < down.length ? down[i] : 0.0) + (i > 0 ? up[i - 1] : 0.0));
    }

    /** L·P. */
    public double[] apply(double[] p) {
        int n = p.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = diagonal(i) * p[i];
            if (i + 1 < n) s += up[i] * p[i + 1];
            if (i > 0) s += down[i - 1] * p[i - 1];
            out[i] = s;
        }
        return out;
    }

    /** The discrete stationary state {@code ∝ e^{−V/g²}}, unit mass. */
    public CellDensity stationary() {
        double[] p = new double[grid.cells()];
        double s = 0.0;
        for (int i = 0; i < p.length; i++) s += p[i] = Math.exp(-potential[i] / g2);
        for (int i = 0; i < p.length; i++) p[i] /= s * grid.width();
        return new CellDensity(grid, p);
    }

    /**
     * {@code −Π^{−½}LΠ^{½}}, Π = e^{−V/g²}: symmetric, positive semi-definite, off-diagonal
     * {@code −√(L_{i,i+1}L_{i+1,i})}; its eigenvalues are the relaxation rates.
     */
    public SymmetricTridiagonal symmetrisedNegative() {
        int n = grid.cells();
        double[] d = new double[n], e = new double[n - 1];
        for (int i = 0; i < n; i++) d[i] = -diagonal(i);
        for (int i = 0; i < n - 1; i++) e[i] = -Math.sqrt(down[i] * up[i]);
        return new SymmetricTridiagonal(d, e);
    }
}
