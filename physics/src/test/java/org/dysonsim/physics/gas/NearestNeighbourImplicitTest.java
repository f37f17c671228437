package org.dysonsim.physics.gas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.dysonsim.physics.rng.CounterRng;
import org.junit.jupiter.api.Test;

class NearestNeighbourImplicitTest {
    /** The stationarity residual is checked relative to the size of its terms; Newton stops at decrement² 1e-16. */
    private static final double RESIDUAL_TOLERANCE = 1e-7;

    static GasModel gas(int n, double g2, Wall lower, Wall upper) {
        double[] g = new double[n];
        Arrays.fill(g, g2);
        return new GasModel(g, g.clone(), new double[n], new Drift.Zero(), lower, upper);
    }

    /**
     * y_i = z_i + hγ[1/(y_i − y_{i−1}) − 1/(y_{i+1} − y_i)] + s·h c_lo/(y_i − lo) − s·h c_hi/(hi − y_i), s the
     * barriers' implicit share (docs/physics.md §2).
     */
    static void assertStationary(GasModel m, double[] z, double h, double[] y) {
        int n = y.length;
        for (int i = 0; i < n; i++) {
            double push = 0.0, scale = Math.abs(y[i] - z[i]);
            if (i > 0) push += 1.0 / (y[i] - y[i - 1]);
            if (i + 1 < n) push -= 1.0 / (y[i + 1] - y[i]);
            double rhs = z[i] + h * m.coulomb()[i] * push;
            rhs += h * Wall.IMPLICIT_SHARE * (m.lower().force(y[i]) + m.upper().force(y[i]));
            scale = Math.max(scale, Math.abs(rhs - z[i]));
            assertEquals(rhs, y[i], RESIDUAL_TOLERANCE * Math.max(scale, 1e-12), "stationarity at " + i);
        }
    }

    static void assertOrdered(double[] y) {
        for (int i = 0; i + 1 < y.length; i++) assertTrue(y[i] < y[i + 1], "ordered at " + i + ": " + Arrays.toString(y));
    }

    @Test
    void solvesTheStationarityConditionAndKeepsOrder() {
        int n = 40;
        GasModel m = gas(n, 0.7, Wall.NONE, Wall.NONE);
        for (double h : new double[] {1e-6, 1e-3, 0.1, 10.0}) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) z[i] = 0.01 * i + 0.3 * CounterRng.gaussian(1, 0, i, (long) (h * 1e6), 0);
            double[] y = new double[n];
            new NearestNeighbourImplicit(n).solve(m, z, h, y);
            assertOrdered(y);
            assertStationary(m, z, h, y);
        }
    }

    @Test
    void crossedAndCoincidentPredictionsStillGiveOrderedSolutions() {
        int n = 6;
        GasModel m = gas(n, 1.0, Wall.NONE, Wall.NONE);
        double[][] cases = {
            {0, 0, 0, 0, 0, 0},
            {5, 4, 3, 2, 1, 0},
            {1, -50, 50, 2, 2, -3},
        };
        for (double[] z : cases) {
            double[] y = new double[n];
            new NearestNeighbourImplicit(n).solve(m, z, 1e-4, y);
            assertOrdered(y);
            assertStationary(m, z, 1e-4, y);
        }
    }

    @Test
    void predictionsBeyondDoublePrecisionGiveADiagnostic() {
        // Crossing by 1e6 at h = 1e-4 asks for gaps of ~1e-10 at |y| ~ 1e5: below the resolution of a double.
        GasModel m = gas(6, 1.0, Wall.NONE, Wall.NONE);
        double[] y = new double[6];
        org.junit.jupiter.api.Assertions.assertThrows(NonFiniteStateException.class,
                () -> new NearestNeighbourImplicit(6).solve(m, new double[] {1, -1e6, 1e6, 2, 2, -3}, 1e-4, y));
    }

    @Test
    void barriersAreNeverCrossed() {
        int n = 10;
        GasModel m = gas(n, 0.05, Wall.barrier(0.0, 0.5), Wall.barrier(1.0, 1.0));
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = -2.0 + 0.5 * i; // most predictions lie outside (0, 1)
        double[] y = new double[n];
        new NearestNeighbourImplicit(n).solve(m, z, 0.01, y);
        assertOrdered(y);
        assertTrue(y[0] > 0.0 && y[n - 1] < 1.0, Arrays.toString(y));
        assertStationary(m, z, 0.01, y);
    }

    @Test
    void oneParticleWithoutWallsIsExplicitEuler() {
        GasModel m = gas(1, 1.0, Wall.NONE, Wall.NONE);
        double[] y = new double[1];
        new NearestNeighbourImplicit(1).solve(m, new double[] {0.375}, 0.1, y);
        assertEquals(0.375, y[0], 1e-15);
    }

    @Test
    void reflectingWallMirrorsThePrediction() {
        GasModel m = gas(1, 1.0, Wall.reflect(0.0), Wall.NONE);
        double[] y = new double[1];
        new NearestNeighbourImplicit(1).solve(m, new double[] {-0.25}, 0.1, y);
        assertEquals(0.25, y[0], 1e-15);
    }

    @Test
    void nonFinitePredictionIsADiagnosticNotANaN() {
        GasModel m = gas(3, 1.0, Wall.NONE, Wall.NONE);
        double[] y = new double[3];
        NonFiniteStateException e = org.junit.jupiter.api.Assertions.assertThrows(NonFiniteStateException.class,
                () -> new NearestNeighbourImplicit(3).solve(m, new double[] {0, Double.NaN, 1}, 0.1, y));
        assertTrue(e.getMessage().contains("eigenvalue 1"), e.getMessage());
    }
}
