package org.dysonsim.physics.gas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StepBiasTest {
    @Test
    void estimatesTheKnownBiasOfTheOrnsteinUhlenbeckMean() {
        // One level, K = −a(x − 0): the Euler mean after k steps is (1 − ah)^k x₀ exactly, so the
        // coarse/fine difference of the mean is deterministic: (1 − ah)^k − (1 − ah/2)^{2k}, times x₀.
        double a = 1.0, h = 0.05, x0 = 2.0;
        int steps = 20, members = 400;
        GasModel m = GasFixtures.dyson(1, 0.3, a);
        double[][] starts = new double[members][];
        for (int k = 0; k < members; k++) starts[k] = new double[] {x0};
        double bias = StepBias.ofMeans(m, StepSizeRule.fixed(), starts, 5, h, steps)[0];
        double exact = x0 * (Math.pow(1 - a * h, steps) - Math.pow(1 - a * h / 2, 2 * steps));
        // The coarse and fine runs weight the shared noise slightly differently (O(h) per member):
        // a zero-mean term whose standard error is measured from the members themselves.
        double sum = 0, sumSq = 0;
        for (int k = 0; k < members; k++) {
            double[][] p = StepBias.pair(m, StepSizeRule.fixed(), starts[k], 5, k, h, steps);
            double d = p[0][0] - p[1][0];
            sum += d;
            sumSq += d * d;
        }
        assertEquals(sum / members, bias, 1e-15, "ofMeans is the member average of pair()");
        double se = Math.sqrt((sumSq / members - bias * bias) / members);
        assertEquals(exact, bias, 5 * se);
        assertTrue(Math.abs(exact) > 5 * se, "the bias is resolved by this many members: " + exact + " vs SE " + se);
        assertTrue(exact < 0, "Euler under-relaxes less than the fine run here: " + exact);
    }

    @Test
    void coarseAndFineRunsShareTheirNoise() {
        GasModel m = GasFixtures.dyson(4, 1.0, 1.0);
        double[] x0 = {-1, -0.3, 0.4, 1.2};
        // Uncoupled runs differ by the O(√t) noise; coupled ones only by the O(h) bias. A path that
        // passes close to a collision can have a larger coupled difference (one in 30 seeds reaches
        // 0.036 of the independent one), so the median of nine members is held to 0.02.
        double[] ratios = new double[9];
        for (int member = 0; member < ratios.length; member++) {
            double[][] p = StepBias.pair(m, StepSizeRule.fixed(), x0, 9, member, 1e-3, 50);
            double[][] other = StepBias.pair(m, StepSizeRule.fixed(), x0, 10, member, 1e-3, 50);
            double coupled = 0, independent = 0;
            for (int i = 0; i < 4; i++) {
                coupled = Math.max(coupled, Math.abs(p[0][i] - p[1][i]));
                independent = Math.max(independent, Math.abs(p[0][i] - other[1][i]));
            }
            ratios[member] = coupled / independent;
        }
        java.util.Arrays.sort(ratios);
        assertTrue(ratios[4] < 0.02, "coupled over independent differences: " + java.util.Arrays.toString(ratios));
    }
}
