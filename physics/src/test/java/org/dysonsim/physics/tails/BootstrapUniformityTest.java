package org.dysonsim.physics.tails;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.junit.jupiter.api.Test;

/** Under the null the bootstrap p-value is uniform: many small seeded power-law samples, one p each. */
class BootstrapUniformityTest {
    private static final int RUNS = 100, SETS = 30, N = 60;

    @Test
    void pValuesOfPowerLawSamplesAreUniform() {
        double[] p = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            double[] x = TailSamples.powerLaw(N, 2.5, 1.0, 1000 + r);
            p[r] = TailBootstrap.of(x, PowerLawFit.fit(x, false), true, SETS, 5000 + r, 2).pValue();
        }
        // KS against U(0, 1) at the 1e-3 level for RUNS values, plus 1/SETS for p's grid of steps 1/SETS
        double d = KolmogorovSmirnov.oneSample(p, v -> Math.min(1, Math.max(0, v))).distance();
        double threshold = 1.9495 / Math.sqrt(RUNS) + 1.0 / SETS;
        assertTrue(d < threshold, "D = " + d + " ≥ " + threshold + ", p = " + Arrays.toString(p));
    }
}
