package org.dysonsim.physics.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.rng.CounterRng;
import org.junit.jupiter.api.Test;

class WeightedLineTest {
    private static final double Z = 5.0;
    private static final int POINTS = 40;

    private static double[] xs() {
        double[] x = new double[POINTS];
        for (int i = 0; i < POINTS; i++) x[i] = 1e-4 * (1 + i);   // α/|B| across a sweep
        return x;
    }

    private static double[] sigmas(double[] x) {
        double[] s = new double[x.length];
        for (int i = 0; i < x.length; i++) s[i] = 0.02 + 50 * x[i];   // errors grow with the signal
        return s;
    }

    @Test
    void recoversSlopeAndInterceptWithinTheirStandardErrors() {
        double[] x = xs(), s = sigmas(x), y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) y[i] = 0.1 + 800 * x[i] + s[i] * CounterRng.gaussian(31, 0, i, 0, 0);
        WeightedLine line = WeightedLine.fit(x, y, s);
        assertEquals(800, line.slope(), Z * line.slopeSe());
        assertEquals(0.1, line.intercept(), Z * line.interceptSe());
        assertEquals(POINTS - 2, line.degreesOfFreedom());
        // χ² has mean dof and variance 2·dof
        assertEquals(line.degreesOfFreedom(), line.chiSquared(), Z * Math.sqrt(2.0 * line.degreesOfFreedom()));
    }

    @Test
    void throughTheOriginAndAQuadraticTruthIsRejected() {
        double[] x = xs(), s = sigmas(x), y = new double[POINTS], bent = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            double noise = s[i] * CounterRng.gaussian(32, 0, i, 0, 0);
            y[i] = 800 * x[i] + noise;
            bent[i] = 800 * x[i] + 4e6 * x[i] * x[i] + noise;
        }
        WeightedLine line = WeightedLine.throughOrigin(x, y, s);
        assertEquals(800, line.slope(), Z * line.slopeSe());
        WeightedLine wrong = WeightedLine.throughOrigin(x, bent, s);
        assertTrue(wrong.chiSquared() > wrong.degreesOfFreedom() + Z * Math.sqrt(2.0 * wrong.degreesOfFreedom()), "χ² " + wrong.chiSquared());
    }

    @Test
    void exactDataHasZeroChiSquared() {
        WeightedLine line = WeightedLine.fit(new double[] {0, 1, 2}, new double[] {1, 3, 5}, new double[] {1, 1, 1});
        assertEquals(2.0, line.slope(), 1e-14);
        assertEquals(1.0, line.intercept(), 1e-14);
        assertEquals(0.0, line.chiSquared(), 1e-20);
        assertEquals(Math.sqrt(0.5), line.slopeSe(), 1e-14);   // 1/√Σ(x − x̄)²
    }
}
