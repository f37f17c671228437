package org.dysonsim.actors;

import org.apache.pekko.actor.typed.ActorRef;
import org.dysonsim.physics.gas.TileSums;
import org.dysonsim.protocol.BlockCommand;

/**
 * The Coulomb partials one block owes the other blocks of its member in one sub-step: each partial
 * goes to every other block owning rows of its target tile, and each receiving block gets them
 * all in one message.
 */
final class PartialOutbox {
    private final BlockLayout layout;
    private final int index;
    private final PartialBatch[] batches;

    PartialOutbox(BlockLayout layout, int index) {
        this.layout = layout;
        this.index = index;
        this.batches = new PartialBatch[layout.blocks()];
        for (int b = 0; b < batches.length; b++) if (b != index) batches[b] = new PartialBatch();
    }

    /** Queues the partial of tile {@code source} on tile {@code target} (just computed in {@code sums}). */
    void share(TileSums sums, int source, int target) {
        double[] coulomb = null, image = null;
        for (int b = layout.firstOwnerOf(target); b <= layout.lastOwnerOf(target); b++) {
            if (b == index) continue;
            if (coulomb == null) {
                coulomb = sums.coulombPartial(source, target);
                image = sums.mirrorPartial(source, target);
            }
            batches[b].add(source, target, coulomb, image);
        }
    }

    /** Sends every queued partial of sub-step {@code seq}, one message per receiving block; empties the outbox. */
    void send(long seq, boolean withMirror, ActorRef<BlockCommand>[] peers) {
        for (int b = 0; b < batches.length; b++) {
            if (batches[b] == null || batches[b].isEmpty()) continue;
            peers[b].tell(batches[b].drain(seq, withMirror));
        }
    }
}
