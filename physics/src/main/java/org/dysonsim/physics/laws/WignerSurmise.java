package org.dysonsim.physics.laws;

import org.hipparchus.special.Gamma;

/**
 * Wigner surmise for the nearest-neighbour spacing, {@code P(s) = a_β s^β e^{−b_β s²}} with mean
 * spacing one for β = 1, 2, 4 (Mehta, Random Matrices, §1.5), stretched to a given mean spacing.
 * β = 1 is exact for two levels in one harmonic well (docs/physics.md §3).
 */
public record WignerSurmise(int beta, double meanSpacing) implements SpectralLaw {
    public WignerSurmise {
        if (beta != 1 && beta != 2 && beta != 4) throw new IllegalArgumentException("beta must be 1, 2 or 4, got " + beta);
        if (!(meanSpacing > 0.0)) throw new IllegalArgumentException("mean spacing must be positive, got " + meanSpacing);
    }

    /** Unit mean spacing. */
    public WignerSurmise(int beta) {
        this(beta, 1.0);
    }

    /** {@code b_β}: π/4, 4/π, 64/(9π), from requiring mean one. */
    private double b() {
        return switch (beta) {
            case 1 -> Math.PI / 4.0;
            case 2 -> 4.0 / Math.PI;
            default -> 64.0 / (9.0 * Math.PI);
        };
    }

    @Override
    public double lower() {
        return 0.0;
    }

    @Override
    public double density(double x) {
        if (x <= 0.0) return 0.0;
        double s = x / meanSpacing, b = b(), k = 0.5 * (beta + 1);
        // normalisation 2 b^{(β+1)/2} / Γ((β+1)/2)
        double logNorm = Math.log(2.0) + k * Math.log(b) - Gamma.logGamma(k);
        return Math.exp(logNorm + beta * Math.log(s) - b * s * s) / meanSpacing;
    }

    /** {@code P((β + 1)/2, b s²)}, the regularised lower incomplete gamma function. */
    @Override
    public double cdf(double x) {
        if (x <= 0.0) return 0.0;
        double s = x / meanSpacing;
        return Gamma.regularizedGammaP(0.5 * (beta + 1), b() * s * s);
    }
}
