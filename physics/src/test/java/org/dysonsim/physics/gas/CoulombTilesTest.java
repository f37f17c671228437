package org.dysonsim.physics.gas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.dysonsim.physics.rng.CounterRng;
import org.junit.jupiter.api.Test;

class CoulombTilesTest {
    /** Summation order differs from the naive loop; 1e-12 relative covers rounding of ~N terms. */
    private static final double RELATIVE_TOLERANCE = 1e-12;

    static double[] orderedPositions(int n, long seed) {
        double[] x = new double[n];
        double v = -n * 0.5;
        for (int i = 0; i < n; i++) {
            v += 0.05 + CounterRng.uniform(seed, 0, i, 0, 0);
            x[i] = v;
        }
        return x;
    }

    @Test
    void farFieldMatchesNaiveDoubleLoop() {
        for (int n : new int[] {2, 3, 5, 63, 64, 65, 130, 257}) {
            double[] x = orderedPositions(n, n);
            for (int i = 0; i < n; i++) x[i] += 3.0 * n; // positive, so the image sum has no pole
            double[] far = new double[n];
            double[] mirror = new double[n];
            CoulombTiles.farField(x, far, mirror);
            for (int i = 0; i < n; i++) {
                double f = 0.0, m = 0.0, scale = 0.0;
                for (int j = 0; j < n; j++) {
                    if (j == i) continue;
                    m += 1.0 / (x[i] + x[j]);
                    if (Math.abs(j - i) < 2) continue;
                    f += 1.0 / (x[i] - x[j]);
                    scale += Math.abs(1.0 / (x[i] - x[j]));
                }
                assertEquals(f, far[i], RELATIVE_TOLERANCE * Math.max(scale, 1e-300), "far field n=" + n + " i=" + i);
                assertEquals(m, mirror[i], RELATIVE_TOLERANCE * Math.abs(m), "image sum n=" + n + " i=" + i);
            }
        }
    }

    @Test
    void anyDistributionOfTilePairsGivesTheSameBits() {
        int n = 300;
        double[] x = orderedPositions(n, 7);
        double[] reference = new double[n];
        double[] refMirror = new double[n];
        CoulombTiles.farField(x, reference, refMirror);

        int tiles = CoulombTiles.tiles(n);
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < tiles; a++) for (int b = a; b < tiles; b++) pairs.add(new int[] {a, b});
        Collections.reverse(pairs);
        // Workers of 1, 2, 3 and 43 blocks, each with its own storage, exchanging partials like the block actors do.
        for (int blockSize : new int[] {n, 150, 100, 7}) {
            int workers = (n + blockSize - 1) / blockSize;
            TileSums gathered = new TileSums(n, true);
            double[] scratch = new double[CoulombTiles.SCRATCH];
            for (int w = workers - 1; w >= 0; w--) {
                TileSums own = new TileSums(n, true);
                List<int[]> mine = TilePlan.pairsFor(n, blockSize, w);
                for (int[] p : mine) own.computePair(x, p[0], p[1], scratch);
                for (int[] p : mine) {
                    gathered.accept(p[1], p[0], own.coulombPartial(p[1], p[0]), own.mirrorPartial(p[1], p[0]));
                    if (p[0] != p[1]) {
                        gathered.accept(p[0], p[1], own.coulombPartial(p[0], p[1]), own.mirrorPartial(p[0], p[1]));
                    }
                }
            }
            double[] far = new double[n];
            double[] mirror = new double[n];
            gathered.total(0, n, far, mirror);
            assertArrayEquals(reference, far, 0.0, workers + " workers");
            assertArrayEquals(refMirror, mirror, 0.0, workers + " workers");
        }
    }

    @Test
    void tilePlanCoversEveryPairExactlyOnce() {
        int n = 1000;
        int tiles = CoulombTiles.tiles(n);
        for (int blockSize : new int[] {334, 100, 1}) {
            int workers = (n + blockSize - 1) / blockSize;
            int[][] seen = new int[tiles][tiles];
            for (int w = 0; w < workers; w++) {
                for (int[] p : TilePlan.pairsFor(n, blockSize, w)) seen[p[0]][p[1]]++;
            }
            for (int a = 0; a < tiles; a++) {
                for (int b = 0; b < tiles; b++) assertEquals(b >= a ? 1 : 0, seen[a][b], blockSize + ": " + a + "," + b);
            }
        }
    }

    @Test
    void tilePlanKeepsPairsWithTheirOwnersAndBalancesTwoBlocks() {
        int n = 2048;
        int blockSize = 1024;
        double[] load = new double[2];
        for (int w = 0; w < 2; w++) {
            boolean ownPart = false;
            for (int[] p : TilePlan.pairsFor(n, blockSize, w)) {
                boolean shared = TilePlan.sharedWithOthers(p, n, blockSize, w);
                // a pair between two tiles of one block is that block's, and the shared pairs come first
                assertEquals(CoulombTiles.start(p[0]) / blockSize != CoulombTiles.start(p[1]) / blockSize, shared);
                assertTrue(!(shared && ownPart), "shared pairs first");
                ownPart |= !shared;
                load[w] += p[0] == p[1] ? 0.5 : 1.0;
            }
        }
        // 32 tiles, 16 a block: within each, 16 diagonal pairs at half cost and 120 others;
        // the 16·16 pairs across the blocks split evenly
        assertEquals(16 * 0.5 + 120 + 128, load[0], 0.0);
        assertEquals(load[0], load[1], 0.0);
    }

    @Test
    void laneSumIsAFixedOrder() {
        double[] d = {1e16, 1.0, -1e16, 1.0, 3.0};
        // lanes: s0 = 1e16 + 3, s1 = 1, s2 = -1e16, s3 = 1 → ((1e16+3)+1) + (-1e16+1)
        double expected = ((1e16 + 3.0) + 1.0) + (-1e16 + 1.0);
        assertEquals(expected, CoulombTiles.laneSum(d, 0, d.length), 0.0);
        assertEquals(Arrays.stream(d, 1, 2).sum(), CoulombTiles.laneSum(d, 1, 2), 0.0);
    }
}
