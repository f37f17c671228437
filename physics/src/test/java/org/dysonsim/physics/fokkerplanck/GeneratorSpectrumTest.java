package org.dysonsim.physics.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.exact.OrnsteinUhlenbeck;
import org.dysonsim.physics.laws.NormalLaw;
import org.dysonsim.physics.laws.Potential;
import org.junit.jupiter.api.Test;

class GeneratorSpectrumTest {
    /** Second order: the error ratio per halving is 4 up to higher-order terms. */
    private static final double ORDER_TWO_RATIO_LOW = 3.6, ORDER_TWO_RATIO_HIGH = 4.4;

    /**
     * OU {@code a = 2, m = 0.3, g² = 0.5} from N(1, 0.04) (cell averages, exact), read at t = 0.4
     * against the exact Gaussian: the L1 distance on cell probabilities falls 4× per halving.
     */
    @Test
    void ornsteinUhlenbeckL1ErrorIsSecondOrder() {
        double a = 2, m = 0.3, g2 = 0.5, t = 0.4;
        NormalLaw start = new NormalLaw(1.0, 0.04);
        double shrink = Math.exp(-a * t);
        NormalLaw exact = new NormalLaw(m + (1.0 - m) * shrink,
                0.04 * shrink * shrink + new OrnsteinUhlenbeck(a, m, g2).transition(0, t).variance());
        double[] errors = new double[4];
        for (int level = 0; level < errors.length; level++) {
            CellGrid grid = new CellGrid(-2.7, 3.3, 40 << level);
            double[] p = new double[grid.cells()];
            for (int i = 0; i < p.length; i++) p[i] = (start.cdf(grid.face(i + 1)) - start.cdf(grid.face(i))) / grid.width();
            ChangCooperOperator op = new ChangCooperOperator(new Potential.Harmonic(a, m), g2, grid);
            CellDensity pt = new GeneratorSpectrum(op).evolve(new CellDensity(grid, p), t);
            assertEquals(1.0, pt.mass(), 1e-12);
            errors[level] = pt.l1Distance(exact);
        }
        for (int level = 1; level < errors.length; level++) {
            double ratio = errors[level - 1] / errors[level];
            assertTrue(ratio > ORDER_TWO_RATIO_LOW && ratio < ORDER_TWO_RATIO_HIGH,
                    "L1 errors " + java.util.Arrays.toString(errors) + ": ratio " + ratio);
        }
        // measured L1 errors 9.3e-3, 2.3e-3, 5.8e-4, 1.4e-4 for 40 … 320 cells
        assertTrue(errors[errors.length - 1] < 2e-4, java.util.Arrays.toString(errors));
    }

    @Test
    void ornsteinUhlenbeckRatesAreMultiplesOfTheStiffness() {
        double a = 2;
        CellGrid grid = new CellGrid(-4, 4, 400);
        double[] rates = new GeneratorSpectrum(new ChangCooperOperator(new Potential.Harmonic(a, 0), 0.5, grid)).rates();
        assertEquals(0.0, rates[0], 1e-10);
        // second-order error ~ (n a h)²-ish: 4e-4 relative at h = 0.02 for the first few
        for (int k = 1; k <= 4; k++) assertEquals(k * a, rates[k], 1e-3 * k * k);
    }

    /**
     * docs/physics.md §4 RBM reference ({@code μ² = 1, κ = 0.5, g² = 0.05, x₀ = 0.9}, zero flux at 0
     * and 1): n = 200 and 400, Richardson-extrapolated ({@code (4f_{400} − f_{200})/3}), since the
     * error is second order (the ratio of the successive differences is checked). The variance adds
     * the within-cell h²/12 of the piecewise-constant density. Tolerances: half a unit in the
     * reference's last digit plus the Richardson remainder (≈ 1e-7 here).
     */
    @Test
    void rbmReferenceTable() {
        Potential rbm = new Potential.Rbm(1.0, 0.5);
        double[] times = {0.1, 0.5, 2.0};
        double[][] coarse = moments(rbm, 200, times), fine = moments(rbm, 400, times), finer = moments(rbm, 800, new double[] {0.1});
        double[] mean = {0.687313, 0.525239, 0.418059}, var = {0.003849, 0.014460, 0.030387};
        for (int k = 0; k < times.length; k++) {
            assertEquals(mean[k], richardson(coarse[k][0], fine[k][0]), 6e-7, "mean at t = " + times[k]);
            assertEquals(var[k], richardson(coarse[k][1], fine[k][1]), 6e-7, "variance at t = " + times[k]);
        }
        double ratio = (coarse[0][0] - fine[0][0]) / (fine[0][0] - finer[0][0]);
        assertTrue(ratio > ORDER_TWO_RATIO_LOW && ratio < ORDER_TWO_RATIO_HIGH, "convergence ratio " + ratio);
        double[] st200 = stationary(rbm, 200), st400 = stationary(rbm, 400);
        assertEquals(0.4025567, richardson(st200[0], st400[0]), 1e-7);
        assertEquals(0.0321815, richardson(st200[1], st400[1]), 1e-7);
        double[] r200 = new GeneratorSpectrum(op(rbm, 200)).rates(), r400 = new GeneratorSpectrum(op(rbm, 400)).rates();
        assertEquals(1.32743, richardson(r200[1], r400[1]), 1e-5);
        assertEquals(4.3944, richardson(r200[2], r400[2]), 1e-4);
        assertEquals(8.9027, richardson(r200[3], r400[3]), 1e-4);
    }

    /** Small noise: e^{−V/(2g²)} underflows near the wall at μ²; the evolution stays finite and conserving. */
    @Test
    void smallNoiseUnderflowNearTheWallIsHarmless() {
        CellGrid grid = new CellGrid(0, 1, 300);
        ChangCooperOperator op = new ChangCooperOperator(new Potential.Rbm(1.0, 0.5), 0.002, grid);
        CellDensity p = new GeneratorSpectrum(op).evolve(CellDensity.pointMass(grid, 0.6), 0.5);
        assertEquals(1.0, p.mass(), 1e-10);
        for (double v : p.values()) assertTrue(Double.isFinite(v));
    }

    private static double richardson(double coarse, double fine) {
        return (4 * fine - coarse) / 3;
    }

    private static ChangCooperOperator op(Potential v, int n) {
        return new ChangCooperOperator(v, 0.05, new CellGrid(0, 1, n));
    }

    private static double[][] moments(Potential v, int n, double[] times) {
        ChangCooperOperator op = op(v, n);
        GeneratorSpectrum spectrum = new GeneratorSpectrum(op);
        CellDensity p0 = CellDensity.pointMass(op.grid(), 0.9);
        double h = op.grid().width();
        double[][] out = new double[times.length][];
        for (int k = 0; k < times.length; k++) {
            CellDensity p = spectrum.evolve(p0, times[k]);
            out[k] = new double[] {p.mean(), p.variance() + h * h / 12};
        }
        return out;
    }

    private static double[] stationary(Potential v, int n) {
        CellDensity s = op(v, n).stationary();
        double h = 1.0 / n;
        return new double[] {s.mean(), s.variance() + h * h / 12};
    }
}
