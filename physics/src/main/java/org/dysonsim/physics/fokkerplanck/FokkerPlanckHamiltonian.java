package org.dysonsim.physics.fokkerplanck;

import org.dysonsim.physics.laws.Potential;

/**
 * The spectral route (docs/physics.md §4): with {@code P = e^{−V/(2g²)}ψ}, {@code ∂_t ψ = −Hψ},
 * {@code H = −g²∂² + (V')²/(4g²) − V''/2}; its eigenvalues are the relaxation rates and its ground
 * state is {@code √P_s}. Discretised by central differences on cell centres; a reflecting end
 * becomes the Robin condition {@code g²ψ' + (V'/2)ψ = 0} at the face, imposed through a ghost
 * cell. An independent check of the Chang–Cooper rates: it never uses the Bernoulli fluxes.
 */
public final class FokkerPlanckHamiltonian {
    private final Potential v;
    private final double g2;
    private final CellGrid grid;

    public FokkerPlanckHamiltonian(Potential v, double g2, CellGrid grid) {
        this.v = v;
        this.g2 = g2;
        this.grid = grid;
    }

    /** The effective potential {@code (V')²/(4g²) − V''/2}. */
    public double effectivePotential(double x) {
        double d = v.derivative(x);
        return d * d / (4.0 * g2) - 0.5 * v.secondDerivative(x);
    }

    public SymmetricTridiagonal matrix() {
        int n = grid.cells();
        double h = grid.width(), k = g2 / (h * h);
        double[] d = new double[n], e = new double[n - 1];
        for (int i = 0; i < n; i++) d[i] = 2.0 * k + effectivePotential(grid.centre(i));
        for (int i = 0; i < n - 1; i++) e[i] = -k;
        d[0] -= k * ghostRatio(v.derivative(grid.lo()), true);
        d[n - 1] -= k * ghostRatio(v.derivative(grid.hi()), false);
        return new SymmetricTridiagonal(d, e);
    }

    /**
     * ψ_ghost/ψ_edge from {@code g²ψ' + (V'/2)ψ = 0} with ψ' and ψ at the face from the two cells:
     * left {@code (g²/h + V'/4)/(g²/h − V'/4)}, right the inverse; −1 (Dirichlet) where V' is infinite.
     */
    private double ghostRatio(double vPrime, boolean left) {
        if (!Double.isFinite(vPrime)) return -1.0;
        double a = g2 / grid.width(), b = vPrime / 4.0;
        return left ? (a + b) / (a - b) : (a - b) / (a + b);
    }

    /** The k lowest eigenvalues: the relaxation rates {@code 0 = E₀ < E₁ < …}. */
    public double[] rates(int k) {
        return matrix().lowestEigenvalues(k);
    }

    /** {@code √P_s ∝ e^{−V/(2g²)}} at the cell centres, unit Euclidean norm. */
    public double[] groundState() {
        int n = grid.cells();
        double[] psi = new double[n];
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) min = Math.min(min, v.value(grid.centre(i)));
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            psi[i] = Math.exp(-(v.value(grid.centre(i)) - min) / (2.0 * g2));
            s += psi[i] * psi[i];
        }
        for (int i = 0; i < n; i++) psi[i] /= Math.sqrt(s);
        return psi;
    }
}
