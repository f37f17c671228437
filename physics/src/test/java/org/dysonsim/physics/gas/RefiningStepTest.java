package org.dysonsim.physics.gas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RefiningStepTest {
    /** Dyson's gas with a reflecting wall at 0 (as the RBM companion has): the smallest two start near the wall. */
    static final GasModel SQUARE = new GasModel(new double[] {1, 1, 1}, new double[] {1, 1, 1}, new double[3], new Drift.Zero(),
            Wall.reflect(0.0), Wall.NONE);

    @Test
    void aStepThatSucceedsIsThePlainStep() {
        double[] a = {1.0, 2.0, 3.0}, b = a.clone();
        StepSizeRule rule = StepSizeRule.adaptive(0.1, 12);
        RefiningStep.advance(new GasStepper(SQUARE, rule, 1, 0), SQUARE, rule, a, 0, 0.01);
        new GasStepper(SQUARE, rule, 1, 0).advance(b, 0, 0.01);
        assertArrayEquals(b, a, 0.0);
    }

    /** Steps that used to fail next to a reflecting wall (ReflectingWalls now keeps them ordered) are the plain steps. */
    @Test
    void stepsNearTheWallNeedNoRefinement() {
        StepSizeRule rule = StepSizeRule.fixed();
        for (long seed = 0; seed < 200; seed++) {
            double[] x = {0.01, 0.02, 5.0}, plain = x.clone();
            new GasStepper(SQUARE, rule, seed, 0).advance(plain, 0, 1.0);
            RefiningStep.advance(new GasStepper(SQUARE, rule, seed, 0), SQUARE, rule, x, 0, 1.0);
            assertArrayEquals(plain, x, 0.0);
            assertTrue(x[0] >= 0 && x[0] < x[1] && x[1] < x[2], "ordered, seed " + seed);
        }
    }

    @Test
    void anImpossibleStepStillFails() {
        GasModel bad = new GasModel(new double[] {1, 1}, new double[] {1, 1}, new double[2], new Drift.Constant(new double[] {Double.NaN, 0}),
                Wall.NONE, Wall.NONE);
        assertThrows(NonFiniteStateException.class,
                () -> RefiningStep.advance(new GasStepper(bad, StepSizeRule.fixed(), 1, 0), bad, StepSizeRule.fixed(), new double[] {0, 1}, 0, 0.1));
    }
}
