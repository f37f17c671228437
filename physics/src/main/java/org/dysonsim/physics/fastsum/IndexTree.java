package org.dysonsim.physics.fastsum;

/**
 * A binary tree over the particle indices {@code [0, n)}: each box a contiguous index range,
 * halved until at most {@code leaf} particles remain. Its shape depends on {@code n} and
 * {@code leaf} only — never on positions, blocks, threads or nodes — which is what keeps the
 * fast sum's bits independent of how the particles are shared out. Boxes are numbered in
 * pre-order (a parent before its children), so a forward loop is a downward pass and a
 * backward loop an upward one. Immutable.
 */
final class IndexTree {
    final int boxes;
    final int[] from, to, left, right, parent;

    IndexTree(int n, int leaf) {
        int capacity = 2 * ((n + leaf - 1) / leaf) * 2 + 1;
        from = new int[capacity];
        to = new int[capacity];
        left = new int[capacity];
        right = new int[capacity];
        parent = new int[capacity];
        int[] count = {0};
        build(0, n, -1, leaf, count);
        boxes = count[0];
    }

    private int build(int lo, int hi, int up, int leaf, int[] count) {
        int box = count[0]++;
        from[box] = lo;
        to[box] = hi;
        parent[box] = up;
        if (hi - lo <= leaf) {
            left[box] = -1;
            right[box] = -1;
        } else {
            int mid = (lo + hi) >>> 1;
            left[box] = build(lo, mid, box, leaf, count);
            right[box] = build(mid, hi, box, leaf, count);
        }
        return box;
    }

    boolean isLeaf(int box) {
        return left[box] < 0;
    }
}
