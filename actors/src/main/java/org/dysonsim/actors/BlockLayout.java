package org.dysonsim.actors;

import org.dysonsim.physics.gas.CoulombTiles;

/**
 * How a member's {@code n} eigenvalues are cut into contiguous blocks of {@code blockSize}
 * (the last one may be shorter). A tuning knob only: no result depends on it.
 */
record BlockLayout(int n, int blockSize) {
    /** {@code blocks.size} asking for {@link #automatic}. */
    static final int AUTOMATIC = 0;

    BlockLayout {
        if (n < 1 || blockSize < 1) throw new IllegalArgumentException("n and block size must be positive");
    }

    /** A block size above n means one block. */
    static BlockLayout of(int n, int blockSize) {
        return new BlockLayout(n, Math.min(n, blockSize));
    }

    /** The run's own {@code blocks.size}, or {@link #automatic} for {@link #AUTOMATIC}. */
    static BlockLayout forRun(RunSpec spec, int cores) {
        return spec.blockSize() == AUTOMATIC ? automatic(spec.n(), cores, spec.members(), BlockPlacement.nodesOf(spec))
                : of(spec.n(), spec.blockSize());
    }

    /**
     * Blocks enough to give every core work and no more: as many members run at once as there are
     * cores, so with at least as many members as cores each member is one block (the plain path,
     * no exchange); otherwise the cores a member has to itself, at most one block per Coulomb
     * tile of 64 and at least one per node it is spread over. Every block solves the whole
     * implicit step and exchanges predictions with every other, so smaller blocks only add work:
     * at N = 1024 on two cores blocks of 64 take 2–2.5 times as long per step as two blocks of 512.
     */
    static BlockLayout automatic(int n, int cores, int members, int nodes) {
        int perMember = Math.max(1, cores / Math.max(1, members));
        int blocks = Math.max(nodes, Math.min(perMember, n / (2 * CoulombTiles.TILE)));
        blocks = Math.max(1, Math.min(blocks, n));
        return of(n, (n + blocks - 1) / blocks);
    }

    int blocks() {
        return (n + blockSize - 1) / blockSize;
    }

    int from(int block) {
        return block * blockSize;
    }

    int to(int block) {
        return Math.min(n, (block + 1) * blockSize);
    }

    /** The first and last block owning rows of Coulomb tile {@code tile}. */
    int firstOwnerOf(int tile) {
        return CoulombTiles.start(tile) / blockSize;
    }

    int lastOwnerOf(int tile) {
        return (CoulombTiles.end(tile, n) - 1) / blockSize;
    }
}
