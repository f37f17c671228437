package org.dysonsim.physics.fastsum;

import java.util.Arrays;

/**
 * The far-field Coulomb sums {@code f_i = Σ_{|j−i|≥2} 1/(x_i − x_j)} and image sums
 * {@code m_i = Σ_{j≠i} 1/(x_i + x_j)} of sorted positions in O(N p) work: a one-dimensional fast
 * multipole method with Chebyshev interpolation (Dutt, Gu and Rokhlin, SIAM J. Numer. Anal. 33
 * (1996); the black-box form of Fong and Darve, J. Comput. Phys. 228 (2009)) on a tree over the
 * particle indices ({@link IndexTree}), adaptive to any spacing because each box's interval is
 * its particles' span. docs/physics.md §6 gives the accuracy: every sum within 1e-10 of the
 * direct sum, relative to {@code Σ_j |1/(x_i − x_j)|} (the far field cancels in the bulk, so
 * relative to itself would be undefined where it vanishes).
 *
 * <p>Determinism: the tree, the interaction lists ({@link Interactions}) and the order of every
 * addition depend on the positions and {@code n} only, and {@code f_i} is computed the same way
 * whichever rows a call asks for, so any split of the rows among blocks, threads or nodes gives
 * the same bits. Not thread-safe: one instance per caller.
 */
public final class FastCoulombSums {
    /** Particles per leaf box. */
    public static final int LEAF = 64;
    /** Chebyshev nodes per box: (3 + √8)^(−16) ≈ 6e-13. */
    public static final int NODES = 16;

    private final int n;
    private final IndexTree tree;
    private final ChebyshevNodes cheb = new ChebyshevNodes(NODES);
    private final Interactions lists;
    private final double[] lo, hi, centre, half, moments, weights, local, coefficients;
    private final boolean[] hasLocal;
    private final double[] nodeX = new double[NODES];
    /** One term of each target node's far field ({@link #downward}), and of each row's sum ({@link #evaluateLeaf}). */
    private final double[] nodePart = new double[NODES], rowPart;

    public FastCoulombSums(int n) {
        this.n = n;
        tree = new IndexTree(n, LEAF);
        lists = new Interactions(tree);
        int boxes = tree.boxes;
        lo = new double[boxes];
        hi = new double[boxes];
        centre = new double[boxes];
        half = new double[boxes];
        moments = new double[boxes * NODES];
        weights = new double[boxes * NODES];
        local = new double[2 * boxes * NODES];
        coefficients = new double[2 * boxes * NODES];
        hasLocal = new boolean[2 * boxes];
        rowPart = new double[n];
    }

    /**
     * Writes {@code f_i} (and {@code m_i} when {@code mirrorOut} is not null) for
     * {@code i ∈ [from, to)}; {@code x} strictly ascending, length n.
     */
    public void sums(double[] x, int from, int to, double[] farOut, double[] mirrorOut) {
        if (x.length != n) throw new IllegalArgumentException("expected " + n + " positions, got " + x.length);
        boolean withMirror = mirrorOut != null;
        intervals(x);
        upward(x);
        lists.build(lo, hi, from, to, withMirror);
        downward(x, from, to, false);
        if (withMirror) downward(x, from, to, true);
        for (int box = 0; box < tree.boxes; box++) {
            if (!tree.isLeaf(box) || tree.to[box] <= from || tree.from[box] >= to) continue;
            int first = Math.max(from, tree.from[box]), last = Math.min(to, tree.to[box]);
            evaluateLeaf(x, box, first, last, false, farOut);
            if (withMirror) evaluateLeaf(x, box, first, last, true, mirrorOut);
        }
    }

    private void intervals(double[] x) {
        for (int box = 0; box < tree.boxes; box++) {
            lo[box] = x[tree.from[box]];
            hi[box] = x[tree.to[box] - 1];
            centre[box] = 0.5 * (lo[box] + hi[box]);
            // a box of one particle has no width; any positive half-width maps it to u = 0
            half[box] = Math.max(0.5 * (hi[box] - lo[box]), Double.MIN_NORMAL);
        }
    }

