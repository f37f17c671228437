package org.dysonsim.physics.sgd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * A loss's saved state makes a fresh loss of the same settings continue exactly: what a
 * checkpointed matrix member relies on. Only the RBM has state (its persistent chains).
 */
class LossStateTest {
    private static final int M = 6, N = 4, SIZE = 64, BATCH = 8;
    private static final long SEED = 5, MEMBER = 2;

    private static MinibatchLoss loss(LossSpec spec) {
        return MinibatchLoss.create(spec, M, N, SIZE, BATCH, SEED, MEMBER);
    }

    @Test
    void aFreshLossWithTheSavedStateGivesTheSameGradientsBitForBit() {
        DMatrixRMaj w = InitialWeights.gaussian(M, N, 0.3, SEED, MEMBER);
        for (LossSpec spec : List.of(new LossSpec.RbmPcd(1, 7, 1, 2), new LossSpec.TeacherStudent(1, 0.1, 0.01),
                new LossSpec.ZeroGradient(1))) {
            MinibatchLoss running = loss(spec);
            for (long step = 1; step <= 5; step++) running.gradient(step, w, null);
            MinibatchLoss resumed = loss(spec);
            resumed.restore(running.state());
            for (long step = 6; step <= 8; step++) {
                assertArrayEquals(running.gradient(step, w, null).gradient().data, resumed.gradient(step, w, null).gradient().data,
                        spec + " at step " + step);
            }
        }
    }

    @Test
    void onlyTheRbmHasStateAndWithoutItsChainsItWouldDiffer() {
        DMatrixRMaj w = InitialWeights.gaussian(M, N, 0.3, SEED, MEMBER);
        MinibatchLoss running = loss(new LossSpec.RbmPcd(1, 7, 1, 2));
        for (long step = 1; step <= 5; step++) running.gradient(step, w, null);
        assertEquals(BATCH * M, running.state().length);
        assertEquals(0, loss(new LossSpec.TeacherStudent(1, 0.1, 0.01)).state().length);
        assertEquals(0, loss(new LossSpec.ZeroGradient(1)).state().length);
        double[] withChains = running.gradient(6, w, null).gradient().data;
        double[] fresh = loss(new LossSpec.RbmPcd(1, 7, 1, 2)).gradient(6, w, null).gradient().data;
        assertFalse(java.util.Arrays.equals(withChains, fresh), "the chains matter");
    }

    @Test
    void aStateOfTheWrongSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> loss(new LossSpec.RbmPcd(1, 7, 1, 1)).restore(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> loss(new LossSpec.ZeroGradient(1)).restore(new double[1]));
    }
}
