package org.dysonsim.physics.gas;

import static org.dysonsim.physics.gas.GasFixtures.KS_CRITICAL_1E3;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GasStepperTest {
    /** Standard errors used for assertions are multiplied by this (docs/physics.md §7). */
    private static final double Z = 5.0;

    @Test
    void noiseDrawnAheadGivesTheSameBitsAsTheStepper() {
        // The engine may draw a chunk's increments on another thread (GasStepper.noise) and step
        // with them later (advanceWithNoise): every bit must match the stepper drawing its own.
        GasModel gas = GasFixtures.wishartBru(9, 14, 0.5);
        double[] own = {0.3, 0.6, 0.9, 1.2, 1.5, 1.8, 2.1, 2.4, 2.7};
        double[] given = own.clone();
        double dt = 0.004;
        int level = 2, n = gas.n();
        long from = 17, to = 29;
        GasStepper drawing = new GasStepper(gas, StepSizeRule.fixed(), 11, 3);
        GasStepper stepping = new GasStepper(gas, StepSizeRule.fixed(), 11, 3);
        double[] noise = new double[(int) (to - from) * (1 << level) * n];
        GasStepper.noise(11, 3, n, from, to, level, dt, noise);
        for (long k = from; k < to; k++) {
            drawing.advanceAtLevel(own, k, dt, level);
            stepping.advanceWithNoise(given, dt, level, noise, (int) (k - from) * (1 << level) * n);
        }
        assertArrayEquals(own, given, 0.0);
        // Power: the noise of other steps must give other positions.
        double[] shifted = {0.3, 0.6, 0.9, 1.2, 1.5, 1.8, 2.1, 2.4, 2.7};
        GasStepper.noise(11, 3, n, from + 1, to + 1, level, dt, noise);
        GasStepper other = new GasStepper(gas, StepSizeRule.fixed(), 11, 3);
        for (long k = from; k < to; k++) other.advanceWithNoise(shifted, dt, level, noise, (int) (k - from) * (1 << level) * n);
        assertFalse(java.util.Arrays.equals(own, shifted), "shifted noise should move the particles elsewhere");
    }

    @Test
    void oneParticleReachesTheDiscreteOrnsteinUhlenbeckVariance() {
        // Euler for dx = −a x dt + √(2g²) dW has stationary variance g²/(a(1 − ah/2)) exactly.
        double a = 1.0, g2 = 1.0, h = 0.2;
        int members = 20000;
        GasModel m = GasFixtures.dyson(1, g2, a);
        double sum = 0, sumSq = 0;
        for (int k = 0; k < members; k++) {
            double x = GasFixtures.run(m, StepSizeRule.fixed(), new double[] {0.0}, 5, k, h, 100)[0];
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / members;
        double var = sumSq / members - mean * mean;
        double discrete = g2 / (a * (1 - a * h / 2));
        double se = discrete * Math.sqrt(2.0 / members);
        assertEquals(0.0, mean, Z * Math.sqrt(discrete / members));
        assertEquals(discrete, var, Z * se);
        // Power: the continuum variance g²/a is 11 % off, about 11 standard errors.
        assertTrue(Math.abs(var - g2 / a) > Z * se, "continuum variance should be distinguishable");
    }

    @Test
    void twoLevelsInOneWellRepelIntoTheWignerSurmise() {
        // Stationary spacing of two levels in a well: S/(√π σ) follows P(s) = (π/2) s e^{−πs²/4}, σ² = g²/Ω (docs/physics.md §3).
        double g2 = 0.5, omega = 2.0, dt = 0.005;
        int members = 4000;
        GasModel m = GasFixtures.dyson(2, g2, omega);
        double sigma = Math.sqrt(g2 / omega);
        double[] s = new double[members];
        for (int k = 0; k < members; k++) {
            double[] x = GasFixtures.run(m, StepSizeRule.fixed(), new double[] {-0.01, 0.01}, 9, k, dt, 1000);
            s[k] = (x[1] - x[0]) / (Math.sqrt(Math.PI) * sigma);
        }
        double goe = GasFixtures.ksOneSample(s, v -> 1 - Math.exp(-Math.PI * v * v / 4));
        assertTrue(goe < KS_CRITICAL_1E3, "KS against the β = 1 surmise: " + goe);
        // Power: the β = 2 surmise (32/π²) s² e^{−4s²/π} must be rejected by the same data.
        double gue = GasFixtures.ksOneSample(s, v -> org.hipparchus.special.Erf.erf(2 * v / Math.sqrt(Math.PI))
                - 4 * v / Math.PI * Math.exp(-4 * v * v / Math.PI));
        assertTrue(gue > KS_CRITICAL_1E3, "KS against the β = 2 surmise should reject: " + gue);
    }

    @Test
    void sixParticlesMatchExactDysonMatricesAndNeverCross() {
        double g2 = 1.0, t = 0.3, dt = 0.005;
        double[] x0 = {-1.5, -0.9, -0.2, 0.1, 0.8, 1.6};
        int members = 2000;
        GasModel gas = GasFixtures.dyson(6, g2, 0.0);
        GasModel halfCoulomb = new GasModel(gas.noise(), GasFixtures.filled(6, g2 / 2), gas.mirror(), gas.drift(),
                Wall.NONE, Wall.NONE);
        double[] particleMax = new double[members], particleMin = new double[members];
        double[] matrixMax = new double[members], matrixMin = new double[members];
        double[] wrongMax = new double[members];
        GasStepper stepper = null;
        for (int k = 0; k < members; k++) {
            double[] x = x0.clone();
            stepper = new GasStepper(gas, StepSizeRule.fixed(), 21, k);
            for (long s = 0; s < Math.round(t / dt); s++) {
                stepper.advance(x, s, dt);
                for (int i = 0; i < 5; i++) assertTrue(x[i] < x[i + 1], "crossed at member " + k + " step " + s);
            }
            particleMax[k] = x[5];
            particleMin[k] = x[0];
            wrongMax[k] = GasFixtures.run(halfCoulomb, StepSizeRule.fixed(), x0, 21, k, dt, Math.round(t / dt))[5];
            double[] e = GasFixtures.dysonMatrix(x0, g2, t, 77, k);
            matrixMax[k] = e[5];
            matrixMin[k] = e[0];
        }
        assertTrue(GasFixtures.ksTwoSample(particleMax, matrixMax) < KS_CRITICAL_1E3, "largest eigenvalue");
        assertTrue(GasFixtures.ksTwoSample(particleMin, matrixMin) < KS_CRITICAL_1E3, "smallest eigenvalue");
        // Power: half the Coulomb repulsion (β = 1/2) is rejected.
        assertTrue(GasFixtures.ksTwoSample(wrongMax, matrixMax) > KS_CRITICAL_1E3, "β = 1/2 should be rejected");
    }

    @Test
    void neverCrossesAtCoarseSteps() {
        // dt = 0.05 is ~5x the mean spacing² (0.01): plain Euler crosses within a few steps here.
        int n = 50;
        GasModel gas = GasFixtures.dyson(n, 1.0, 0.5);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 0.1 * i;
        GasStepper stepper = new GasStepper(gas, StepSizeRule.fixed(), 3, 0);
        for (long s = 0; s < 200; s++) {
            stepper.advance(x, s, 0.05);
            for (int i = 0; i + 1 < n; i++) assertTrue(x[i] < x[i + 1], "crossed at step " + s);
        }
    }

    @Test
    void adaptiveRuleRefinesCrowdedStates() {
        GasModel gas = GasFixtures.dyson(4, 1.0, 0.0);
        StepSizeRule rule = StepSizeRule.adaptive(0.01, 12);
        // spacing 0.1: h* = 0.01·0.01/1 = 1e-4, so dt = 0.01 needs 2^7 sub-steps.
        assertEquals(7, rule.level(gas, new double[] {0, 0.1, 0.2, 0.3}, 0.01));
        assertEquals(0, rule.level(gas, new double[] {0, 10, 20, 30}, 0.01));
        assertEquals(0, StepSizeRule.fixed().level(gas, new double[] {0, 0.1, 0.2, 0.3}, 0.01));
    }

    @Test
    void coupledRefinementConvergesAtOrderOneHalfOrBetter() {
        // Same Brownian path at h, h/2, h/4. With errors ∝ h^p the ratio below is 1 + 2^p: 3 at first
        // order, 2.41 at order 1/2. Measured here over 10 000 members it is 2.43–2.46 (p ≈ 0.53, with
        // either generator): the near-collisions of a few members keep the strong order near 1/2 even
        // at h = 2e-4 (gaps² ~ 0.1). Over 2000 members its spread between seeds is about 0.05.
        GasModel gas = GasFixtures.dyson(6, 1.0, 1.0);
        double[] x0 = {-1.5, -0.9, -0.2, 0.1, 0.8, 1.6};
        double[] diff = new double[2];
        int members = 2000;
        for (int k = 0; k < members; k++) {
            double[][] ends = new double[3][];
            for (int level = 0; level < 3; level++) {
                double[] x = x0.clone();
                GasStepper stepper = new GasStepper(gas, StepSizeRule.fixed(), 31, k);
                for (long s = 0; s < 20; s++) stepper.advanceAtLevel(x, s, 2e-4, level);
                ends[level] = x;
            }
            for (int i = 0; i < 6; i++) {
                diff[0] += Math.abs(ends[0][i] - ends[2][i]);
                diff[1] += Math.abs(ends[1][i] - ends[2][i]);
            }
        }
        // Against the h/4 run the errors at h and h/2 are in ratio (1 − 1/4)/(1/2 − 1/4) = 3 at first order.
        double ratio = diff[0] / diff[1];
        assertTrue(ratio > 2.3 && ratio < 3.6, "a ratio between order 1/2 (2.41) and 1 (3) expected, got " + ratio);
    }
}
