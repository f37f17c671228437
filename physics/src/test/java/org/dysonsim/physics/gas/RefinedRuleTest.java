package org.dysonsim.physics.gas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.stats.CoupledBias;
import org.junit.jupiter.api.Test;

/** The h/2 companion of error control ({@link StepSizeRule#refined()}) and the bias it measures ({@link CoupledBias}). */
class RefinedRuleTest {
    /** Tolerance multiplier for statistical checks (docs/physics.md §7). */
    private static final double Z = 5.0;
    private static final double A = 1.0, G2 = 1.0, X0 = 2.0;
    private static final int MEMBERS = 1000;

    @Test
    void aRefinedRunIsTheFineHalfOfStepBias() {
        GasModel m = GasFixtures.dyson(4, 1.0, 1.0);
        double[] x0 = {-1, -0.3, 0.4, 1.2};
        double[][] pair = StepBias.pair(m, StepSizeRule.fixed(), x0, 9, 3, 1e-3, 40);
        assertArrayEquals(pair[1], GasFixtures.run(m, StepSizeRule.fixed().refined(), x0, 9, 3, 1e-3, 40));
        assertEquals(1, StepSizeRule.fixed().refined().finestLevel());
        assertEquals(13, StepSizeRule.adaptive(0.01, 12).refined().finestLevel());
    }

    @Test
    void adaptiveLevelsMoveUpByOne() {
        GasModel m = GasFixtures.dyson(4, 1.0, 1.0);
        StepSizeRule rule = StepSizeRule.adaptive(0.01, 12);
        double[] x = {-1, -0.3, 0.4, 1.2};
        assertEquals(rule.level(m, x, 0.01) + 1, rule.refined().level(m, x, 0.01));
    }

    /** One OU level: Euler's mean after k steps is (1 − ah)^k x₀, its stationary variance g²/(a(1 − ah/2)). */
    private static CoupledBias[] ouBias(double h, int steps) {
        GasModel m = GasFixtures.dyson(1, G2, A);
        double[] coarse = new double[MEMBERS], fine = new double[MEMBERS];
        for (int k = 0; k < MEMBERS; k++) {
            coarse[k] = GasFixtures.run(m, StepSizeRule.fixed(), new double[] {X0}, 21, k, h, steps)[0];
            fine[k] = GasFixtures.run(m, StepSizeRule.fixed().refined(), new double[] {X0}, 21, k, h, steps)[0];
        }
        return new CoupledBias[] {CoupledBias.of(coarse, coarse, fine),
                CoupledBias.of(squaredDeviations(coarse), squaredDeviations(coarse), squaredDeviations(fine))};
    }

    private static double[] squaredDeviations(double[] x) {
        double mean = 0;
        for (double v : x) mean += v / x.length;
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) out[k] = (x[k] - mean) * (x[k] - mean);
        return out;
    }

    @Test
    void coupledRunsResolveTheExactEulerBiasOfMeanAndVariance() {
        double h = 0.1;
        int steps = 20;
        CoupledBias[] b = ouBias(h, steps);
        double meanBias = X0 * (Math.pow(1 - A * h, steps) - Math.pow(1 - A * h / 2, 2 * steps));
        assertEquals(meanBias, b[0].bias(), Z * b[0].biasSe());
        // variance after k Euler steps: 2g²h Σ_{j<k} (1 − ah)^{2j}
        double varCoarse = 2 * G2 * h * (1 - Math.pow(1 - A * h, 2 * steps)) / (1 - Math.pow(1 - A * h, 2));
        double hf = h / 2;
        double varFine = 2 * G2 * hf * (1 - Math.pow(1 - A * hf, 4 * steps)) / (1 - Math.pow(1 - A * hf, 2));
        assertEquals(varCoarse - varFine, b[1].bias(), Z * b[1].biasSe());
        assertTrue(Math.abs(varCoarse - varFine) > Z * b[1].biasSe(), "the variance bias is resolved: "
                + (varCoarse - varFine) + " vs SE " + b[1].biasSe());
        assertTrue(b[1].biasSe() < 0.2 * b[1].estimateSe(), "coupling makes the difference far more precise than the estimate");
    }

    @Test
    void aFineStepIsWithinBudgetAndACoarseOneIsNot() {
        // t = 4 at h = 0.02: the variance bias ≈ g²h/(4a) = 0.005, below a quarter of 5 SE (≈ 0.056 at 1000 members)
        CoupledBias[] fine = ouBias(0.02, 200);
        assertTrue(fine[0].withinBudget(Z) && fine[1].withinBudget(Z), fine[0] + " " + fine[1]);
        // power: at h = 0.5 the stationary variance is biased by g²/a·(1/0.75 − 1/0.875) ≈ 0.19
        CoupledBias[] coarse = ouBias(0.5, 8);
        assertFalse(coarse[1].withinBudget(Z), coarse[1].toString());
    }
}
