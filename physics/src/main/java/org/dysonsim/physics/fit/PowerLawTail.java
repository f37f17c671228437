package org.dysonsim.physics.fit;

import java.util.Arrays;

/**
 * Power-law tail {@code p(x) ∝ x^{−α}, x ≥ x_min} by maximum likelihood with x_min chosen by the
 * smallest Kolmogorov–Smirnov distance between the tail and the fitted law (Clauset, Shalizi,
 * Newman, SIAM Review 51 (2009) §3; docs/physics.md §5).
 *
 * <p>Variant implemented: continuous and untruncated, {@code P(X > x) = (x/x_min)^{1−α}}, with the
 * unbiased closed form {@code α̂ = 1 + (n − 1)/Σ ln(x_i/x_min)} (Clauset's eq. 3.1 has n; the
 * difference is O(1/n)) and SE {@code (α̂ − 1)/√n}. WeightWatcher passes {@code xmax = max λ} to
 * the {@code powerlaw} package, which switches to a truncated normaliser fitted numerically; its
 * α differs from this one when the tail is short.
 *
 * <p>The x_min search is exact and O(n·n_tail) in the worst case; a cheap lower bound of each
 * candidate's KS distance skips those that cannot beat the best so far, which leaves most searches
 * near O(n) KS evaluations on data with one clear knee (docs/physics.md §8).
 */
public record PowerLawTail(double alpha, double alphaSe, double xMin, int tailSize, double ksDistance) {
    /** Fewer tail points than this give no usable exponent. */
    public static final int MIN_TAIL = 10;

    public static PowerLawTail fit(double[] samples) {
        double[] x = samples.clone();
        Arrays.sort(x);
        int n = x.length;
        if (n < MIN_TAIL) throw new IllegalArgumentException("need at least " + MIN_TAIL + " values, got " + n);
        if (!(x[0] > 0.0)) throw new IllegalArgumentException("power-law data must be positive");
        double[] logs = new double[n], logSuffix = new double[n + 1];
        for (int i = n - 1; i >= 0; i--) logSuffix[i] = logSuffix[i + 1] + (logs[i] = Math.log(x[i]));
        // an upper bound on the smallest D from a coarse grid of candidates, then the exact search
        double ceiling = Double.POSITIVE_INFINITY;
        for (int g = 0; g <= n - MIN_TAIL; g += Math.max(1, n / GRID)) {
            int start = g;
            while (start > 0 && x[start] == x[start - 1]) start--; // a candidate starts at the first of equal values
            PowerLawTail probe = atStart(logs, logSuffix, start, x[start]);
            if (probe != null) ceiling = Math.min(ceiling, probe.ksDistance);
        }
        PowerLawTail best = null;
        for (int start = 0; start <= n - MIN_TAIL; start++) {
            if (start > 0 && x[start] == x[start - 1]) continue;
            // exact pruning: the KS terms at some points bound D from below; a candidate whose bound
            // exceeds the ceiling, or reaches the best D so far, cannot win (ties go to the smaller x_min)
            double bound = lowerBound(logs, logSuffix, start, x[start]);
            if (bound > ceiling || (best != null && bound >= best.ksDistance)) continue;
            PowerLawTail candidate = atStart(logs, logSuffix, start, x[start]);
            if (candidate != null && (best == null || candidate.ksDistance < best.ksDistance)) best = candidate;
        }
        if (best == null) throw new IllegalArgumentException("no candidate x_min leaves a non-degenerate tail");
        return best;
    }

    /** The fit with x_min given (no search). */
    public static PowerLawTail fitAbove(double[] samples, double xMin) {
        double[] x = Arrays.stream(samples).filter(v -> v >= xMin).sorted().toArray();
        if (x.length < MIN_TAIL) throw new IllegalArgumentException("fewer than " + MIN_TAIL + " values above x_min");
        double[] logs = new double[x.length], logSuffix = new double[x.length + 1];
        for (int i = x.length - 1; i >= 0; i--) logSuffix[i] = logSuffix[i + 1] + (logs[i] = Math.log(x[i]));
        PowerLawTail fit = atStart(logs, logSuffix, 0, xMin);
        if (fit == null) throw new IllegalArgumentException("degenerate tail");
        return fit;
    }

    /** The fit to the sorted values from {@code start} on, given their logarithms. */
    private static PowerLawTail atStart(double[] logs, double[] logSuffix, int start, double xMin) {
        int m = logs.length - start;
        double sumLog = logSuffix[start] - m * Math.log(xMin);
        if (!(sumLog > 0.0)) return null;
        double alpha = 1.0 + (m - 1) / sumLog;
        double d = 0.0, logMin = Math.log(xMin);
        for (int i = 0; i < m; i++) d = Math.max(d, ksTerm(logs, start, i, m, alpha, logMin));
        return new PowerLawTail(alpha, (alpha - 1.0) / Math.sqrt(m), xMin, m, d);
    }

    /** Tail points whose KS terms make the lower bound of a candidate's distance (the first ones, where a misfit shows first, then evenly spread). */
    private static final int FIRST_POINTS = 16, BOUND_POINTS = 48;
    /** Candidates fitted in full before the search, to start it with a ceiling on the smallest D. */
    private static final int GRID = 64;

    /** The largest KS term at the first and at evenly spread tail points: at most the candidate's D. */
    private static double lowerBound(double[] logs, double[] logSuffix, int start, double xMin) {
        int m = logs.length - start;
        double sumLog = logSuffix[start] - m * Math.log(xMin);
        if (!(sumLog > 0.0)) return Double.POSITIVE_INFINITY; // no fit at this candidate
        double alpha = 1.0 + (m - 1) / sumLog, logMin = Math.log(xMin), d = 0.0;
        for (int i = 0; i < Math.min(m, FIRST_POINTS); i++) d = Math.max(d, ksTerm(logs, start, i, m, alpha, logMin));
        int step = Math.max(1, m / BOUND_POINTS);
        for (int i = FIRST_POINTS; i < m; i += step) d = Math.max(d, ksTerm(logs, start, i, m, alpha, logMin));
        return d;
    }

    /** The KS term of tail point i: the larger gap of the fitted CDF to the empirical steps i/m and (i + 1)/m. */
    private static double ksTerm(double[] logs, int start, int i, int m, double alpha, double logMin) {
        double f = -Math.expm1((1.0 - alpha) * (logs[start + i] - logMin));
        return Math.max(Math.abs(f - (double) i / m), Math.abs((double) (i + 1) / m - f));
    }

    /** {@code P(X ≤ x | X ≥ x_min)} of the fitted tail. */
    public double tailCdf(double x) {
        return x <= xMin ? 0.0 : 1.0 - Math.pow(x / xMin, 1.0 - alpha);
    }
}
