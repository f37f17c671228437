package org.dysonsim.actors;

import org.dysonsim.physics.gas.CoulombTiles;

/**
 * How a member's {@code n} eigenvalues are cut into contiguous blocks of {@code blockSize}
 * (the last one may be shorter). A tuning knob only: no result depends on it.
 */
record BlockLayout(int n, int blockSize) {

    BlockLayout {
        if (n < 1 || blockSize < 1) throw new IllegalArgumentException("n and block size must be positive");
    }

    /** A block size above n means one block. */
    static BlockLayout of(int n, int blockSize) {
        return new BlockLayout(n, Math.min(n, blockSize));
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
