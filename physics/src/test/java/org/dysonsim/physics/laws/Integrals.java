package org.dysonsim.physics.laws;

import java.util.function.DoubleUnaryOperator;

/** Test fixture: composite Gauss–Legendre integrals of densities and their moments. */
final class Integrals {
    private static final GaussLegendre RULE = new GaussLegendre(20);

    private Integrals() {}

    static double of(DoubleUnaryOperator f, double a, double b, int panels) {
        return RULE.integrate(f, a, b, panels);
    }

    /**
     * ∫_a^b f through {@code x = a + (b − a)(1 − cos φ)/2}: the Jacobian sin φ cancels √ and 1/√
     * behaviour at both ends, so square-root edges integrate to rounding.
     */
    static double overEdges(DoubleUnaryOperator f, double a, double b, int panels) {
        return of(p -> f.applyAsDouble(a + 0.5 * (b - a) * (1 - Math.cos(p))) * 0.5 * (b - a) * Math.sin(p), 0, Math.PI, panels);
    }

    /** ∫ x^k ρ(x) dx over [a, b]. */
    static double moment(SpectralLaw law, int k, double a, double b, int panels) {
        return of(x -> Math.pow(x, k) * law.density(x), a, b, panels);
    }
}
