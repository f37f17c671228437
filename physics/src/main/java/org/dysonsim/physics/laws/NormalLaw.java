package org.dysonsim.physics.laws;

import org.hipparchus.special.Erf;

/** Normal law N(mean, variance). */
public record NormalLaw(double mean, double variance) implements SpectralLaw {
    public NormalLaw {
        if (!(variance > 0.0)) throw new IllegalArgumentException("variance must be positive, got " + variance);
    }

    @Override
    public double density(double x) {
        double d = x - mean;
        return Math.exp(-0.5 * d * d / variance) / Math.sqrt(2.0 * Math.PI * variance);
    }

    @Override
    public double cdf(double x) {
        return 0.5 * Erf.erfc(-(x - mean) / Math.sqrt(2.0 * variance));
    }
}
