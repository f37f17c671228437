package org.dysonsim.physics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.laws.NormalLaw;
import org.dysonsim.physics.rng.CounterRng;
import org.junit.jupiter.api.Test;

class LawComparisonTest {
    private static final int N = 50_000, BINS = 40;

    @Test
    void acceptsTheTrueLawAndRejectsAShiftedOne() {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) x[i] = 1 + 0.5 * CounterRng.gaussian(71, i, 0, 0, 0);
        LawComparison right = LawComparison.of(x, new NormalLaw(1, 0.25), BINS);
        assertTrue(right.acceptedAt(KolmogorovSmirnov.CRITICAL_1E4));
        assertEquals(N, right.histogram().total());
        // E L1 ≈ Σ_b √(2p_b/(πn)) ≤ √(2·bins/(πn)) ≈ 0.023: 0.05 is well beyond its spread
        assertTrue(right.l1() < 0.05, "L1 " + right.l1());
        LawComparison wrong = LawComparison.of(x, new NormalLaw(1.05, 0.25), BINS);
        assertFalse(wrong.acceptedAt(KolmogorovSmirnov.CRITICAL_1E6));
        assertTrue(wrong.l1() > right.l1());
    }
}