    /** Node weights of every box: of its particles for a leaf, of its children's node weights otherwise. */
    private void upward(double[] x) {
        Arrays.fill(moments, 0.0);
        for (int box = tree.boxes - 1; box >= 0; box--) {
            int off = box * NODES;
            if (tree.isLeaf(box)) {
                for (int j = tree.from[box]; j < tree.to[box]; j++) {
                    cheb.addMoments((x[j] - centre[box]) / half[box], 1.0, moments, off);
                }
            } else {
                for (int child : new int[] {tree.left[box], tree.right[box]}) {
                    double shift = centre[child] - centre[box];
                    for (int a = 0; a < NODES; a++) {
                        double u = (shift + half[child] * cheb.nodes[a]) / half[box];
                        cheb.addMoments(u, weights[child * NODES + a], moments, off);
                    }
                }
            }
            cheb.weightsFromMoments(moments, off, weights, off);
        }
    }

    /** Node values of each target box's far field: its parent's, interpolated, plus its own list's. */
    private void downward(double[] x, int from, int to, boolean mirror) {
        int side = mirror ? tree.boxes : 0;
        int mirrorKind = mirror ? Interactions.MIRROR : 0;
        for (int box = 0; box < tree.boxes; box++) {
            if (tree.to[box] <= from || tree.from[box] >= to) continue;
            int off = (side + box) * NODES;
            int up = tree.parent[box];
            boolean any = up >= 0 && hasLocal[side + up];
            for (int a = 0; a < NODES; a++) {
                nodeX[a] = half[box] * cheb.nodes[a];
                double u = any ? (centre[box] - centre[up] + nodeX[a]) / half[up] : 0.0;
                local[off + a] = any ? cheb.evaluate(coefficients, (side + up) * NODES, u) : 0.0;
            }
            for (int item = lists.head[box]; item >= 0; item = lists.next[item]) {
                int kind = lists.kind[item];
                int s = lists.source[item];
                if (kind == Interactions.M2L + mirrorKind) nodesOnNodes(centre[box], s, mirror);
                else if (kind == Interactions.P2L + mirrorKind) particlesOnNodes(x, centre[box], s, mirror);
                else continue;
                any = true;
                for (int a = 0; a < NODES; a++) local[off + a] += nodePart[a];
            }
            hasLocal[side + box] = any;
            if (any) cheb.coefficientsFromValues(local, off, coefficients, off);
        }
    }

    /**
     * f_i (or m_i) of the rows {@code [first, last)} of a leaf: its far field interpolated, plus
     * its own list's one-sided and direct terms. The rows are done together, each term a loop
     * over the rows, so that the divisions of different rows overlap (and vectorise), while each
     * row adds its own terms in the same order, with the same operations, as it would alone.
     */
    private void evaluateLeaf(double[] x, int leaf, int first, int last, boolean mirror, double[] out) {
        int side = mirror ? tree.boxes : 0;
        int coff = (side + leaf) * NODES;
        boolean interpolated = hasLocal[side + leaf];
        for (int i = first; i < last; i++) {
            out[i] = interpolated ? cheb.evaluate(coefficients, coff, (x[i] - centre[leaf]) / half[leaf]) : 0.0;
        }
        int mirrorKind = mirror ? Interactions.MIRROR : 0;
        for (int item = lists.head[leaf]; item >= 0; item = lists.next[item]) {
            int kind = lists.kind[item] - mirrorKind;
            if (kind == Interactions.M2P) nodesOnRows(x, first, last, lists.source[item], mirror);
            else if (kind == Interactions.P2P) particlesOnRows(x, first, last, lists.source[item], mirror);
            else continue;
            for (int i = first; i < last; i++) out[i] += rowPart[i];
        }
    }

