package org.dysonsim.physics.laws;

/**
 * A probability law on the real line that a spectrum (or one eigenvalue, or a spacing) is held
 * against: a density and its distribution function, both normalised to total mass one unless
 * a law says otherwise (the Marchenko–Pastur fit form carries an area).
 */
public interface SpectralLaw {
    double density(double x);

    double cdf(double x);

    /** Left end of the support (−∞ when unbounded). */
    default double lower() {
        return Double.NEGATIVE_INFINITY;
    }

    /** Right end of the support (+∞ when unbounded). */
    default double upper() {
        return Double.POSITIVE_INFINITY;
    }
}
