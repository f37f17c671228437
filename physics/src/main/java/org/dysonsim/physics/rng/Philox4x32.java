package org.dysonsim.physics.rng;

/**
 * Philox4x32-10, the counter-based generator of Salmon, Moraes, Dror and Shaw, "Parallel random
 * numbers: as easy as 1, 2, 3" (SC11, 2011), as published in Random123 (the design behind NumPy's
 * {@code Philox} and JAX): ten rounds of a keyed bijection on a 128-bit counter, each round two
 * 32×32→64-bit multiplications, with a Weyl key schedule. It passes TestU01's BigCrush
 * (the paper, Table 2). Checked against Random123's known-answer vectors in Philox4x32Test.
 */
public final class Philox4x32 {
    private static final long M0 = 0xD2511F53L;
    private static final long M1 = 0xCD9E8D57L;
    private static final int W0 = 0x9E3779B9;
    private static final int W1 = 0xBB67AE85;
    static final int ROUNDS = 10;

    private Philox4x32() {}

    /**
     * The block of the counter {@code (c0, c1, c2, c3)} under the key {@code (k0, k1)}, written into
     * {@code out[0..4)} (words as unsigned 32-bit values in Java ints).
     */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
        for (int r = 0; r < ROUNDS; r++) {
            if (r > 0) {
                k0 += W0;
                k1 += W1;
            }
            long p0 = M0 * (c0 & 0xFFFFFFFFL);
            long p1 = M1 * (c2 & 0xFFFFFFFFL);
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            c1 = (int) p1;
            c3 = (int) p0;
            c0 = n0;
            c2 = n2;
        }
        out[0] = c0;
        out[1] = c1;
        out[2] = c2;
        out[3] = c3;
    }
}
