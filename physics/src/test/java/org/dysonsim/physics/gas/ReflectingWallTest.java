package org.dysonsim.physics.gas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.junit.jupiter.api.Test;

/** Zero-flux walls folded into the implicit step ({@link ReflectingWalls}). */
class ReflectingWallTest {
    /** Newton stops on a decrement of 1e-16: the stationarity residuals are far below this. */
    private static final double KKT_TOLERANCE = 1e-6;

    private static GasModel reflectingAtZero(int n, double g2, Drift drift) {
        return new GasModel(GasFixtures.filled(n, g2), GasFixtures.filled(n, g2), new double[n], drift,
                Wall.reflect(0.0), Wall.NONE);
    }

    @Test
    void oneParticleIsReflectedExactly() {
        GasModel m = reflectingAtZero(1, 1.0, new Drift.Zero());
        double[] y = new double[1];
        new NearestNeighbourImplicit(1).solve(m, new double[] {-0.3}, 0.01, y);
        assertArrayEquals(new double[] {0.3}, y, 1e-15);
        new NearestNeighbourImplicit(1).solve(m, new double[] {0.2}, 0.01, y);
        assertArrayEquals(new double[] {0.2}, y, 1e-15);
    }

    @Test
    void farFromTheWallNothingChanges() {
        GasModel free = GasFixtures.dyson(3, 1.0, 0.0);
        GasModel walled = reflectingAtZero(3, 1.0, new Drift.Zero());
        double[] z = {0.5, 0.52, 1.4}, a = new double[3], b = new double[3];
        new NearestNeighbourImplicit(3).solve(free, z, 0.01, a);
        new NearestNeighbourImplicit(3).solve(walled, z, 0.01, b);
        assertArrayEquals(a, b, 0.0);
    }

    /**
     * The three cases of the folded objective, each checked by its optimality conditions: the
     * lowest prediction beyond the wall is mirrored; pushed onto the wall by its neighbour from
     * just above it, the lowest particle stays on the wall (the kink of the folded objective),
     * where the subgradient condition |(0 − z₁)/(hγ) + 1/y₂| ≤ 1/y₂ holds.
     */
    @Test
    void theLowestParticleIsMirroredOrHeldAtTheKinkAndNothingIsReordered() {
        double h = 0.01, g2 = 1.0;
        GasModel m = reflectingAtZero(2, g2, new Drift.Zero());
        NearestNeighbourImplicit implicit = new NearestNeighbourImplicit(2);
        double[] y = new double[2];

        implicit.solve(m, new double[] {-0.2, 0.6}, h, y);   // mirrored: z₁ → 0.2
        assertTrue(0 < y[0] && y[0] < y[1], Arrays.toString(y));
        stationary(new double[] {0.2, 0.6}, y, h, g2);

        implicit.solve(m, new double[] {-0.05, 0.02}, h, y);   // mirrored above z₂ and still pushed onto the wall
        assertEquals(0.0, y[0], 0.0);
        assertTrue(y[1] > 0, Arrays.toString(y));

        implicit.solve(m, new double[] {0.001, 0.03}, h, y);   // held: the push hγ/gap ≫ 0.001
        assertEquals(0.0, y[0], 0.0);
        double d = y[1];
        assertEquals(0.0, (y[1] - 0.03) / (h * g2) - 1.0 / d, KKT_TOLERANCE / (h * g2), "particle 2 is optimal");
        double slope = (0.0 - 0.001) / (h * g2);
        assertTrue(Math.abs(slope) <= 1.0 / d, "0 is in the subgradient at the kink: " + slope + " vs " + 1.0 / d);
    }

    /** Stationarity of the smooth problem for two particles with predictions z. */
    private static void stationary(double[] z, double[] y, double h, double g2) {
        double r = 1.0 / (y[1] - y[0]);
        assertEquals(0.0, (y[0] - z[0]) / (h * g2) + r, KKT_TOLERANCE / (h * g2));
        assertEquals(0.0, (y[1] - z[1]) / (h * g2) - r, KKT_TOLERANCE / (h * g2));
    }