    /**
     * Into {@link #nodePart}: for each node {@code t_a = base + nodeX[a]} of a target box,
     * Σ_b W_b/(t_a − s_b) over source box s's nodes {@code s_b = c_s + h_s u_b} (with
     * {@code mirror}, Σ_b W_b/(t_a + s_b)). The distance is formed as
     * {@code (base − c_s) + (nodeX[a] − h_s u_b)}: for a tight cluster far from the origin the
     * node positions themselves would round to a visible fraction of the box.
     */
    private void nodesOnNodes(double base, int s, boolean mirror) {
        int off = s * NODES;
        double shift = mirror ? base + centre[s] : base - centre[s];
        Arrays.fill(nodePart, 0.0);
        for (int b = 0; b < NODES; b++) {
            double w = weights[off + b], y = half[s] * cheb.nodes[b];
            if (mirror) {
                for (int a = 0; a < NODES; a++) nodePart[a] += w / (shift + (nodeX[a] + y));
            } else {
                for (int a = 0; a < NODES; a++) nodePart[a] += w / (shift + (nodeX[a] - y));
            }
        }
    }

    /** Into {@link #rowPart}: the sums of {@link #nodesOnNodes} at the particles {@code x_i}, i ∈ [first, last), themselves. */
    private void nodesOnRows(double[] x, int first, int last, int s, boolean mirror) {
        int off = s * NODES;
        double c = centre[s];
        Arrays.fill(rowPart, first, last, 0.0);
        for (int b = 0; b < NODES; b++) {
            double w = weights[off + b];
            if (mirror) {
                double y = 0.0 + half[s] * cheb.nodes[b];
                for (int i = first; i < last; i++) rowPart[i] += w / ((x[i] + c) + y);
            } else {
                double y = 0.0 - half[s] * cheb.nodes[b];
                for (int i = first; i < last; i++) rowPart[i] += w / ((x[i] - c) + y);
            }
        }
    }

    /** Into {@link #nodePart}: Σ_j 1/(t_a − x_j) over box s's particles (with {@code mirror}, Σ_j 1/(t_a + x_j)). */
    private void particlesOnNodes(double[] x, double base, int s, boolean mirror) {
        Arrays.fill(nodePart, 0.0);
        for (int j = tree.from[s]; j < tree.to[s]; j++) {
            double d = mirror ? base + x[j] : base - x[j];
            for (int a = 0; a < NODES; a++) nodePart[a] += 1.0 / (d + nodeX[a]);
        }
    }

    /**
     * Into {@link #rowPart}: Σ_j 1/(x_i − x_j) over box s's particles for i ∈ [first, last)
     * (with {@code mirror}, Σ_j 1/(x_i + x_j)), each row leaving out j = i and, for the Coulomb
     * sum, its nearest neighbours. Sources in ascending order, rows inner: each row's terms are
     * added in the order of j.
     */
    private void particlesOnRows(double[] x, int first, int last, int s, boolean mirror) {
        Arrays.fill(rowPart, first, last, 0.0);
        for (int j = tree.from[s]; j < tree.to[s]; j++) {
            double xj = x[j];
            // the rows that leave j out split the rows in two plain loops (no test per term)
            int skipFrom = Math.max(first, Math.min(last, mirror ? j : j - 1));
            int skipTo = Math.max(skipFrom, Math.min(last, mirror ? j + 1 : j + 2));
            if (mirror) {
                for (int i = first; i < skipFrom; i++) rowPart[i] += 1.0 / (x[i] + xj);
                for (int i = skipTo; i < last; i++) rowPart[i] += 1.0 / (x[i] + xj);
            } else {
                for (int i = first; i < skipFrom; i++) rowPart[i] += 1.0 / (x[i] - xj);
                for (int i = skipTo; i < last; i++) rowPart[i] += 1.0 / (x[i] - xj);
            }
        }
    }
}
