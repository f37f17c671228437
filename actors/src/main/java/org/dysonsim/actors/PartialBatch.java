package org.dysonsim.actors;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.protocol.BlockCommand;

/** The Coulomb partials one block owes another in one sub-step, gathered into a single message. */
final class PartialBatch {
    private final List<int[]> tiles = new ArrayList<>();
    private final List<double[]> coulomb = new ArrayList<>();
    private final List<double[]> mirror = new ArrayList<>();

    void add(int source, int target, double[] coulombPart, double[] mirrorPart) {
        tiles.add(new int[] {source, target});
        coulomb.add(coulombPart);
        mirror.add(mirrorPart);
    }

    boolean isEmpty() {
        return tiles.isEmpty();
    }

    /** The message for sub-step {@code seq}; empties the batch. */
    BlockCommand.CoulombForce drain(long seq, boolean withMirror) {
        int count = tiles.size();
        int[] sources = new int[count];
        int[] targets = new int[count];
        for (int k = 0; k < count; k++) {
            sources[k] = tiles.get(k)[0];
            targets[k] = tiles.get(k)[1];
        }
        BlockCommand.CoulombForce message = new BlockCommand.CoulombForce(seq, sources, targets,
                coulomb.toArray(new double[0][]), withMirror ? mirror.toArray(new double[0][]) : null);
        tiles.clear();
        coulomb.clear();
        mirror.clear();
        return message;
    }
}
