package org.dysonsim.physics.laws;

import org.hipparchus.special.Gamma;

/** Gamma law with shape k and scale θ: mean kθ, variance kθ². */
public record GammaLaw(double shape, double scale) implements SpectralLaw {
    public GammaLaw {
        if (!(shape > 0.0 && scale > 0.0)) throw new IllegalArgumentException("shape and scale must be positive, got " + shape + ", " + scale);
    }

    /**
     * Stationary law of the mean-field square-root diffusion {@code dλ = (α₀ − β₁λ)dt + √(8ηDλ)dW}
     * of a squared singular value (Olsen et al., ICML 2025, Thm 3.2; docs/physics.md §1):
     * shape {@code α₀/(4ηD)}, scale {@code 4ηD/β₁}.
     */
    public static GammaLaw squareRootStationary(double alpha0, double beta1, double etaD) {
        return new GammaLaw(alpha0 / (4.0 * etaD), 4.0 * etaD / beta1);
    }

    @Override
    public double lower() {
        return 0.0;
    }

    public double mean() {
        return shape * scale;
    }

    public double variance() {
        return shape * scale * scale;
    }

    @Override
    public double density(double x) {
        if (x <= 0.0) return 0.0;
        double y = x / scale;
        return Math.exp((shape - 1.0) * Math.log(y) - y - Gamma.logGamma(shape)) / scale;
    }

    @Override
    public double cdf(double x) {
        return x <= 0.0 ? 0.0 : Gamma.regularizedGammaP(shape, x / scale);
    }
}
