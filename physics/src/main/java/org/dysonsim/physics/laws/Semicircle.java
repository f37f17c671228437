package org.dysonsim.physics.laws;

/** Wigner semicircle with centre c and variance τ: radius 2√τ (docs/physics.md §3, large-N GOE). */
public record Semicircle(double centre, double variance) implements SpectralLaw {
    public Semicircle {
        if (!(variance > 0.0)) throw new IllegalArgumentException("variance must be positive, got " + variance);
    }

    public double radius() {
        return 2.0 * Math.sqrt(variance);
    }

    @Override
    public double lower() {
        return centre - radius();
    }

    @Override
    public double upper() {
        return centre + radius();
    }

    @Override
    public double density(double x) {
        double d = x - centre, r2 = 4.0 * variance;
        return d * d >= r2 ? 0.0 : Math.sqrt(r2 - d * d) / (2.0 * Math.PI * variance);
    }

    @Override
    public double cdf(double x) {
        double u = (x - centre) / radius();
        if (u <= -1.0) return 0.0;
        if (u >= 1.0) return 1.0;
        return 0.5 + (u * Math.sqrt(1.0 - u * u) + Math.asin(u)) / Math.PI;
    }
}
