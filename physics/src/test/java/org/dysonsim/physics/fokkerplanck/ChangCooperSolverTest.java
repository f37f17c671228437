package org.dysonsim.physics.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.laws.Potential;
import org.junit.jupiter.api.Test;

class ChangCooperSolverTest {
    private final ChangCooperOperator rbm = new ChangCooperOperator(new Potential.Rbm(1.0, 0.5), 0.05, new CellGrid(0, 1, 200));

    @Test
    void implicitEulerConservesMassStaysPositiveAndRelaxesToTheExactStationaryState() {
        ChangCooperSolver solver = new ChangCooperSolver(rbm);
        CellDensity p = CellDensity.pointMass(rbm.grid(), 0.9);
        for (int s = 0; s < 400; s++) {
            p = solver.step(p, 0.05);   // large steps: unconditionally stable
            assertEquals(1.0, p.mass(), 1e-12);
            for (double v : p.values()) assertTrue(v >= 0.0);
        }
        // after t = 20 the slowest mode (rate 1.327) has decayed by e^{−26}; implicit Euler
        // damps it even more slowly per step, (1 + 1.327·0.05)^{−400} ≈ 1e-11
        assertEquals(0.0, p.l1Distance(rbm.stationary()), 1e-9);
    }

    /** Implicit Euler is first order in time: the error against the exact evolution halves with Δt. */
    @Test
    void firstOrderInTimeAgainstTheExactEvolution() {
        ChangCooperSolver solver = new ChangCooperSolver(rbm);
        CellDensity p0 = CellDensity.pointMass(rbm.grid(), 0.9);
        double exact = new GeneratorSpectrum(rbm).evolve(p0, 0.5).mean();
        double[] err = new double[3];
        for (int k = 0; k < 3; k++) err[k] = solver.evolve(p0, 0.5, 100 << k).mean() - exact;
        for (int k = 1; k < 3; k++) {
            double ratio = err[k - 1] / err[k];
            assertTrue(ratio > 1.8 && ratio < 2.2, "errors " + java.util.Arrays.toString(err));
        }
    }
}
