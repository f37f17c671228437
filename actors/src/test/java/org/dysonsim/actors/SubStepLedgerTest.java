package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dysonsim.physics.gas.TilePlan;
import org.dysonsim.protocol.BlockCommand;
import org.junit.jupiter.api.Test;

class SubStepLedgerTest {

    /** What the other blocks send block {@code index} per sub-step, counted from their own tile plans. */
    private static int partialsSentTo(BlockLayout layout, int index) {
        int sent = 0;
        for (int b = 0; b < layout.blocks(); b++) {
            if (b == index) continue;
            for (int[] pair : TilePlan.pairsFor(layout.n(), layout.blockSize(), b)) {
                if (ownsRowsOf(layout, index, pair[0])) sent++;
                if (pair[0] < pair[1] && ownsRowsOf(layout, index, pair[1])) sent++;
            }
        }
        return sent;
    }

    private static boolean ownsRowsOf(BlockLayout layout, int block, int tile) {
        return layout.firstOwnerOf(tile) <= block && block <= layout.lastOwnerOf(tile);
    }

    @Test
    void aBlockExpectsExactlyThePartialsTheOtherBlocksSendIt() {
        for (int[] shape : new int[][] {{256, 64}, {300, 100}, {200, 50}, {130, 40}, {64, 16}, {1000, 333}}) {
            BlockLayout layout = BlockLayout.of(shape[0], shape[1]);
            for (int b = 0; b < layout.blocks(); b++) {
                List<int[]> pairs = TilePlan.pairsFor(layout.n(), layout.blockSize(), b);
                assertEquals(partialsSentTo(layout, b), SubStepLedger.expectedPartials(layout, b, pairs),
                        "block " + b + " of n = " + shape[0] + " in blocks of " + shape[1]);
            }
        }
    }

    @Test
    void aSubStepEndsOnlyWithEveryPartialAndPrediction() {
        BlockLayout layout = BlockLayout.of(256, 128); // two blocks, four tiles
        SubStepLedger ledger = new SubStepLedger(layout, 0, TilePlan.pairsFor(256, 128, 0));
        int expected = SubStepLedger.expectedPartials(layout, 0, TilePlan.pairsFor(256, 128, 0));
        assertTrue(expected > 0);
        assertFalse(ledger.computed());
        ledger.computedAndShared();
        assertTrue(ledger.computed());
        assertFalse(ledger.hasAllPartials());
        BlockCommand.CoulombForce force = new BlockCommand.CoulombForce(0, new int[expected], new int[expected],
                new double[expected][], null);
        assertTrue(ledger.isCurrent(0, force));
        ledger.taken(force);
        assertTrue(ledger.hasAllPartials());
        ledger.predictedOwn();
        assertFalse(ledger.hasAllPredictions(), "the peer's predictions are missing");
        BlockCommand.Predictions peer = new BlockCommand.Predictions(0, 1, new double[128]);
        assertTrue(ledger.isCurrent(0, peer));
        ledger.taken(peer);
        assertTrue(ledger.hasAllPredictions());

        ledger.endSubStep();
        assertEquals(1, ledger.seq());
        assertFalse(ledger.computed() || ledger.predicted() || ledger.hasAllPartials() || ledger.hasAllPredictions());
    }

    @Test
    void messagesOfTheNextSubStepWaitAndOthersAreRefused() {
        BlockLayout layout = BlockLayout.of(256, 128);
        SubStepLedger ledger = new SubStepLedger(layout, 1, TilePlan.pairsFor(256, 128, 1));
        BlockCommand.Predictions ahead = new BlockCommand.Predictions(1, 0, new double[128]);
        assertFalse(ledger.isCurrent(1, ahead));
        assertThrows(IllegalStateException.class, () -> ledger.isCurrent(2, ahead));
        ledger.endSubStep();
        assertEquals(List.of(ahead), ledger.takeEarly());
        assertEquals(List.of(), ledger.takeEarly(), "taken once");
        assertThrows(IllegalStateException.class, () -> ledger.isCurrent(0, ahead), "a sub-step already done");
    }
}
