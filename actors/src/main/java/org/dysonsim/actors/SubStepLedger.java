package org.dysonsim.actors;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.physics.gas.CoulombTiles;
import org.dysonsim.protocol.BlockCommand;

/**
 * The bookkeeping of one block's Coulomb exchange ({@link EigenvalueBlock}'s exchange path): the
 * sub-step the block is in, whether it has computed and shared its tile pairs and sent its
 * predictions, how many partials and predictions of the sub-step it holds, and the messages of the
 * next sub-step that came early. A peer is at most one sub-step ahead: it needs this block's
 * predictions of the current sub-step to finish it.
 */
final class SubStepLedger {
    private final int index;
    private final int blocks;
    private final int expectedPartials;
    private final List<BlockCommand> early = new ArrayList<>();
    private long seq;
    private int partialsIn, predictionsIn;
    private boolean computed, predicted;

    /**
     * @param layout the member's blocks
     * @param index  this block
     * @param pairs  the tile pairs this block computes ({@code TilePlan.pairsFor})
     */
    SubStepLedger(BlockLayout layout, int index, List<int[]> pairs) {
        this(layout, index, expectedPartials(layout, index, pairs));
    }

    private SubStepLedger(BlockLayout layout, int index, int expectedPartials) {
        this.index = index;
        this.blocks = layout.blocks();
        this.expectedPartials = expectedPartials;
    }

    /** A block that computes its far field alone (the fast sum): it waits for predictions only. */
    static SubStepLedger withoutPartials(BlockLayout layout, int index) {
        return new SubStepLedger(layout, index, 0);
    }

    /**
     * The partials other blocks send block {@code index} per sub-step: one per source tile for
     * every tile it owns rows of, except those of the pairs it computes itself.
     */
    static int expectedPartials(BlockLayout layout, int index, List<int[]> pairs) {
        int firstTile = CoulombTiles.tileOf(layout.from(index));
        int lastTile = CoulombTiles.tileOf(layout.to(index) - 1);
        int local = 0;
        for (int[] pair : pairs) {
            if (pair[0] >= firstTile && pair[0] <= lastTile) local++;
            if (pair[0] < pair[1] && pair[1] >= firstTile && pair[1] <= lastTile) local++;
        }
        return (lastTile - firstTile + 1) * CoulombTiles.tiles(layout.n()) - local;
    }

    /** The sub-step the block is in, counted over the whole run. */
    long seq() {
        return seq;
    }

    /**
     * A peer's partials or predictions of sub-step {@code messageSeq}: true if they belong to the
     * current sub-step (take them now); false if to the next (kept, see {@link #takeEarly}).
     *
     * @throws IllegalStateException for any other sub-step: the exchange went wrong
     */
    boolean isCurrent(long messageSeq, BlockCommand message) {
        if (messageSeq == seq + 1) {
            early.add(message);
            return false;
        }
        if (messageSeq != seq) {
            throw new IllegalStateException("block " + index + " got sub-step " + messageSeq + " during sub-step " + seq);
        }
        return true;
    }

    /** Counts a taken message of the current sub-step. */
    void taken(BlockCommand message) {
        if (message instanceof BlockCommand.CoulombForce force) partialsIn += force.sourceTiles().length;
        else if (message instanceof BlockCommand.Predictions) predictionsIn++;
    }

    boolean computed() {
        return computed;
    }

    /** This block's tile pairs are computed and the partials other blocks wait for sent. */
    void computedAndShared() {
        computed = true;
    }

    boolean predicted() {
        return predicted;
    }

    /** This block's own predictions are made and sent to the others. */
    void predictedOwn() {
        predicted = true;
        predictionsIn++;
    }

    boolean hasAllPartials() {
        return partialsIn >= expectedPartials;
    }

    boolean hasAllPredictions() {
        return predictionsIn >= blocks;
    }

    /** The implicit solve of the sub-step is done: the next sub-step begins, with nothing in hand. */
    void endSubStep() {
        seq++;
        computed = false;
        predicted = false;
        partialsIn = 0;
        predictionsIn = 0;
    }

    /** The messages of the (now current) sub-step that came early, to be taken; the ledger forgets them. */
    List<BlockCommand> takeEarly() {
        List<BlockCommand> next = List.copyOf(early);
        early.clear();
        return next;
    }
}
