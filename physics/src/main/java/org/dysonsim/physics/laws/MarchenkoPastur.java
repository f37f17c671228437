package org.dysonsim.physics.laws;

/**
 * Marchenko–Pastur law of the eigenvalues of {@code WᵀW/M}, {@code W} M×N with N(0, σ²) entries
 * and ratio {@code r = N/M ≤ 1} (docs/physics.md §1), in the fit form of Aarts et al.
 * (arXiv 2411.13512): {@code A·P(x; σ²)} with area {@code A} (so {@code 1 − A} is the weight left
 * to a tail) and width {@code σ²}. Edges {@code x± = σ²(1 ± √r)²}; mean σ², variance rσ⁴ (at A = 1).
 */
public record MarchenkoPastur(double ratio, double sigma2, double area) implements SpectralLaw {
    private static final GaussLegendre RULE = new GaussLegendre(48);

    public MarchenkoPastur {
        if (!(ratio > 0.0 && ratio <= 1.0)) throw new IllegalArgumentException("ratio N/M must be in (0, 1], got " + ratio);
        if (!(sigma2 > 0.0)) throw new IllegalArgumentException("sigma2 must be positive, got " + sigma2);
    }

    /** The normalised law (area one). */
    public MarchenkoPastur(double ratio, double sigma2) {
        this(ratio, sigma2, 1.0);
    }

    /** Eigenvalues of {@code WᵀW} itself (no 1/M), {@code W} rows×cols, rows ≥ cols: width Mσ². */
    public static MarchenkoPastur ofGram(int rows, int cols, double entryVariance) {
        return new MarchenkoPastur((double) cols / rows, rows * entryVariance);
    }

    @Override
    public double lower() {
        double q = 1.0 - Math.sqrt(ratio);
        return sigma2 * q * q;
    }

    @Override
    public double upper() {
        double q = 1.0 + Math.sqrt(ratio);
        return sigma2 * q * q;
    }

    public double mean() {
        return sigma2;
    }

    public double variance() {
        return ratio * sigma2 * sigma2;
    }

    @Override
    public double density(double x) {
        double lo = lower(), hi = upper();
        if (x <= lo || x >= hi) return 0.0;
        return area * Math.sqrt((hi - x) * (x - lo)) / (2.0 * Math.PI * sigma2 * ratio * x);
    }

    /**
     * Integrates with {@code x = m − s cos θ} ({@code m = σ²(1 + r)}, {@code s = 2σ²√r}, docs/physics.md
     * §5): the square-root edges become {@code s sin θ} and the integrand is smooth, so a fixed
     * Gauss–Legendre rule is accurate to rounding.
     */
    @Override
    public double cdf(double x) {
        if (x <= lower()) return 0.0;
        if (x >= upper()) return area;
        double m = sigma2 * (1.0 + ratio);
        double s = 2.0 * sigma2 * Math.sqrt(ratio);
        double theta = Math.acos(Math.max(-1.0, Math.min(1.0, (m - x) / s)));
        double norm = s * s / (2.0 * Math.PI * sigma2 * ratio);
        return area * norm * RULE.integrate(t -> {
            double sin = Math.sin(t);
            return sin * sin / (m - s * Math.cos(t));
        }, 0.0, theta);
    }
}
