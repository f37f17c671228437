package org.dysonsim.physics.fokkerplanck;

/**
 * Implicit Euler in time for the Chang–Cooper generator: {@code (I − Δt L)P^{n+1} = P^n}, a
 * tridiagonal M-matrix solved by the Thomas algorithm. Unconditionally stable, positive and mass
 * conserving; first order in time (use {@link GeneratorSpectrum} for the exact time evolution).
 */
public final class ChangCooperSolver {
    private final ChangCooperOperator operator;

    public ChangCooperSolver(ChangCooperOperator operator) {
        this.operator = operator;
    }

    public CellDensity step(CellDensity p, double dt) {
        int n = operator.grid().cells();
        double[] a = new double[n], b = new double[n], c = new double[n], rhs = p.values();
        for (int i = 0; i < n; i++) {
            b[i] = 1.0 - dt * operator.diagonal(i);
            if (i > 0) a[i] = -dt * operator.down(i - 1);
            if (i + 1 < n) c[i] = -dt * operator.up(i);
        }
        // Thomas algorithm: diagonally dominant by columns, so no pivoting is needed
        for (int i = 1; i < n; i++) {
            double m = a[i] / b[i - 1];
            b[i] -= m * c[i - 1];
            rhs[i] -= m * rhs[i - 1];
        }
        rhs[n - 1] /= b[n - 1];
        for (int i = n - 2; i >= 0; i--) rhs[i] = (rhs[i] - c[i] * rhs[i + 1]) / b[i];
        return new CellDensity(operator.grid(), rhs);
    }

    /** {@code steps} implicit Euler steps of {@code t/steps}. */
    public CellDensity evolve(CellDensity p, double t, int steps) {
        CellDensity q = p;
        for (int s = 0; s < steps; s++) q = step(q, t / steps);
        return q;
    }
}
