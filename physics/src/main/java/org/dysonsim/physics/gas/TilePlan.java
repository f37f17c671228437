package org.dysonsim.physics.gas;

import java.util.ArrayList;
import java.util.List;

/**
 * Shares the tile pairs of a far-field evaluation among the workers (eigenvalue blocks) that
 * own consecutive rows, {@code blockSize} each, balancing their cost and keeping results where
 * they are needed: a pair whose rows all belong to one worker is that worker's (its partials
 * need no message), any other pair goes to the least loaded of the workers owning some of its
 * rows. The plan affects speed only, never the result ({@link CoulombTiles}).
 */
public final class TilePlan {
    private TilePlan() {}

    /**
     * Tile pairs {@code {a, b}}, {@code a ≤ b}, assigned to {@code worker}, in the order to
     * compute them: first the pairs with partials for other workers, so that those can be sent
     * while the rest is computed, then the pairs needed by this worker alone.
     */
    public static List<int[]> pairsFor(int n, int blockSize, int worker) {
        int workers = (n + blockSize - 1) / blockSize;
        int tiles = CoulombTiles.tiles(n);
        double[] load = new double[workers];
        int[][] assigned = new int[tiles][tiles];
        // Pairs with a single owner first, so the shared pairs can even out what they leave.
        for (int a = 0; a < tiles; a++) {
            for (int b = a; b < tiles; b++) {
                int owner = first(a, blockSize);
                boolean single = owner == last(a, n, blockSize) && owner == first(b, blockSize)
                        && owner == last(b, n, blockSize);
                assigned[a][b] = single ? owner : -1;
                if (single) load[owner] += cost(a, b, n);
            }
        }
        for (int a = 0; a < tiles; a++) {
            for (int b = a; b < tiles; b++) {
                if (assigned[a][b] >= 0) continue;
                int best = -1;
                for (int w = first(a, blockSize); w <= last(b, n, blockSize); w++) {
                    boolean owns = w <= last(a, n, blockSize) || w >= first(b, blockSize);
                    if (owns && (best < 0 || load[w] < load[best])) best = w;
                }
                assigned[a][b] = best;
                load[best] += cost(a, b, n);
            }
        }
        List<int[]> shared = new ArrayList<>();
        List<int[]> own = new ArrayList<>();
        for (int a = 0; a < tiles; a++) {
            for (int b = a; b < tiles; b++) {
                if (assigned[a][b] != worker) continue;
                int[] pair = {a, b};
                (sharedWithOthers(pair, n, blockSize, worker) ? shared : own).add(pair);
            }
        }
        shared.addAll(own);
        return shared;
    }

    /** Whether a pair of {@link #pairsFor} has rows owned by workers other than {@code worker}. */
    public static boolean sharedWithOthers(int[] pair, int n, int blockSize, int worker) {
        int a = pair[0], b = pair[1];
        return first(a, blockSize) != worker || last(a, n, blockSize) != worker
                || first(b, blockSize) != worker || last(b, n, blockSize) != worker;
    }

    private static int first(int tile, int blockSize) {
        return CoulombTiles.start(tile) / blockSize;
    }

    private static int last(int tile, int n, int blockSize) {
        return (CoulombTiles.end(tile, n) - 1) / blockSize;
    }

    private static double cost(int a, int b, int n) {
        return (a == b ? 0.5 : 1.0) * (CoulombTiles.end(a, n) - CoulombTiles.start(a))
                * (CoulombTiles.end(b, n) - CoulombTiles.start(b));
    }
}
