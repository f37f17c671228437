package org.dysonsim.physics.gas;

import org.dysonsim.physics.fastsum.FastCoulombSums;

/**
 * The far-field sums of one stepper (docs/physics.md §6): the direct tiles ({@link CoulombTiles})
 * below {@link #FAST_FROM} particles, the fast multipole sum ({@link FastCoulombSums}) from there.
 * Which one runs depends on {@code n} alone, so every way of stepping a system (this class, the
 * actor blocks, any block size) uses the same one and gets the same bits. Not thread-safe.
 */
public final class FarField {
    /**
     * From this many particles the fast sum is used. When it was chosen the fast sum took 0.6 of
     * the tiles' time at N = 1024 and 0.4 at N = 2048 on one core (since its rows are evaluated
     * together, 0.4 and 0.22); the actor engine shares the tiles, not the fast sum's upward pass,
     * among its blocks. Moving it would change the bits of every run between the old and the new
     * value, so it stays.
     */
    public static final int FAST_FROM = 2048;

    /**
     * A JVM system property that, set to {@code true}, keeps the direct tiles at every size: the
     * engine as it was before the fast sum, for {@code dyson bench --sums} to time against. Off
     * unless set; no command of the tool sets it, and a run made with it is bit-identical to one
     * without only below {@link #FAST_FROM}.
     */
    public static final String DIRECT_ONLY_PROPERTY = "dysonsim.far-field.direct-only";
    private static final boolean DIRECT_ONLY = Boolean.getBoolean(DIRECT_ONLY_PROPERTY);

    private final int n;
    private final TileSums tiles;
    private final FastCoulombSums fast;
    private final double[] scratch;

    public FarField(int n, boolean withMirror) {
        this.n = n;
        boolean useFast = fast(n);
        this.tiles = useFast ? null : new TileSums(n, withMirror);
        this.fast = useFast ? new FastCoulombSums(n) : null;
        this.scratch = useFast ? null : new double[CoulombTiles.SCRATCH];
    }

    /** Whether a system of {@code n} particles uses the fast sum (never with {@link #DIRECT_ONLY_PROPERTY} set). */
    public static boolean fast(int n) {
        return n >= FAST_FROM && !DIRECT_ONLY;
    }

    /** f_i and (when {@code mirrorOut} is not null) m_i of all particles. */
    public void sums(double[] x, double[] farOut, double[] mirrorOut) {
        if (fast != null) {
            fast.sums(x, 0, n, farOut, mirrorOut);
            return;
        }
        int count = tiles.tiles();
        for (int a = 0; a < count; a++) {
            for (int b = a; b < count; b++) tiles.computePair(x, a, b, scratch);
        }
        tiles.total(0, n, farOut, mirrorOut);
    }
}
