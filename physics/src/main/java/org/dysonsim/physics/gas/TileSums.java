package org.dysonsim.physics.gas;

import java.util.Arrays;

/**
 * Storage for the partials {@code P[t][i]} (tile t's contribution to particle i) of one
 * far-field evaluation, and their sum in ascending tile order ({@link CoulombTiles}).
 */
public final class TileSums {
    private final int n;
    private final int tiles;
    private final double[][] coulomb;
    private final double[][] mirror;

    public TileSums(int n, boolean withMirror) {
        this.n = n;
        this.tiles = CoulombTiles.tiles(n);
        this.coulomb = new double[tiles][n];
        this.mirror = withMirror ? new double[tiles][n] : null;
    }

    public int tiles() {
        return tiles;
    }

    public boolean hasMirror() {
        return mirror != null;
    }

    /** Computes the tile pair {@code (a, b)}, {@code a ≤ b}, into this storage. */
    public void computePair(double[] x, int a, int b, double[] scratch) {
        int sa = CoulombTiles.start(a);
        int sb = CoulombTiles.start(b);
        CoulombTiles.pair(x, a, b, coulomb[b], coulomb[a],
                mirror == null ? null : mirror[b], mirror == null ? null : mirror[a], sa, sb, scratch);
    }

    /** Rows of tile {@code target} receiving the contribution of tile {@code source}. */
    public double[] coulombPartial(int source, int target) {
        return Arrays.copyOfRange(coulomb[source], CoulombTiles.start(target), CoulombTiles.end(target, n));
    }

    public double[] mirrorPartial(int source, int target) {
        return mirror == null ? null
                : Arrays.copyOfRange(mirror[source], CoulombTiles.start(target), CoulombTiles.end(target, n));
    }

    /** Stores a partial computed elsewhere (a Coulomb-force message). */
    public void accept(int source, int target, double[] coulombPart, double[] mirrorPart) {
        System.arraycopy(coulombPart, 0, coulomb[source], CoulombTiles.start(target), coulombPart.length);
        if (mirror != null && mirrorPart != null) {
            System.arraycopy(mirrorPart, 0, mirror[source], CoulombTiles.start(target), mirrorPart.length);
        }
    }

    /** The far-field sums of particles {@code [from, to)}, partials added in ascending tile order. */
    public void total(int from, int to, double[] coulombOut, double[] mirrorOut) {
        for (int i = from; i < to; i++) {
            double s = 0.0;
            for (int t = 0; t < tiles; t++) s += coulomb[t][i];
            coulombOut[i] = s;
            if (mirrorOut != null) {
                double m = 0.0;
                for (int t = 0; t < tiles; t++) m += mirror[t][i];
                mirrorOut[i] = m;
            }
        }
    }
}
