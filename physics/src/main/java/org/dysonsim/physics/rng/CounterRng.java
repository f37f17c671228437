package org.dysonsim.physics.rng;

/**
 * Counter-based random numbers: every draw is a pure function of
 * {@code (seed, member, index, step, stream)}, so results never depend on which thread,
 * actor or node asks, nor in which order (the determinism rule of DESIGN.md).
 *
 * <p>The generator is {@link Philox4x32} (Philox4x32-10 of Random123), {@link #NAME} in what a
 * run records. Its 64-bit key is {@code seed + member·φ} (φ = 2⁶⁴/golden ratio, odd), so the
 * members of one seed have distinct keys, and two (seed, member) pairs with members below 2²⁰
 * share a key only if their seeds are more than 2⁴³ apart (CounterRngTest). Its 128-bit counter
 * is {@code (index, step, low and high half of stream)}, exact for every index and step of the
 * int range and any stream; beyond, the high halves of step and index are folded into the last
 * word (bits 8 and 24 up), which keeps counters distinct for 0 ≤ stream &lt; 2⁴⁰, |step| &lt; 2⁴⁷ and
 * |index| &lt; 2³⁹. {@code stream} separates independent draws that share the other four coordinates
 * (bridge levels, rejection-sampling attempts, ...). Each draw is one Philox block.
 */
public final class CounterRng {
    /** The generator's name as a run records it (the resolved scenario's key {@code rng}). */
    public static final String NAME = "philox4x32-10";
    /** φ = 2⁶⁴/golden ratio, odd: member ↦ member·φ is a bijection spreading members far apart. */
    static final long MEMBER_SPREAD = 0x9E3779B97F4A7C15L;
    private static final double UNIT = 0x1.0p-53;

    private CounterRng() {}

    /** The four 32-bit words of the draw, into {@code out[0..4)}. */
    public static void block(long seed, long member, long index, long step, long stream, int[] out) {
        long key = seed + member * MEMBER_SPREAD;
        int last = (int) (stream >>> 32) ^ Integer.rotateLeft(beyondInt(step), 8) ^ Integer.rotateLeft(beyondInt(index), 24);
        Philox4x32.block((int) index, (int) step, (int) stream, last, (int) key, (int) (key >>> 32), out);
    }

    /** 64 random bits: the first two words of the draw. */
    public static long bits(long seed, long member, long index, long step, long stream) {
        int[] w = new int[4];
        block(seed, member, index, step, stream, w);
        return (long) w[0] << 32 | (w[1] & 0xFFFFFFFFL);
    }

    /** Uniform on the open interval (0, 1), from the first two words of the draw. */
    public static double uniform(long seed, long member, long index, long step, long stream) {
        return open((bits(seed, member, index, step, stream)));
    }

    /**
     * Standard normal deviate: the Box–Muller transform (Box and Muller, Ann. Math. Stat. 29,
     * 1958) of the two uniforms of one draw (words 0–1 and 2–3); exact in distribution, with no
     * branch and one block per deviate. Its first uniform is {@link #uniform} of the same
     * coordinates: one purpose per stream (SgdStreams).
     */
    public static double gaussian(long seed, long member, long index, long step, long stream) {
        int[] w = new int[4];
        block(seed, member, index, step, stream, w);
        double u1 = open((long) w[0] << 32 | (w[1] & 0xFFFFFFFFL));
        double u2 = open((long) w[2] << 32 | (w[3] & 0xFFFFFFFFL));
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** The top 53 bits as a double in (0, 1), never 0 (log) nor 1. */
    private static double open(long bits) {
        return ((bits >>> 11) + 0.5) * UNIT;
    }

    /** The high half of {@code x}, 0 whenever {@code x} fits in an int (sign extension removed). */
    private static int beyondInt(long x) {
        return (int) (x >>> 32) ^ ((int) x >> 31);
    }
}
