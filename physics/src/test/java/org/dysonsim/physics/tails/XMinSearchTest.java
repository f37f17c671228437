package org.dysonsim.physics.tails;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The pruned x_min search finds exactly what trying every candidate finds. */
class XMinSearchTest {
    private static PowerLawFit everyCandidate(double[] data) {
        double[] x = data.clone();
        Arrays.sort(x);
        PowerLawFit best = null;
        for (int i = 0; i + PowerLawFit.MIN_TAIL <= x.length; i++) {
            if (i > 0 && x[i] == x[i - 1]) continue;
            PowerLawFit f;
            try {
                f = PowerLawFit.fitAbove(x, x[i], false);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (best == null || f.ksDistance() < best.ksDistance()) best = f;
        }
        return best;
    }

    @Test
    void prunedSearchEqualsTheExhaustiveOne() {
        double[][] samples = {TailSamples.powerLaw(400, 2.5, 1, 31), TailSamples.lognormal(400, 0, 1, 32),
            TailSamples.exponential(400, 1, 0, 33), TailSamples.truncatedPowerLaw(400, 1.5, 0.05, 1, 34)};
        for (double[] x : samples) assertEquals(everyCandidate(x), PowerLawFit.fit(x, false));
        double[] ties = TailSamples.lognormal(400, 0, 1, 35); // rounded: many equal values, a grid probe may land inside a run
        for (int i = 0; i < ties.length; i++) ties[i] = Math.round(ties[i] * 20) / 20.0 + 0.05;
        assertEquals(everyCandidate(ties), PowerLawFit.fit(ties, false));
    }
}
