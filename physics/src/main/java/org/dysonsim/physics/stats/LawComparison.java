package org.dysonsim.physics.stats;

import java.util.Arrays;
import org.dysonsim.physics.laws.SpectralLaw;

/**
 * One sample held against one law, as a report needs it at each recorded time (docs/physics.md §7):
 * the one-sample KS statistic with its p-value, the L1 distance on bin probabilities, and the
 * histogram (with Poisson errors) to overlay on the density. The samples must be independent
 * (one value per ensemble member, or thinned); pooled eigenvalues are rigid and make KS conservative.
 */
public record LawComparison(KolmogorovSmirnov.Result ks, double l1, Histogram histogram) {

    /**
     * Histogram on the law's support clipped to the sample range (so unbounded laws get a finite
     * window), {@code bins} equal bins.
     */
    public static LawComparison of(double[] samples, SpectralLaw law, int bins) {
        if (samples.length == 0) throw new IllegalArgumentException("no samples to compare");
        double min = Arrays.stream(samples).min().orElseThrow(), max = Arrays.stream(samples).max().orElseThrow();
        double lo = Math.max(law.lower(), min), hi = Math.min(law.upper(), max);
        if (!(hi > lo)) {
            lo = min;
            hi = max > min ? max : min + 1.0;
        }
        hi = Math.nextUp(hi);   // the largest sample falls inside the last bin
        Histogram h = Histogram.of(samples, lo, hi, bins);
        return new LawComparison(KolmogorovSmirnov.oneSample(samples, law::cdf), L1Distance.between(h, law), h);
    }

    /** True when {@code √n·D} stays below the given critical value (docs/physics.md §7 table). */
    public boolean acceptedAt(double criticalScaled) {
        return ks.scaled() < criticalScaled;
    }
}
