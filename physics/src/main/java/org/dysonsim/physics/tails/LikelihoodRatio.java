package org.dysonsim.physics.tails;

import org.hipparchus.special.Erf;

/**
 * A likelihood-ratio test between two laws fitted to the same points (Clauset, Shalizi, Newman
 * §5; Vuong, Econometrica 57 (1989)). {@code logRatio} R = Σ(ℓ₁ − ℓ₂), positive when the first law
 * is the likelier; {@code normalised} R/(σ√n), σ the standard deviation of the pointwise
 * differences. Non-nested laws: Vuong's two-sided p = erfc(|R|/(σ√(2n))). Nested laws (the first
 * the special case of the second): 2|R| is χ²₁ under the smaller law, p = erfc(√|R|); the
 * parameter sits on the boundary of its range (λ = 0), so this p is conservative (the exact
 * mixture ½χ²₀ + ½χ²₁ halves it).
 */
public record LikelihoodRatio(double logRatio, double normalised, double pValue, boolean nested) {
    /** Differences this small relative to the log-likelihoods are rounding: the laws coincide. */
    private static final double SAME = 1e-10;

    public static LikelihoodRatio vuong(double[] first, double[] second) {
        double r = 0, scale = 0;
        int n = first.length;
        for (int i = 0; i < n; i++) {
            r += first[i] - second[i];
            scale += Math.abs(first[i]);
        }
        double mean = r / n, var = 0;
        for (int i = 0; i < n; i++) {
            double d = first[i] - second[i] - mean;
            var += d * d / n;
        }
        double sd = Math.sqrt(var);
        if (!(sd > SAME * (1 + scale / n))) return new LikelihoodRatio(r, 0.0, 1.0, false);
        double normalised = r / (sd * Math.sqrt(n));
        return new LikelihoodRatio(r, normalised, Erf.erfc(Math.abs(normalised) / Math.sqrt(2)), false);
    }

    public static LikelihoodRatio nested(double[] smaller, double[] larger) {
        LikelihoodRatio v = vuong(smaller, larger);
        double r = Math.min(0.0, v.logRatio);
        return new LikelihoodRatio(r, v.normalised, Erf.erfc(Math.sqrt(-r)), true);
    }

    /** Whether the test prefers one law at the level: {@code > 0} the first, {@code < 0} the second, 0 neither. */
    public int favours(double level) {
        if (!(pValue < level)) return 0;
        return logRatio > 0 ? 1 : -1;
    }
}
