package org.dysonsim.physics.exact;

import org.dysonsim.physics.laws.NormalLaw;

/**
 * {@code dx = −a(x − m)dt + √2 g dW}: transition law
 * {@code N(m + (x₀ − m)e^{−at}, (g²/a)(1 − e^{−2at}))} (docs/physics.md §3); a = 0 is Brownian motion.
 */
public record OrnsteinUhlenbeck(double a, double centre, double g2) {
    public OrnsteinUhlenbeck {
        if (!(a >= 0.0) || !(g2 > 0.0)) throw new IllegalArgumentException("need a ≥ 0 and g² > 0");
    }

    public NormalLaw transition(double x0, double t) {
        double var = a == 0.0 ? 2.0 * g2 * t : -g2 / a * Math.expm1(-2.0 * a * t);
        return new NormalLaw(centre + (x0 - centre) * Math.exp(-a * t), var);
    }

    /** {@code N(m, g²/a)}; needs a > 0. */
    public NormalLaw stationary() {
        if (a == 0.0) throw new IllegalStateException("Brownian motion has no stationary law");
        return new NormalLaw(centre, g2 / a);
    }
}
