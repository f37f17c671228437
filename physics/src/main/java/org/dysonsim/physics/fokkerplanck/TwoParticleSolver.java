package org.dysonsim.physics.fokkerplanck;

import java.util.function.DoubleBinaryOperator;
import org.dysonsim.physics.laws.Potential;

/**
 * Two particles with the β = 1 Coulomb repulsion (docs/physics.md §4):
 * {@code ∂_t P = Σ_i ∂_i[g_i²∂_i P − (K_i + g_i²/(x_i − x_j))P]} on {@code {x₁ < x₂}}, on an n×n
 * grid of which only the cells strictly above the diagonal are kept (the diagonal cells are
 * dropped, zero flux across their faces). Along each axis the Chang–Cooper flux with
 * {@code w = ΔΦ}, {@code Φ = Σ V_i/g_i² − log(x₂ − x₁)}, so {@code e^{−Φ} = (x₂ − x₁)e^{−ΣV_i/g_i²}}
 * is the exact discrete stationary state. The generator is symmetrised with {@code Π^{½}},
 * stepped by Crank–Nicolson, each step solved by conjugate gradients on the SPD matrix.
 */
public final class TwoParticleSolver {
    private static final double CG_TOLERANCE = 1e-13;

    private final CellGrid grid;
    private final int n, size;
    private final int[] row, col, index;           // cell k = (row[k], col[k]) = (i, j), i < j
    private final double[] diag, halfWeight;       // of −S; Π^{½}
    private final int[] edgeA, edgeB;
    private final double[] edgeW;                  // −S_ab (positive)

