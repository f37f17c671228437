package org.dysonsim.physics.stats;

import java.util.Arrays;

/** Right-continuous empirical distribution function of a sample. */
public final class EmpiricalCdf {
    private final double[] sorted;

    public EmpiricalCdf(double[] samples) {
        if (samples.length == 0) throw new IllegalArgumentException("empty sample");
        sorted = samples.clone();
        Arrays.sort(sorted);
    }

    public int size() {
        return sorted.length;
    }

    /** Fraction of samples ≤ x. */
    public double at(double x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) lo = mid + 1;
            else hi = mid;
        }
        return (double) lo / sorted.length;
    }

    /** The sorted sample (a copy). */
    public double[] sorted() {
        return sorted.clone();
    }
}
