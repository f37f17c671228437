package org.dysonsim.physics.tails;

import java.util.Arrays;
import org.dysonsim.physics.fit.PowerLawTail;

/**
 * A power-law tail fitted as Clauset, Shalizi and Newman define it (docs/physics.md §8): α by
 * maximum likelihood above x_min, x_min by the smallest KS distance over every candidate.
 * Continuous data use {@link PowerLawTail} (closed-form α, SE {@code (α − 1)/√n_tail}; every
 * distinct positive value a candidate, an exact pruned search of O(n·n_tail) at worst); integer data with {@code discrete}
 * use {@link DiscretePowerLaw} (Hurwitz-zeta likelihood). Values ≤ 0 are kept as body.
 *
 * @param size all values, body and tail ({@code n})
 */
public record PowerLawFit(double alpha, double alphaSe, double xMin, int tailSize, int size, double ksDistance,
                          boolean discrete) {
    /** Fewer tail points than this give no usable exponent. */
    public static final int MIN_TAIL = PowerLawTail.MIN_TAIL;

    public static PowerLawFit fit(double[] data, boolean discrete) {
        double[] x = data.clone();
        Arrays.sort(x);
        if (discrete) {
            if (!DiscretePowerLaw.allIntegers(x)) throw new IllegalArgumentException("discrete data must be integers");
            return DiscretePowerLaw.fit(x);
        }
        double[] positive = Arrays.stream(x).filter(v -> v > 0).toArray();
        if (positive.length < MIN_TAIL) throw new IllegalArgumentException("need at least " + MIN_TAIL + " positive values, got " + positive.length);
        PowerLawTail t = PowerLawTail.fit(positive);
        return new PowerLawFit(t.alpha(), t.alphaSe(), t.xMin(), t.tailSize(), x.length, t.ksDistance(), false);
    }

    /** The fit with x_min given (no search); discrete x_min must be an integer ≥ 1. */
    public static PowerLawFit fitAbove(double[] data, double xMin, boolean discrete) {
        double[] x = data.clone();
        Arrays.sort(x);
        if (discrete) {
            if (!DiscretePowerLaw.allIntegers(x)) throw new IllegalArgumentException("discrete data must be integers");
            if (!(xMin >= 1) || xMin != Math.rint(xMin)) throw new IllegalArgumentException("discrete x_min must be an integer ≥ 1, got " + xMin);
            return DiscretePowerLaw.fitAbove(x, xMin);
        }
        if (!(xMin > 0)) throw new IllegalArgumentException("x_min must be positive, got " + xMin);
        PowerLawTail t = PowerLawTail.fitAbove(x, xMin);
        return new PowerLawFit(t.alpha(), t.alphaSe(), t.xMin(), t.tailSize(), x.length, t.ksDistance(), false);
    }

    /** The values at or above x_min, ascending. */
    public double[] tail(double[] data) {
        return Arrays.stream(data).filter(v -> v >= xMin).sorted().toArray();
    }

    /** Log density (continuous) or log probability (discrete) of a tail value. */
    public double logDensity(double x) {
        if (discrete) return -alpha * Math.log(x) - Math.log(HurwitzZeta.of(alpha, xMin));
        return Math.log((alpha - 1.0) / xMin) - alpha * Math.log(x / xMin);
    }

    /** {@code P(X ≥ x | X ≥ x_min)}. */
    public double survival(double x) {
        if (discrete) return DiscretePowerLaw.survival(alpha, xMin, x);
        return x <= xMin ? 1.0 : Math.pow(x / xMin, 1.0 - alpha);
    }

    /** The tail value whose survival is {@code u} ∈ (0, 1) (inversion: a uniform u gives a draw from the fit). */
    public double draw(double u) {
        if (discrete) return DiscretePowerLaw.draw(alpha, xMin, u);
        return xMin * Math.pow(u, -1.0 / (alpha - 1.0));
    }
}
