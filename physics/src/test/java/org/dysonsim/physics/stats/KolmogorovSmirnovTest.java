package org.dysonsim.physics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.laws.NormalLaw;
import org.dysonsim.physics.rng.CounterRng;
import org.junit.jupiter.api.Test;

class KolmogorovSmirnovTest {
    /** Large enough that a 5 % error in σ (D ≈ 0.05·max xφ(x) ≈ 0.012) gives √n·D ≈ 3.8. */
    private static final int N = 100_000;
    private static final long SEED = 42;

    private static double[] gaussians(long member, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = CounterRng.gaussian(SEED, member, i, 0, 0);
        return x;
    }

    @Test
    void survivalFunctionReproducesTheCriticalValues() {
        assertEquals(0.05, KolmogorovSmirnov.kolmogorovSurvival(1.3581), 2e-5);
        assertEquals(0.01, KolmogorovSmirnov.kolmogorovSurvival(1.6276), 2e-6);
        assertEquals(1e-4, KolmogorovSmirnov.kolmogorovSurvival(2.2253), 1e-7);
        assertEquals(1e-6, KolmogorovSmirnov.kolmogorovSurvival(2.6934), 1e-8);
    }

    @Test
    void distanceOfASmallSampleByHand() {
        // F(x) = x on [0, 1]; sample {0.1, 0.6}: steps at 0.1 (0 → 0.5) and 0.6 (0.5 → 1)
        KolmogorovSmirnov.Result r = KolmogorovSmirnov.oneSample(new double[] {0.6, 0.1}, x -> x);
        assertEquals(0.4, r.distance(), 1e-15);
        KolmogorovSmirnov.Result two = KolmogorovSmirnov.twoSample(new double[] {1, 2, 3}, new double[] {2.5, 4});
        assertEquals(2.0 / 3.0, two.distance(), 1e-15);
        assertEquals(1.2, two.effectiveSize(), 1e-15);
    }

    @Test
    void acceptsTheTrueLawAndRejectsAFivePercentWiderOne() {
        double[] x = gaussians(0, N);
        KolmogorovSmirnov.Result right = KolmogorovSmirnov.oneSample(x, new NormalLaw(0, 1)::cdf);
        assertTrue(right.scaled() < KolmogorovSmirnov.CRITICAL_1E4, "true law: " + right);
        KolmogorovSmirnov.Result wrong = KolmogorovSmirnov.oneSample(x, new NormalLaw(0, 1.1025)::cdf);
        assertTrue(wrong.scaled() > KolmogorovSmirnov.CRITICAL_1E6, "σ off by 5 %: " + wrong);
        assertTrue(wrong.pValue() < 1e-6);
    }

    @Test
    void twoSampleAcceptsEqualLawsAndRejectsAShift() {
        double[] a = gaussians(1, N), b = gaussians(2, N);
        assertTrue(KolmogorovSmirnov.twoSample(a, b).scaled() < KolmogorovSmirnov.CRITICAL_1E4);
        double[] shifted = b.clone();
        for (int i = 0; i < shifted.length; i++) shifted[i] += 0.1;
        assertTrue(KolmogorovSmirnov.twoSample(a, shifted).scaled() > KolmogorovSmirnov.CRITICAL_1E6);
    }
}
