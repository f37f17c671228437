package org.dysonsim.physics.stats;

/**
 * Error of the mean of one correlated time series (docs/physics.md §7). The integrated
 * autocorrelation time {@code τ = ½ + Σ_{t=1}^{W} ρ(t)} uses Sokal's automatic window, the
 * smallest W with {@code W ≥ c·τ(W)} (Sokal, Monte Carlo methods in statistical mechanics,
 * 1996, §3); batches are ≥ 20τ long and there must be ≥ 20 of them for the estimate to count.
 */
public final class BatchMeans {
    /** Sokal's window constant (he recommends 4–10; 6 is conservative for near-exponential decays). */
    public static final double WINDOW_C = 6.0;
    public static final int MIN_BATCHES = 20;
    public static final double BATCH_TAUS = 20.0;

    private BatchMeans() {}

    /**
     * Mean, its standard error from batch means, τ, the batch length, the number of batches, and
     * whether the series was long enough ({@code batches ≥ 20}).
     */
    public record Estimate(double mean, double standardError, double tau, int batchLength, int batches, boolean sufficient) {}

    public static double integratedAutocorrelationTime(double[] x) {
        int n = x.length;
        double mean = 0.0;
        for (double v : x) mean += v;
        mean /= n;
        double c0 = 0.0;
        for (double v : x) c0 += (v - mean) * (v - mean);
        c0 /= n;
        if (c0 == 0.0) return 0.5;
        double tau = 0.5;
        for (int t = 1; t < n; t++) {
            double c = 0.0;
            for (int i = 0; i + t < n; i++) c += (x[i] - mean) * (x[i + t] - mean);
            tau += c / n / c0;
            if (t >= WINDOW_C * tau) break;
        }
        return tau;
    }

    public static Estimate of(double[] x) {
        double tau = integratedAutocorrelationTime(x);
        int length = Math.max(1, (int) Math.ceil(BATCH_TAUS * tau));
        int batches = x.length / length;
        double mean = 0.0;
        for (double v : x) mean += v;
        mean /= x.length;
        if (batches < 2) return new Estimate(mean, Double.NaN, tau, length, batches, false);
        double[] means = new double[batches];
        double grand = 0.0;
        for (int b = 0; b < batches; b++) {
            double s = 0.0;
            for (int i = b * length; i < (b + 1) * length; i++) s += x[i];
            means[b] = s / length;
            grand += means[b];
        }
        grand /= batches;
        double var = 0.0;
        for (double m : means) var += (m - grand) * (m - grand);
        var /= batches - 1;
        return new Estimate(mean, Math.sqrt(var / batches), tau, length, batches, batches >= MIN_BATCHES);
    }
}
