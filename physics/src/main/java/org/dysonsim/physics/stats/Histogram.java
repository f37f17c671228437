package org.dysonsim.physics.stats;

import java.util.Arrays;

/**
 * Equal-width histogram on [lo, hi) with underflow and overflow counts, densities normalised by
 * the total count (inside and outside), and Poisson error bars {@code √n_b/(n·w)} on the densities.
 */
public record Histogram(double lo, double hi, long[] counts, long underflow, long overflow) {
    public Histogram {
        if (!(hi > lo) || counts.length == 0) throw new IllegalArgumentException("need lo < hi and at least one bin");
        counts = counts.clone();
    }

    public static Histogram of(double[] samples, double lo, double hi, int bins) {
        long[] c = new long[bins];
        long under = 0, over = 0;
        double w = (hi - lo) / bins;
        for (double x : samples) {
            if (x < lo) under++;
            else if (x >= hi) over++;
            else c[Math.min(bins - 1, (int) ((x - lo) / w))]++;
        }
        return new Histogram(lo, hi, c, under, over);
    }

    public int bins() {
        return counts.length;
    }

    public double width() {
        return (hi - lo) / counts.length;
    }

    public double edge(int b) {
        return lo + b * width();
    }

    public double centre(int b) {
        return lo + (b + 0.5) * width();
    }

    public long total() {
        return Arrays.stream(counts).sum() + underflow + overflow;
    }

    public long count(int b) {
        return counts[b];
    }

    /** Fraction of all samples in bin b. */
    public double probability(int b) {
        return (double) counts[b] / total();
    }

    public double density(int b) {
        return probability(b) / width();
    }

    /** Poisson standard error of {@link #density(int)}. */
    public double densityError(int b) {
        return Math.sqrt(counts[b]) / (total() * width());
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && h.lo == lo && h.hi == hi && Arrays.equals(h.counts, counts)
                && h.underflow == underflow && h.overflow == overflow;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts) * 31 + Double.hashCode(lo) + 7 * Double.hashCode(hi);
    }

    @Override
    public String toString() {
        return "Histogram[" + lo + ", " + hi + ", bins=" + counts.length + ", total=" + total() + "]";
    }
}
