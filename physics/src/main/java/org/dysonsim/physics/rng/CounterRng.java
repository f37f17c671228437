package org.dysonsim.physics.rng;

/**
 * Counter-based random numbers: every draw is a pure function of
 * {@code (seed, member, index, step, stream)}, so results never depend on which thread,
 * actor or node asks, nor in which order (the determinism rule of DESIGN.md).
 *
 * <p>The generator hashes the counter with three rounds of the SplitMix64 finaliser, each
 * round keyed by one coordinate; {@code stream} separates independent draws that share the
 * other four coordinates (bridge levels, rejection-sampling attempts, ...).
 */
public final class CounterRng {
    private static final double UNIT = 0x1.0p-53;

    private CounterRng() {}

    /** 64 well-mixed bits for the counter. */
    public static long bits(long seed, long member, long index, long step, long stream) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ member * 0xD1B54A32D192ED03L);
        h = mix(h ^ index * 0x8CB92BA72F3D8DD7L);
        h = mix(h ^ step * 0xABC98388FB8FAC03L);
        return mix(h ^ stream * 0xCA5A826395121157L);
    }

    /** Uniform on the open interval (0, 1). */
    public static double uniform(long seed, long member, long index, long step, long stream) {
        return ((bits(seed, member, index, step, stream) >>> 11) + 0.5) * UNIT;
    }

    /**
     * Standard normal deviate. Uses the Box–Muller transform on two uniforms drawn from the
     * streams {@code 2·stream} and {@code 2·stream + 1}; exact in distribution.
     */
    public static double gaussian(long seed, long member, long index, long step, long stream) {
        double u1 = uniform(seed, member, index, step, 2 * stream);
        double u2 = uniform(seed, member, index, step, 2 * stream + 1);
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** SplitMix64 finaliser (Steele, Lea, Flood 2014): a bijection with full avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
