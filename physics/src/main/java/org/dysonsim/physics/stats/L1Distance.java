package org.dysonsim.physics.stats;

import org.dysonsim.physics.laws.SpectralLaw;

/**
 * L1 distance between a histogram and a law, on bin probabilities (CDF differences, never the
 * density at bin centres, docs/physics.md §7), the mass below and above the range counted as two
 * more bins: {@code Σ_b |n_b/n − (F(e_{b+1}) − F(e_b))|}, between 0 and 2.
 */
public final class L1Distance {
    private L1Distance() {}

    public static double between(Histogram h, SpectralLaw law) {
        double n = h.total();
        double sum = Math.abs(h.underflow() / n - law.cdf(h.lo()));
        double prev = law.cdf(h.lo());
        for (int b = 0; b < h.bins(); b++) {
            double next = law.cdf(h.edge(b + 1));
            sum += Math.abs(h.count(b) / n - (next - prev));
            prev = next;
        }
        return sum + Math.abs(h.overflow() / n - (1.0 - prev));
    }
}
