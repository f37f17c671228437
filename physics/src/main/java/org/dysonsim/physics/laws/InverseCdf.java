package org.dysonsim.physics.laws;

/**
 * Quantiles of any law by bisection on its CDF, and with them exact draws {@code F⁻¹(U)}: used for
 * synthetic samples from laws that have no direct sampler (free convolution, Marchenko–Pastur).
 */
public final class InverseCdf {
    private InverseCdf() {}

    /** The smallest x with {@code F(x) ≥ p}, to about 1e-13 relative to the support's width. */
    public static double quantile(SpectralLaw law, double p) {
        if (!(p > 0.0 && p < 1.0)) throw new IllegalArgumentException("p must be in (0, 1), got " + p);
        double lo = law.lower(), hi = law.upper();
        double width = 1.0;
        if (Double.isInfinite(lo)) {
            lo = Double.isInfinite(hi) ? -1.0 : hi - 1.0;
            while (law.cdf(lo) > p) lo -= (width *= 2.0);
        }
        width = 1.0;
        if (Double.isInfinite(hi)) {
            hi = lo + 1.0;
            while (law.cdf(hi) < p) hi += (width *= 2.0);
        }
        for (int iter = 0; iter < 200 && hi - lo > 1e-13 * Math.max(1.0, Math.abs(lo) + Math.abs(hi)); iter++) {
            double mid = 0.5 * (lo + hi);
            if (law.cdf(mid) < p) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}
