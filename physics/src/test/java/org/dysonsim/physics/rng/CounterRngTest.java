package org.dysonsim.physics.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the engine's coordinates map onto Philox4x32-10's key and counter. */
class CounterRngTest {
    @Test
    void keyIsSeedPlusSpreadMemberAndCounterIsIndexStepStream() {
        int[] engine = new int[4], direct = new int[4];
        long seed = 0x0123456789ABCDEFL, member = 5;
        long key = seed + member * CounterRng.MEMBER_SPREAD;
        CounterRng.block(seed, member, 17, 42, (3L << 32) | 9, engine);
        Philox4x32.block(17, 42, 9, 3, (int) key, (int) (key >>> 32), direct);
        assertEquals(java.util.Arrays.toString(direct), java.util.Arrays.toString(engine));
    }

    @Test
    void negativeStepsOfTheIntRangeUseTheFourthWordForTheStreamOnly() {
        int[] engine = new int[4], direct = new int[4];
        CounterRng.block(1, 0, -1, -11, 2001, engine);
        Philox4x32.block(-1, -11, 2001, 0, 1, 0, direct);
        assertEquals(java.util.Arrays.toString(direct), java.util.Arrays.toString(engine));
    }

    /**
     * seed + m·φ = seed' + m'·φ needs seed − seed' = (m' − m)·φ mod 2⁶⁴; for every member
     * difference below 2²⁰ that is at least 2⁴³ in absolute value.
     */
    @Test
    void membersBelowTwoToTheTwentyNeverShareAKeyWithSeedsCloserThanTwoToTheFortyThree() {
        for (long d = 1; d < (1L << 20); d++) {
            assertTrue(Math.abs(d * CounterRng.MEMBER_SPREAD) > (1L << 43), "member difference " + d);
        }
    }

    @Test
    void everyCoordinateChangesTheDraw() {
        double base = CounterRng.gaussian(1, 2, 3, 4, 5);
        assertEquals(base, CounterRng.gaussian(1, 2, 3, 4, 5));
        Set<Double> seen = new HashSet<>();
        seen.add(base);
        seen.add(CounterRng.gaussian(2, 2, 3, 4, 5));
        seen.add(CounterRng.gaussian(1, 3, 3, 4, 5));
        seen.add(CounterRng.gaussian(1, 2, 4, 4, 5));
        seen.add(CounterRng.gaussian(1, 2, 3, 5, 5));
        seen.add(CounterRng.gaussian(1, 2, 3, 4, 6));
        seen.add(CounterRng.gaussian(1, 2, 3, 4, 5 + (1L << 32)));
        seen.add(CounterRng.gaussian(1, 2, 3 + (1L << 32), 4, 5));
        assertEquals(8, seen.size());
        assertNotEquals(CounterRng.uniform(1, 2, 3, 4, 5), CounterRng.uniform(1, 2, 3, 4, 6));
    }

    @Test
    void uniformsStayInsideTheOpenInterval() {
        for (int i = 0; i < 100_000; i++) {
            double u = CounterRng.uniform(9, 0, i, 0, 0);
            assertTrue(u > 0 && u < 1, "u = " + u);
        }
    }
}
