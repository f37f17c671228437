package org.dysonsim.physics.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.laws.CoulombPairLaw;
import org.dysonsim.physics.laws.Potential;
import org.junit.jupiter.api.Test;

class TwoParticleSolverTest {
    private static final double OMEGA = 2.0, G2 = 0.3;
    private final Potential well = new Potential.Harmonic(OMEGA, 0.0);
    private final TwoParticleSolver solver = new TwoParticleSolver(well, G2, well, G2, new CellGrid(-2.5, 2.5, 100));

    @Test
    void stationaryStateIsExactAndIsTheCoulombPairLaw() {
        double[] s = solver.stationary();
        double[] ls = solver.apply(s);
        double max = 0;
        for (double v : s) max = Math.max(max, v);
        for (double v : ls) assertEquals(0.0, v / max, 1e-11);
        double[] expected = solver.discretise((x1, x2) -> (x2 - x1) * Math.exp(-(well.value(x1) + well.value(x2)) / G2));
        for (int k = 0; k < s.length; k++) assertEquals(expected[k], s[k], 1e-12 * max);
    }

    /**
     * The marginal of the discrete stationary state against the exact two-mode density
     * ({@link CoulombPairLaw} for the same well): an O(h²) midpoint error, 1e-3 in L1 at h = 0.05.
     */
    @Test
    void stationaryOneLevelDensityIsTheTwoModeDensity() {
        CellDensity rho = solver.oneLevelDensity(solver.stationary());
        assertEquals(1.0, rho.mass(), 1e-12);
        CoulombPairLaw exact = new CoulombPairLaw(well, G2, -2.5, 2.5, 200);
        assertEquals(0.0, rho.l1Distance(exact), 1e-3);
    }

    /**
     * For quadratic V the problem separates: the gap r obeys {@code dr = (−Ωr + 2g²/r)dt + 2g dW},
     * so {@code ⟨r²⟩(t) = 4g²/Ω + (⟨r²⟩₀ − 4g²/Ω)e^{−2Ωt}} exactly, and the centre of mass is OU with
     * {@code ⟨x₁ + x₂⟩(t) = ⟨x₁ + x₂⟩₀e^{−Ωt}}. Errors are O(h²): measured for ⟨r²⟩ 1.9e-3, 4.8e-4,
     * 1.2e-4 at 50, 100, 200 cells a side; the tolerance 1e-3 at 100 cells is twice the measured error.
     */
    @Test
    void separableQuadraticCaseFollowsTheExactMomentEquations() {
        double s2 = 0.15 * 0.15;
        double[] p0 = solver.discretise((x1, x2) -> Math.exp(-((x1 + 0.5) * (x1 + 0.5) + (x2 - 0.4) * (x2 - 0.4)) / (2 * s2)));
        double r2start = solver.expectation(p0, (x1, x2) -> (x2 - x1) * (x2 - x1));
        double sumStart = solver.expectation(p0, (x1, x2) -> x1 + x2);
        double t = 0.3;
        double[] p = solver.evolve(p0, t, 120);
        assertEquals(1.0, solver.mass(p), 1e-10);
        double stationary = 4 * G2 / OMEGA;
        double r2 = stationary + (r2start - stationary) * Math.exp(-2 * OMEGA * t);
        assertEquals(r2, solver.expectation(p, (x1, x2) -> (x2 - x1) * (x2 - x1)), 1e-3);
        assertEquals(sumStart * Math.exp(-OMEGA * t), solver.expectation(p, (x1, x2) -> x1 + x2), 1e-3);
    }

    /**
     * The mean gap against the one-dimensional solver with {@code V_r = Ωr²/2 − 2g² log r},
     * g_r² = 2g² (400 cells, exact evolution), showing the 2-D solver's second order: the
     * difference falls 4× from 50 to 100 cells a side (measured 2.6e-3 → 6.4e-4).
     */
    @Test
    void gapMatchesTheOneDimensionalRadialSolver() {
        double t = 0.3;
        double coarse = meanGap(new TwoParticleSolver(well, G2, well, G2, new CellGrid(-2.5, 2.5, 50)), t);
        double gap2d = meanGap(solver, t);
        Potential radial = new Potential() {
            public double value(double r) {
                return OMEGA * r * r / 2 - 2 * G2 * Math.log(r);
            }

            public double derivative(double r) {
                return OMEGA * r - 2 * G2 / r;
            }

            public double secondDerivative(double r) {
                return OMEGA + 2 * G2 / (r * r);
            }
        };
        double s2 = 0.15 * 0.15;
        CellGrid rGrid = new CellGrid(0, 4, 400);
        double[] r0 = new double[rGrid.cells()];
        double mass = 0;
        for (int i = 0; i < r0.length; i++) {
            double r = rGrid.centre(i);
            mass += r0[i] = Math.exp(-(r - 1) * (r - 1) / (4 * s2));   // r ~ N(1, 2s²)
        }
        for (int i = 0; i < r0.length; i++) r0[i] /= mass * rGrid.width();
        CellDensity pr = new GeneratorSpectrum(new ChangCooperOperator(radial, 2 * G2, rGrid)).evolve(new CellDensity(rGrid, r0), t);
        assertEquals(pr.mean(), gap2d, 1e-3);
        double ratio = (coarse - pr.mean()) / (gap2d - pr.mean());
        assertTrue(ratio > 3.5 && ratio < 4.5, "convergence ratio " + ratio);
    }

    private static double meanGap(TwoParticleSolver s, double t) {
        double s2 = 0.15 * 0.15;
        double[] p0 = s.discretise((x1, x2) -> Math.exp(-((x1 + 0.5) * (x1 + 0.5) + (x2 - 0.5) * (x2 - 0.5)) / (2 * s2)));
        return s.expectation(s.evolve(p0, t, 120), (x1, x2) -> x2 - x1);
    }
}