    /**
     * The RBM drift with a weak well (κ = 2) and strong repulsion (g² = 0.2) squeezes ten levels
     * between the reflecting wall at 0 and the barrier at μ² = 1; reflecting after the implicit
     * step reordered the two lowest levels in every one of these members within 1000 steps.
     */
    @Test
    void anRbmGasSqueezedAgainstTheWallRunsWithoutStoppingOrCrossing() {
        int n = 10;
        GasModel m = new GasModel(GasFixtures.filled(n, 0.2), GasFixtures.filled(n, 0.2), new double[n],
                new Drift.RbmSmooth(GasFixtures.filled(n, 2.0)), Wall.reflect(0.0), Wall.barrier(1.0, 1.0));
        int onTheWall = 0;
        for (int k = 0; k < 20; k++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = 0.05 + 0.09 * i;
            GasStepper stepper = new GasStepper(m, StepSizeRule.fixed(), 3, k);
            for (long s = 0; s < 1000; s++) {
                stepper.advance(x, s, 0.01);
                assertTrue(x[0] >= 0.0 && x[n - 1] < 1.0, "member " + k + " step " + s + " left (0, 1): " + Arrays.toString(x));
                for (int i = 0; i + 1 < n; i++) assertTrue(x[i] < x[i + 1], "member " + k + " step " + s + " reordered");
                if (x[0] == 0.0) onTheWall++;
            }
        }
        assertTrue(onTheWall > 0, "the lowest level is pressed onto the wall at some steps");
    }

    /** Ten levels in a harmonic well whose free spectrum reaches about 1 below the wall: every member leans on it. */
    private static final int N = 10, MEMBERS = 1200;
    private static final double CENTRE = 4.5, G2 = 1.0, OMEGA = 1.0, DT = 0.01;
    /** t = 8 relaxation times of the well: the start is forgotten to e^{−8}. */
    private static final int STEPS = 800;

    private static double[][] pressedGas(GasModel model) {
        double[][] out = new double[MEMBERS][];
        double[] start = new double[N];
        for (int i = 0; i < N; i++) start[i] = CENTRE - 2.0 + 0.5 * i;
        for (int k = 0; k < MEMBERS; k++) {
            double[] x = start.clone();
            GasStepper stepper = new GasStepper(model, StepSizeRule.fixed(), 31, k);
            for (long s = 0; s < STEPS; s++) {
                stepper.advance(x, s, DT);
                assertTrue(x[0] >= 0.0, "member " + k + " step " + s + " crossed the wall: " + x[0]);
                for (int i = 0; i + 1 < N; i++) assertTrue(x[i] < x[i + 1], "member " + k + " step " + s + " reordered");
            }
            out[k] = x;
        }
        return out;
    }

    /**
     * Zero flux keeps detailed balance, so the stationary law with the wall is the Gibbs law
     * Π|x_i − x_j| e^{−ΣΩ(x − c)²/(2g²)} restricted to x₁ ≥ 0 (docs/physics.md §1): the spectrum of the
     * stationary matrix c + σ(A + Aᵀ)/2, σ² = g²/Ω, conditioned on its lowest eigenvalue ≥ 0
     * (rejection). Two-sample KS of the lowest and second level at the 1e-4 level; the same test
     * rejects the unconditioned law (the wall matters) at 1e-6.
     */
    @Test
    void aGasPressedAgainstTheWallReachesTheConditionedGibbsLaw() {
        GasModel model = new GasModel(GasFixtures.filled(N, G2), GasFixtures.filled(N, G2), new double[N],
                new Drift.Harmonic(GasFixtures.filled(N, CENTRE), GasFixtures.filled(N, OMEGA)), Wall.reflect(0.0), Wall.NONE);
        double[][] gas = pressedGas(model);
        double[] centre = GasFixtures.filled(N, CENTRE);
        double t = G2 / (2 * OMEGA);   // dysonMatrix's √(g²t)·G is σ(A + Aᵀ)/2 at g²t = σ²/2
        double[][] conditioned = new double[MEMBERS][], free = new double[MEMBERS][];
        int accepted = 0;
        for (long r = 0; accepted < MEMBERS; r++) {
            double[] v = GasFixtures.dysonMatrix(centre, G2, t, 37, r);
            if (r < MEMBERS) free[(int) r] = v;
            if (v[0] >= 0.0) conditioned[accepted++] = v;
        }
        for (int level = 0; level < 2; level++) {
            double ks = GasFixtures.ksTwoSample(column(gas, level), column(conditioned, level));
            assertTrue(ks < KolmogorovSmirnov.CRITICAL_1E4, "level " + level + ": KS " + ks);
        }
        double power = GasFixtures.ksTwoSample(column(gas, 0), column(free, 0));
        assertTrue(power > KolmogorovSmirnov.CRITICAL_1E6, "the unconditioned law is rejected: KS " + power);
    }

    private static double[] column(double[][] x, int i) {
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) out[k] = x[k][i];
        return out;
    }
}
