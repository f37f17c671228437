package org.dysonsim.physics.laws;

import org.hipparchus.special.Erf;

/**
 * One-level density of two degenerate levels in one harmonic well of width σ² = g²/Ω, measured
 * from the centre (docs/physics.md §3): the marginal of {@code ∝ |x₁ − x₂| e^{−(x₁² + x₂²)/(2σ²)}},
 * {@code ρ(x) = e^{−x²/(2σ²)}/(4√π σ)[2e^{−x²/(2σ²)} + √(2π)(x/σ) erf(x/(√2σ))]}.
 */
public record TwoModeDensity(double sigma2) implements SpectralLaw {
    public TwoModeDensity {
        if (!(sigma2 > 0.0)) throw new IllegalArgumentException("sigma2 must be positive, got " + sigma2);
    }

    @Override
    public double density(double x) {
        double sigma = Math.sqrt(sigma2), u = x / sigma, g = Math.exp(-0.5 * u * u);
        return g / (4.0 * Math.sqrt(Math.PI) * sigma) * (2.0 * g + Math.sqrt(2.0 * Math.PI) * u * Erf.erf(u / Math.sqrt(2.0)));
    }

    /**
     * Closed form by parts: {@code ∫u e^{−u²/2} erf(u/√2) du = −e^{−u²/2} erf(u/√2) + erf(u)/√2},
     * so {@code F(x) = (1 + erf u)/2 − (√2/4) e^{−u²/2} erf(u/√2)}, u = x/σ.
     */
    @Override
    public double cdf(double x) {
        double u = x / Math.sqrt(sigma2);
        return 0.5 * Erfc.upperHalf(u) - Math.sqrt(2.0) / 4.0 * Math.exp(-0.5 * u * u) * Erf.erf(u / Math.sqrt(2.0));
    }

    /** ⟨x²⟩ = 3σ²/2. */
    public double secondMoment() {
        return 1.5 * sigma2;
    }

    /** ⟨x⁴⟩ = 23σ⁴/4. */
    public double fourthMoment() {
        return 5.75 * sigma2 * sigma2;
    }

    /**
     * {@code B = ⟨x⁴⟩/(3⟨x²⟩²) − 1}: −4/27 here, 0 for a Gaussian, −1/3 for a semicircle (the
     * slides' "Binder cumulant", docs/physics.md §3; the usual {@code U₄ = 1 − ⟨x⁴⟩/(3⟨x²⟩²)} is +4/27).
     */
    public double binderCumulantB() {
        double m2 = secondMoment();
        return fourthMoment() / (3.0 * m2 * m2) - 1.0;
    }

    /** Spacing law of the pair: the β = 1 surmise with mean spacing √π σ. */
    public WignerSurmise spacing() {
        return new WignerSurmise(1, Math.sqrt(Math.PI * sigma2));
    }
}
