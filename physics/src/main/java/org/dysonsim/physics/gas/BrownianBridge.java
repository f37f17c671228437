package org.dysonsim.physics.gas;

import org.dysonsim.physics.rng.CounterRng;

/**
 * Brownian increments of one nominal step, refined dyadically by Brownian bridges, so that a
 * step cut into 2^level sub-steps sees sub-increments that add up exactly to the level-0
 * increment: a run at {@code h} and one at {@code h/2} share their noise (coupled refinement,
 * docs/physics.md §2), and the noise of step {@code s} of mode {@code i} is a function of
 * {@code (seed, member, i, s)} alone.
 */
public final class BrownianBridge {
    private BrownianBridge() {}

    /**
     * Writes the {@code 2^level} Brownian increments (variance {@code dt/2^level} each) of mode
     * {@code index} over nominal step {@code step} into {@code out[0 .. 2^level)}.
     */
    public static void increments(long seed, long member, int index, long step, int level, double dt, double[] out) {
        out[0] = Math.sqrt(dt) * CounterRng.gaussian(seed, member, index, step, 0);
        int count = 1;
        double span = dt;
        for (int l = 1; l <= level; l++) {
            // Split each of the `count` intervals of length `span` in two: given the increment W
            // over the interval, the halves are W/2 ± √(span/4)·ζ with ζ standard normal.
            double spread = Math.sqrt(span / 4.0);
            for (int k = count - 1; k >= 0; k--) {
                double whole = out[k];
                double zeta = CounterRng.gaussian(seed, member, index, step, ((long) l << 32) | k);
                out[2 * k] = 0.5 * whole + spread * zeta;
                out[2 * k + 1] = 0.5 * whole - spread * zeta;
            }
            count *= 2;
            span *= 0.5;
        }
    }
}
