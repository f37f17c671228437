package org.dysonsim.physics.fastsum;

import java.util.Arrays;

/**
 * Which source boxes act on which target box, and how, for one set of sorted positions: the
 * dual-tree walk of the fast sum ({@link FastCoulombSums}). For each target box an ordered list
 * of (kind, source box); the walk is a fixed function of the positions and the {@link IndexTree},
 * so the lists, and with them the order of every addition, are the same wherever they are built.
 *
 * <p>Two boxes interact through their expansions when the gap between their intervals exceeds
 * both widths (the kernel is then analytic on a Bernstein ellipse of parameter at least 3 + √8
 * around each, so p Chebyshev nodes give an error of order (3 + √8)^(−p)); through one side's
 * expansion when the gap exceeds only that side's width and the other is a leaf; directly when
 * both are leaves. Index-adjacent boxes are never far: the nearest-neighbour pairs they share
 * are excluded from the Coulomb sum (they belong to the implicit step), which only the direct
 * sum can do. Not thread-safe.
 */
final class Interactions {
    static final int M2L = 0, P2L = 1, M2P = 2, P2P = 3;
    /** Added to a kind for the image sum (sources at −x). */
    static final int MIRROR = 4;

    private final IndexTree tree;
    final int[] head, tail;
    int[] next = new int[64], kind = new int[64], source = new int[64];
    private int items;
    private double[] lo, hi;
    private int rowFrom, rowTo;

    Interactions(IndexTree tree) {
        this.tree = tree;
        head = new int[tree.boxes];
        tail = new int[tree.boxes];
    }

    /** Builds the lists of every box holding rows of {@code [rowFrom, rowTo)}. */
    void build(double[] lo, double[] hi, int rowFrom, int rowTo, boolean withMirror) {
        this.lo = lo;
        this.hi = hi;
        this.rowFrom = rowFrom;
        this.rowTo = rowTo;
        Arrays.fill(head, -1);
        Arrays.fill(tail, -1);
        items = 0;
        walk(0, 0, false);
        if (withMirror) walk(0, 0, true);
    }

    private void walk(int t, int s, boolean mirror) {
        if (tree.to[t] <= rowFrom || tree.from[t] >= rowTo) return;
        boolean leafT = tree.isLeaf(t), leafS = tree.isLeaf(s);
        if (t == s) {
            if (leafT) {
                add(t, P2P, s, mirror);
            } else {
                int a = tree.left[t], b = tree.right[t];
                walk(a, a, mirror);
                walk(a, b, mirror);
                walk(b, a, mirror);
                walk(b, b, mirror);
            }
            return;
        }
        double widthT = hi[t] - lo[t], widthS = hi[s] - lo[s];
        double gap = mirror ? mirrorGap(t, s) : coulombGap(t, s);
        boolean sepT = gap > widthT, sepS = gap > widthS;
        if (sepT && sepS) {
            add(t, M2L, s, mirror);
        } else if (leafT && sepS) {
            add(t, M2P, s, mirror);
        } else if (leafS && sepT) {
            add(t, P2L, s, mirror);
        } else if (leafT && leafS) {
            add(t, P2P, s, mirror);
        } else if (!leafT && (leafS || widthT >= widthS)) {
            walk(tree.left[t], s, mirror);
            walk(tree.right[t], s, mirror);
        } else {
            walk(t, tree.left[s], mirror);
            walk(t, tree.right[s], mirror);
        }
    }

    /** The gap between two disjoint boxes; −1 for index-adjacent ones, which are never far. */
    private double coulombGap(int t, int s) {
        if (tree.to[t] == tree.from[s] || tree.to[s] == tree.from[t]) return -1.0;
        return tree.from[s] >= tree.to[t] ? lo[s] - hi[t] : lo[t] - hi[s];
    }

    /** The gap between box t and the mirror image [−hi_s, −lo_s] of box s; −1 if they overlap. */
    private double mirrorGap(int t, int s) {
        if (-lo[s] < lo[t]) return lo[t] + lo[s];
        if (-hi[s] > hi[t]) return -hi[s] - hi[t];
        return -1.0;
    }

    private void add(int t, int k, int s, boolean mirror) {
        if (items == next.length) {
            next = Arrays.copyOf(next, 2 * items);
            kind = Arrays.copyOf(kind, 2 * items);
            source = Arrays.copyOf(source, 2 * items);
        }
        kind[items] = mirror ? k + MIRROR : k;
        source[items] = s;
        next[items] = -1;
        if (tail[t] < 0) head[t] = items;
        else next[tail[t]] = items;
        tail[t] = items;
        items++;
    }
}
