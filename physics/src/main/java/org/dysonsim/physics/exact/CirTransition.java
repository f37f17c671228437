package org.dysonsim.physics.exact;

import org.dysonsim.physics.laws.SpectralLaw;
import org.hipparchus.special.Gamma;

/**
 * Transition law of the square-root diffusion {@code dλ = (α₀ − β₁λ)dt + √(8ηDλ)dW} from λ₀ over
 * time t (docs/physics.md §3): {@code λ = c·X}, X non-central χ² with {@code d = α₀/(2ηD)} degrees of
 * freedom and non-centrality {@code λ_nc = λ₀e^{−β₁t}/c}, {@code c = 2ηD(1 − e^{−β₁t})/β₁}.
 * The non-central χ² is the Poisson mixture {@code Σ_k Pois(k; λ_nc/2) χ²_{d+2k}}, summed in log
 * space outwards from the largest weight {@code k = ⌊λ_nc/2⌋} until terms stop counting — no
 * Bessel functions, no overflow for large λ_nc.
 */
public final class CirTransition implements SpectralLaw {
    private static final double NEGLIGIBLE = 1e-17;

    private final double c, d, nc;

    public CirTransition(double alpha0, double beta1, double etaD, double lambda0, double t) {
        if (!(etaD > 0.0 && t > 0.0 && alpha0 > 0.0 && lambda0 >= 0.0)) {
            throw new IllegalArgumentException("need ηD > 0, t > 0, α₀ > 0, λ₀ ≥ 0");
        }
        this.c = beta1 == 0.0 ? 2.0 * etaD * t : 2.0 * etaD * -Math.expm1(-beta1 * t) / beta1;
        this.d = alpha0 / (2.0 * etaD);
        this.nc = lambda0 * Math.exp(-beta1 * t) / c;
    }

    @Override
    public double lower() {
        return 0.0;
    }

    /** {@code c(d + λ_nc)} = {@code α₀/β₁ + (λ₀ − α₀/β₁)e^{−β₁t}}. */
    public double mean() {
        return c * (d + nc);
    }

    /** {@code 2c²(d + 2λ_nc)}. */
    public double variance() {
        return 2.0 * c * c * (d + 2.0 * nc);
    }

    @Override
    public double density(double lambda) {
        if (lambda <= 0.0) return 0.0;
        double y = lambda / c;
        return mixture(k -> Math.exp(logChiSquaredDensity(d + 2 * k, y))) / c;
    }

    @Override
    public double cdf(double lambda) {
        if (lambda <= 0.0) return 0.0;
        double y = lambda / c;
        return Math.min(1.0, mixture(k -> Gamma.regularizedGammaP(0.5 * d + k, 0.5 * y)));
    }

    private interface Component {
        double at(int k);
    }

    private double mixture(Component f) {
        double mu = 0.5 * nc;
        if (mu == 0.0) return f.at(0);
        int mode = (int) Math.floor(mu);
        double sum = 0.0;
        for (int k = mode; ; k++) {
            double w = Math.exp(logPoisson(k, mu));
            double term = w * f.at(k);
            sum += term;
            if (k > mu && w < NEGLIGIBLE) break;
        }
        for (int k = mode - 1; k >= 0; k--) {
            double w = Math.exp(logPoisson(k, mu));
            sum += w * f.at(k);
            if (w < NEGLIGIBLE) break;
        }
        return sum;
    }

    private static double logPoisson(int k, double mu) {
        return k * Math.log(mu) - mu - Gamma.logGamma(k + 1.0);
    }

    private static double logChiSquaredDensity(double nu, double y) {
        double h = 0.5 * nu;
        return (h - 1.0) * Math.log(y) - 0.5 * y - h * Math.log(2.0) - Gamma.logGamma(h);
    }
}
