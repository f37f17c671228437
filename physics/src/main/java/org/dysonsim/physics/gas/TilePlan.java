package org.dysonsim.physics.gas;

import java.util.ArrayList;
import java.util.List;

/**
 * Shares the tile pairs of a far-field evaluation among {@code workers} (eigenvalue blocks),
 * balancing their cost. The plan affects speed only, never the result ({@link CoulombTiles}).
 */
public final class TilePlan {
    private TilePlan() {}

    /** Tile pairs {@code {a, b}}, {@code a ≤ b}, assigned to {@code worker}, in a fixed order. */
    public static List<int[]> pairsFor(int n, int worker, int workers) {
        int tiles = CoulombTiles.tiles(n);
        double[] load = new double[workers];
        List<int[]> mine = new ArrayList<>();
        for (int a = 0; a < tiles; a++) {
            for (int b = a; b < tiles; b++) {
                double cost = (a == b ? 0.5 : 1.0)
                        * (CoulombTiles.end(a, n) - CoulombTiles.start(a))
                        * (CoulombTiles.end(b, n) - CoulombTiles.start(b));
                int best = 0;
                for (int w = 1; w < workers; w++) if (load[w] < load[best]) best = w;
                load[best] += cost;
                if (best == worker) mine.add(new int[] {a, b});
            }
        }
        return mine;
    }
}