    public TwoParticleSolver(Potential v1, double g1sq, Potential v2, double g2sq, CellGrid grid) {
        this.grid = grid;
        this.n = grid.cells();
        this.size = n * (n - 1) / 2;
        row = new int[size];
        col = new int[size];
        index = new int[n * n];
        java.util.Arrays.fill(index, -1);
        double[] phi = new double[size];
        int k = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                row[k] = i;
                col[k] = j;
                index[i * n + j] = k;
                double x1 = grid.centre(i), x2 = grid.centre(j);
                phi[k] = v1.value(x1) / g1sq + v2.value(x2) / g2sq - Math.log(x2 - x1);
                min = Math.min(min, phi[k]);
                k++;
            }
        }
        halfWeight = new double[size];
        for (k = 0; k < size; k++) halfWeight[k] = Math.exp(-0.5 * (phi[k] - min));
        int edges = 0;
        for (k = 0; k < size; k++) {
            if (row[k] + 1 < col[k]) edges++;
            if (col[k] + 1 < n) edges++;
        }
        edgeA = new int[edges];
        edgeB = new int[edges];
        edgeW = new double[edges];
        diag = new double[size];
        double h2 = grid.width() * grid.width();
        int e = 0;
        for (k = 0; k < size; k++) {
            int i = row[k], j = col[k];
            if (i + 1 < j) e = link(e, k, index[(i + 1) * n + j], phi, g1sq / h2);
            if (j + 1 < n) e = link(e, k, index[i * n + j + 1], phi, g2sq / h2);
        }
    }

    private int link(int e, int a, int b, double[] phi, double rate) {
        double w = phi[b] - phi[a];
        double forward = rate * ChangCooperOperator.bernoulli(w), backward = rate * ChangCooperOperator.bernoulli(-w);
        edgeA[e] = a;
        edgeB[e] = b;
        edgeW[e] = Math.sqrt(forward * backward);
        diag[a] += forward;
        diag[b] += backward;
        return e + 1;
    }

    public CellGrid grid() {
        return grid;
    }

    /** Number of kept cells, n(n − 1)/2. */
    public int size() {
        return size;
    }

    public double x1(int k) {
        return grid.centre(row[k]);
    }

    public double x2(int k) {
        return grid.centre(col[k]);
    }

    /** Cell averages of a density f(x₁, x₂) sampled at the centres, renormalised to unit mass. */
    public double[] discretise(DoubleBinaryOperator f) {
        double[] p = new double[size];
        for (int k = 0; k < size; k++) p[k] = f.applyAsDouble(x1(k), x2(k));
        return normalised(p);
    }

    /** The exact discrete stationary state {@code ∝ e^{−Φ}}, unit mass. */
    public double[] stationary() {
        double[] p = new double[size];
        for (int k = 0; k < size; k++) p[k] = halfWeight[k] * halfWeight[k];
        return normalised(p);
    }

    private double[] normalised(double[] p) {
        double m = mass(p);
        for (int k = 0; k < size; k++) p[k] /= m;
        return p;
    }

    public double mass(double[] p) {
        double s = 0.0;
        for (double v : p) s += v;
        return s * grid.width() * grid.width();
    }

    /** {@code ∫ f(x₁, x₂) P}. */
    public double expectation(double[] p, DoubleBinaryOperator f) {
        double s = 0.0;
        for (int k = 0; k < size; k++) s += f.applyAsDouble(x1(k), x2(k)) * p[k];
        return s * grid.width() * grid.width();
    }

    /**
     * The one-level density {@code ρ(x) = ½[P₁(x) + P₂(x)]} on the 1-D grid, the marginal that a
     * particle run's pooled positions are compared with.
     */
    public CellDensity oneLevelDensity(double[] p) {
        double[] rho = new double[n];
        double h = grid.width();
        for (int k = 0; k < size; k++) {
            rho[row[k]] += 0.5 * p[k] * h;
            rho[col[k]] += 0.5 * p[k] * h;
        }
        return new CellDensity(grid, rho);
    }

    /** L·P, the generator itself ({@code Π^{½}(−S)Π^{−½}} with the sign restored). */
    public double[] apply(double[] p) {
        double[] q = new double[size];
        for (int k = 0; k < size; k++) q[k] = p[k] == 0.0 ? 0.0 : p[k] / halfWeight[k];
        double[] sq = negativeS(q);
        for (int k = 0; k < size; k++) sq[k] = -halfWeight[k] * sq[k];
        return sq;
    }

    private double[] negativeS(double[] q) {
        double[] out = new double[size];
        for (int k = 0; k < size; k++) out[k] = diag[k] * q[k];
        for (int e = 0; e < edgeA.length; e++) {
            int a = edgeA[e], b = edgeB[e];
            out[a] -= edgeW[e] * q[b];
            out[b] -= edgeW[e] * q[a];
        }
        return out;
    }

    /** One Crank–Nicolson step {@code (I + Δt/2·(−S))q' = (I − Δt/2·(−S))q} in {@code q = Π^{−½}P}. */
    public double[] step(double[] p, double dt) {
        double[] q = new double[size];
        for (int k = 0; k < size; k++) q[k] = p[k] == 0.0 ? 0.0 : p[k] / halfWeight[k];
        double[] sq = negativeS(q), rhs = new double[size];
        for (int k = 0; k < size; k++) rhs[k] = q[k] - 0.5 * dt * sq[k];
        double[] next = conjugateGradient(rhs, q, dt);
        for (int k = 0; k < size; k++) next[k] *= halfWeight[k];
        return next;
    }

    public double[] evolve(double[] p, double t, int steps) {
        double[] q = p;
        for (int s = 0; s < steps; s++) q = step(q, t / steps);
        return q;
    }

    private double[] conjugateGradient(double[] b, double[] start, double dt) {
        double[] x = start.clone(), r = new double[size], d = new double[size];
        double[] ax = system(x, dt);
        double bNorm = 0.0, rr = 0.0;
        for (int k = 0; k < size; k++) {
            r[k] = b[k] - ax[k];
            d[k] = r[k];
            rr += r[k] * r[k];
            bNorm += b[k] * b[k];
        }
        for (int iter = 0; iter < 10 * size && rr > CG_TOLERANCE * CG_TOLERANCE * bNorm; iter++) {
            double[] ad = system(d, dt);
            double dad = 0.0;
            for (int k = 0; k < size; k++) dad += d[k] * ad[k];
            double alpha = rr / dad, next = 0.0;
            for (int k = 0; k < size; k++) {
                x[k] += alpha * d[k];
                r[k] -= alpha * ad[k];
                next += r[k] * r[k];
            }
            double beta = next / rr;
            rr = next;
            for (int k = 0; k < size; k++) d[k] = r[k] + beta * d[k];
        }
        return x;
    }

    private double[] system(double[] q, double dt) {
        double[] s = negativeS(q);
        for (int k = 0; k < size; k++) s[k] = q[k] + 0.5 * dt * s[k];
        return s;
    }
}
