package org.dysonsim.physics.gas;

/**
 * Chooses how finely a nominal step of length {@code dt} is subdivided: into {@code 2^level}
 * equal sub-steps, the smallest level for which the sub-step is below
 * {@code h* = min(θ Δ̄²/max γ_i, θ_K/max s_i)}, {@code s_i} the stiffness of mode i's drift
 * ({@link #stiffness}, docs/physics.md §2). The level is a function of
 * the positions at the start of the nominal step alone, so it adds no bias, and the Brownian
 * path of the nominal step is refined by bridges ({@link BrownianBridge}), so the noise of
 * step {@code s} is the same whatever the level.
 *
 * @param adaptive   false: always level 0 (a fixed step, as in the SGD form)
 * @param theta      θ for the spacing criterion (0.01 where local statistics matter)
 * @param thetaDrift θ_K for the drift-stiffness criterion
 * @param maxLevel   the finest level the criterion may choose
 * @param refinement levels added to whatever the criterion chooses: 0 for a run, 1 for its
 *                   {@code h/2} companion of error control ({@link #refined()})
 */
public record StepSizeRule(boolean adaptive, double theta, double thetaDrift, int maxLevel, int refinement) {

    public StepSizeRule(boolean adaptive, double theta, double thetaDrift, int maxLevel) {
        this(adaptive, theta, thetaDrift, maxLevel, 0);
    }

    public static StepSizeRule fixed() {
        return new StepSizeRule(false, 0.01, 0.1, 0);
    }

    public static StepSizeRule adaptive(double theta, int maxLevel) {
        return new StepSizeRule(true, theta, 0.1, maxLevel);
    }

    /**
     * The same rule with every step halved: the companion of error control (docs/physics.md §2).
     * Run with the same seed and member, its Brownian path is the bridge refinement of the
     * original's, so the two runs are coupled and their difference estimates the step bias.
     */
    public StepSizeRule refined() {
        return new StepSizeRule(adaptive, theta, thetaDrift, maxLevel, refinement + 1);
    }

    /** The finest level {@link #level} can return. */
    public int finestLevel() {
        return (adaptive ? maxLevel : 0) + refinement;
    }

    /** The subdivision level for the nominal step starting at {@code x}. */
    public int level(GasModel model, double[] x, double dt) {
        if (!adaptive) return refinement;
        int n = x.length;
        double spacing = n > 1 ? (x[n - 1] - x[0]) / (n - 1) : Double.POSITIVE_INFINITY;
        double maxCoulomb = 0.0;
        double maxSlope = 0.0;
        for (int i = 0; i < n; i++) {
            maxCoulomb = Math.max(maxCoulomb, Math.max(model.coulomb()[i], model.noise()[i]));
            maxSlope = Math.max(maxSlope, stiffness(model, x[i], i));
        }
        double target = Double.POSITIVE_INFINITY;
        if (maxCoulomb > 0) target = theta * spacing * spacing / maxCoulomb;
        if (maxSlope > 0) target = Math.min(target, thetaDrift / maxSlope);
        int level = 0;
        double h = dt;
        while (h > target && level < maxLevel) {
            h *= 0.5;
            level++;
        }
        return level + refinement;
    }

    /**
     * The stiffness the drift criterion sees for mode {@code i} at {@code x}:
     * {@code |K_smooth'(x)| + |B'(x)|}, the smooth drift's slope and the barrier walls' together.
     * It bounds the true {@code |K'| = |K_smooth' + B'|} (for the RBM {@code 1/κ − μ²/(μ² − x)²},
     * whose two parts have opposite signs) and each part's own stiffness, so a mode where the
     * two cancel is not mistaken for a soft one.
     */
    public static double stiffness(GasModel model, double x, int i) {
        return Math.abs(model.drift().slope(x, i)) + Math.abs(model.lower().slope(x)) + Math.abs(model.upper().slope(x));
    }
}
