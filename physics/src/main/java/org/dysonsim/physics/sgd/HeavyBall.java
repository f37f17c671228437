package org.dysonsim.physics.sgd;

/**
 * What heavy-ball momentum β ({@link SgdSettings}: v ← βv + G, W ← W − αv) does to a weight's
 * displacement over a horizon of n steps, for a gradient G = ḡ + ξ with a mean ḡ that changes
 * slowly over 1/(1 − β) steps and white noise ξ of variance σ², from a velocity in its stationary
 * state (docs/physics.md §5, <i>Heavy-ball momentum over a horizon</i>). The velocity is an AR(1)
 * process of mean ḡ/(1 − β), so the mean displacement is −η·ḡ·n at every horizon, with
 * η = α/(1 − β) ({@link #effectiveRate}); its variance is η²σ² times {@link #diffusiveSteps}, which
 * falls short of n by at most 2β/(1 − β²) steps: plain SGD at the rate η for n ≫ 1/(1 − β), less
 * (ballistic, ∝ n²) below.
 */
public final class HeavyBall {
    private HeavyBall() {}

    /** η = α/(1 − β): the rate of plain SGD with the same mean step and long-run diffusion. */
    public static double effectiveRate(SgdSettings sgd) {
        return sgd.alpha() / (1 - sgd.momentum());
    }

    /**
     * Var(ΔW over n steps)/(η²σ²) = n − 2β(1 − βⁿ)/(1 − β²): the variance of the sum of n
     * consecutive values of the stationary AR(1) velocity, in units of one plain SGD step at η.
     */
    public static double diffusiveSteps(long n, double beta) {
        if (n < 0) throw new IllegalArgumentException("a horizon is ≥ 0 steps, got " + n);
        return n - 2 * beta * (1 - Math.pow(beta, n)) / (1 - beta * beta);
    }
}
