package org.dysonsim.physics.gas;

/**
 * The far-field Coulomb sums {@code f_i = Σ_{|j−i|≥2} 1/(x_i − x_j)} and image sums
 * {@code m_i = Σ_{j≠i} 1/(x_i + x_j)}, cut into fixed tiles of {@link #TILE} particles.
 *
 * <p>The contribution of tile {@code t} to particle {@code i} (a "partial") is computed by one
 * fixed algorithm for the tile pair, each pair of particles once; the total is the sum of the
 * partials in ascending tile order. Who computes which tile pair (one loop, several actors,
 * several nodes) therefore changes nothing in the bits of the result — the determinism rule —
 * while every pair is still evaluated once (docs/physics.md §6).
 *
 * <p>Nearest neighbours ({@code |j − i| = 1}) are left to the implicit step (docs/physics.md §2).
 */
public final class CoulombTiles {
    /** Particles per tile: a physics constant, independent of the actors' block size. */
    public static final int TILE = 64;
    /** Doubles of working space {@link #pair} needs. */
    public static final int SCRATCH = 4 * TILE;
    // where pair() keeps, in its scratch, one row's terms, tile b's positions and b's two column sums
    private static final int TERMS = 0, XB = TILE, COLUMNS = 2 * TILE, MIRROR_COLUMNS = 3 * TILE;

    private CoulombTiles() {}

    public static int tiles(int n) {
        return (n + TILE - 1) / TILE;
    }

    public static int start(int tile) {
        return tile * TILE;
    }

    public static int end(int tile, int n) {
        return Math.min(n, (tile + 1) * TILE);
    }

    public static int tileOf(int index) {
        return index / TILE;
    }

    /**
     * Partials of the tile pair {@code (a, b)}, {@code a ≤ b}. Writes tile b's contribution to
     * the particles of tile a into {@code rowsA[offA ..]} (and {@code mirrorA}), and for
     * {@code a < b} tile a's contribution to the particles of tile b into {@code rowsB[offB ..]}
     * (and {@code mirrorB}). The mirror arrays are null when the model has no image term. For
     * {@code a == b}, {@code rowsB} and {@code mirrorB} are unused.
     *
     * @param scratch at least {@link #SCRATCH} doubles of working space
     */
    public static void pair(double[] x, int a, int b, double[] rowsA, double[] rowsB,
                            double[] mirrorA, double[] mirrorB, int offA, int offB, double[] scratch) {
        int n = x.length;
        if (a == b) {
            diagonal(x, start(a), end(a, n), rowsA, mirrorA, offA, scratch);
        } else {
            offDiagonal(x, start(a), end(a, n), start(b), end(b, n), rowsA, rowsB, mirrorA, mirrorB,
                    offA, offB, scratch);
        }
    }

    /**
     * One row of tile a at a time: its terms against all of tile b in one loop that also
     * subtracts them from b's column sums, then the row's sum. Tile b's positions and column sums
     * sit in the scratch array at fixed offsets rather than in the callers' arrays: that lets the
     * JIT vectorise the loop (about 0.6 ns a pair against 1.5 with separate loops over the
     * callers' arrays) while the order of every addition, and so every bit, stays the same.
     */
    private static void offDiagonal(double[] x, int a0, int a1, int b0, int b1, double[] rowsA, double[] rowsB,
                                    double[] mirrorA, double[] mirrorB, int offA, int offB, double[] s) {
        int len = b1 - b0;
        System.arraycopy(x, b0, s, XB, len);
        java.util.Arrays.fill(s, COLUMNS, COLUMNS + len, 0.0);
        if (mirrorB != null) java.util.Arrays.fill(s, MIRROR_COLUMNS, MIRROR_COLUMNS + len, 0.0);
        for (int i = a0; i < a1; i++) {
            double xi = x[i];
            // nearest neighbour across the tile edge: left to the implicit step
            int from = b0 == i + 1 ? 1 : 0;
            s[TERMS] = 0.0;
            for (int j = from; j < len; j++) {
                double t = 1.0 / (xi - s[XB + j]);
                s[TERMS + j] = t;
                s[COLUMNS + j] -= t;
            }
            rowsA[offA + i - a0] = laneSum(s, TERMS, TERMS + len);
            if (mirrorA != null) {
                for (int j = 0; j < len; j++) {
                    double t = 1.0 / (xi + s[XB + j]);
                    s[TERMS + j] = t;
                    s[MIRROR_COLUMNS + j] += t;
                }
                mirrorA[offA + i - a0] = laneSum(s, TERMS, TERMS + len);
            }
        }
        System.arraycopy(s, COLUMNS, rowsB, offB, len);
        if (mirrorB != null) System.arraycopy(s, MIRROR_COLUMNS, mirrorB, offB, len);
    }

    private static void diagonal(double[] x, int a0, int a1, double[] rows, double[] mirror, int off, double[] d) {
        int len = a1 - a0;
        java.util.Arrays.fill(rows, off, off + len, 0.0);
        if (mirror != null) java.util.Arrays.fill(mirror, off, off + len, 0.0);
        for (int r = 0; r < len; r++) {
            double xi = x[a0 + r];
            int from = r + 2;
            for (int j = from; j < len; j++) {
                d[j] = 1.0 / (xi - x[a0 + j]);
            }
            for (int j = from; j < len; j++) {
                rows[off + j] -= d[j];
            }
            rows[off + r] += laneSum(d, from, len);
            if (mirror != null) {
                for (int j = r + 1; j < len; j++) {
                    d[j] = 1.0 / (xi + x[a0 + j]);
                }
                for (int j = r + 1; j < len; j++) {
                    mirror[off + j] += d[j];
                }
                mirror[off + r] += laneSum(d, r + 1, len);
            }
        }
    }

    /** Σ d[from..to) in four interleaved lanes: a fixed order that keeps four additions in flight. */
    static double laneSum(double[] d, int from, int to) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        int j = from;
        for (; j + 3 < to; j += 4) {
            s0 += d[j];
            s1 += d[j + 1];
            s2 += d[j + 2];
            s3 += d[j + 3];
        }
        for (; j < to; j++) {
            s0 += d[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The far-field sums of all particles in one thread: the reference every distributed
     * evaluation reproduces bit for bit.
     *
     * @param mirrorOut null when the model has no image term
     */
    public static void farField(double[] x, double[] coulombOut, double[] mirrorOut) {
        int n = x.length;
        int tiles = tiles(n);
        TileSums sums = new TileSums(n, mirrorOut != null);
        double[] scratch = new double[SCRATCH];
        for (int a = 0; a < tiles; a++) {
            for (int b = a; b < tiles; b++) {
                sums.computePair(x, a, b, scratch);
            }
        }
        sums.total(0, n, coulombOut, mirrorOut);
    }
}
