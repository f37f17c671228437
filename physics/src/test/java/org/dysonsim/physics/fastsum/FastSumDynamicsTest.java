package org.dysonsim.physics.fastsum;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.gas.CoulombTiles;
import org.dysonsim.physics.rng.CounterRng;
import org.junit.jupiter.api.Test;

/**
 * The fast sum's error has no effect on the dynamics that matters: a Dyson gas of N = 2048 moved
 * 100 Euler–Maruyama steps with the fast far field and with the direct one, on the same noise,
 * ends apart by far less than the same gas moved with half the step (the step bias that error
 * control measures, docs/physics.md §2): the sum's error is not amplified by the dynamics into
 * anything the step size does not already dwarf.
 */
class FastSumDynamicsTest {
    private static final int N = 2048;
    private static final int STEPS = 100;
    private static final double DT = 1e-7;
    private static final long SEED = 11;

    /** dx_i = [(1/N) Σ_{j≠i} 1/(x_i − x_j) − (x_i − 1)] dt + √(2/N) dB_i, the far field from {@code fast} or the direct sum. */
    private static void step(double[] x, double dt, double[] noise, boolean fast, FastCoulombSums sums) {
        double[] far = new double[N];
        double[] mirror = new double[N];
        if (fast) sums.sums(x, 0, N, far, mirror);
        else CoulombTiles.farField(x, far, mirror);
        double[] next = new double[N];
        for (int i = 0; i < N; i++) {
            // the far field leaves out the index neighbours (the engine's implicit part): added here
            double near = (i > 0 ? 1.0 / (x[i] - x[i - 1]) : 0.0) + (i + 1 < N ? 1.0 / (x[i] - x[i + 1]) : 0.0);
            next[i] = x[i] + ((far[i] + near) / N - (x[i] - 1.0)) * dt + Math.sqrt(2.0 / N) * noise[i];
        }
        System.arraycopy(next, 0, x, 0, N);
    }

    /** The Brownian increment of half step {@code k} (0 or 1) of step {@code s}, variance dt/2. */
    private static double half(int i, int s, int k) {
        return Math.sqrt(DT / 2) * CounterRng.gaussian(SEED, 0, i, 2L * s + k, 0);
    }

    @Test
    void theSumErrorIsFarBelowTheStepBias() {
        double[] coarseFast = FastCoulombSumsTest.marchenkoPastur(N, 5);
        double[] coarseDirect = coarseFast.clone();
        double[] fine = coarseFast.clone();
        FastCoulombSums sums = new FastCoulombSums(N);
        double[] whole = new double[N];
        double[][] halves = new double[2][N];
        for (int s = 0; s < STEPS; s++) {
            for (int i = 0; i < N; i++) {
                halves[0][i] = half(i, s, 0);
                halves[1][i] = half(i, s, 1);
                whole[i] = halves[0][i] + halves[1][i];
            }
            step(coarseFast, DT, whole, true, sums);
            step(coarseDirect, DT, whole, false, sums);
            step(fine, DT / 2, halves[0], true, sums);
            step(fine, DT / 2, halves[1], true, sums);
        }
        double bySum = 0.0;
        double byStep = 0.0;
        for (int i = 0; i < N; i++) {
            assertTrue(Double.isFinite(coarseFast[i]) && (i == 0 || coarseFast[i] > coarseFast[i - 1]), "ordered at " + i);
            bySum = Math.max(bySum, Math.abs(coarseFast[i] - coarseDirect[i]));
            byStep = Math.max(byStep, Math.abs(coarseFast[i] - fine[i]));
        }
        double spacing = (coarseFast[N - 1] - coarseFast[0]) / (N - 1);
        System.out.printf("N = %d, %d steps: fast vs direct sum %.2e, step vs half step %.2e (mean spacing %.2e)%n",
                N, STEPS, bySum, byStep, spacing);
        assertTrue(bySum < 1e-10 * spacing, "fast vs direct " + bySum);
        assertTrue(bySum < 1e-6 * byStep, "fast vs direct " + bySum + ", step vs half step " + byStep);
    }
}
