package org.dysonsim.physics.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * Known-answer vectors of Random123 ({@code tests/kat_vectors}, the lines {@code philox4x32 10}:
 * counter[4] key[2] → output[4]).
 */
class Philox4x32Test {
    private static int[] block(int[] counter, int[] key) {
        int[] out = new int[4];
        Philox4x32.block(counter[0], counter[1], counter[2], counter[3], key[0], key[1], out);
        return out;
    }

    @Test
    void zeros() {
        assertArrayEquals(new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
                block(new int[] {0, 0, 0, 0}, new int[] {0, 0}));
    }

    @Test
    void allOnes() {
        assertArrayEquals(new int[] {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
                block(new int[] {-1, -1, -1, -1}, new int[] {-1, -1}));
    }

    @Test
    void digitsOfPi() {
        assertArrayEquals(new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1},
                block(new int[] {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, new int[] {0xa4093822, 0x299f31d0}));
    }
}
