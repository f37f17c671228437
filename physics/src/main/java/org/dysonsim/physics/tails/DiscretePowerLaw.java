package org.dysonsim.physics.tails;

import java.util.Arrays;

/**
 * The discrete power law {@code p(x) = x^{−α}/ζ(α, x_min)}, x = x_min, x_min + 1, ... (Clauset,
 * Shalizi, Newman, SIAM Review 51 (2009) eq. 2.7): α by maximising the Hurwitz-zeta likelihood
 * {@code −n ln ζ(α, x_min) − α Σ ln x_i} numerically (golden section; the log-likelihood is concave
 * in α), its SE from the Fisher information {@code n·d²ln ζ/dα²}, and x_min by the smallest KS
 * distance over every distinct value, the KS supremum taken over all integers (docs/physics.md §8).
 * Cost: one ζ evaluation per distinct tail value per candidate, O(d²) for d distinct values.
 */
final class DiscretePowerLaw {
    static final double ALPHA_LOW = 1.0 + 1e-6, ALPHA_HIGH = 30.0;

    private DiscretePowerLaw() {}

    /** {@code x} sorted ascending, integers; x_min searched over its distinct values ≥ 1. */
    static PowerLawFit fit(double[] x) {
        int n = x.length;
        double[] logSuffix = new double[n + 1];
        for (int i = n - 1; i >= 0; i--) logSuffix[i] = logSuffix[i + 1] + (x[i] > 0 ? Math.log(x[i]) : 0.0);
        PowerLawFit best = null;
        for (int start = 0; start <= n - PowerLawFit.MIN_TAIL; start++) {
            if (x[start] < 1 || (start > 0 && x[start] == x[start - 1])) continue;
            PowerLawFit candidate = atStart(x, logSuffix, start, x[start]);
            if (candidate != null && (best == null || candidate.ksDistance() < best.ksDistance())) best = candidate;
        }
        if (best == null) throw new IllegalArgumentException("fewer than " + PowerLawFit.MIN_TAIL + " values ≥ 1 with two distinct values");
        return best;
    }

    /** The fit with x_min given (integer ≥ 1, no search), to the sorted {@code x}. */
    static PowerLawFit fitAbove(double[] x, double xMin) {
        int start = 0;
        while (start < x.length && x[start] < xMin) start++;
        double[] logSuffix = new double[x.length + 1];
        for (int i = x.length - 1; i >= start; i--) logSuffix[i] = logSuffix[i + 1] + Math.log(x[i]);
        PowerLawFit fit = x.length - start < PowerLawFit.MIN_TAIL ? null : atStart(x, logSuffix, start, xMin);
        if (fit == null) throw new IllegalArgumentException("fewer than " + PowerLawFit.MIN_TAIL + " values, or one distinct value, at or above x_min");
        return fit;
    }

    /** The fit to the sorted values from {@code start} on (all ≥ x_min); null if they all equal x_min. */
    private static PowerLawFit atStart(double[] x, double[] logSuffix, int start, double xMin) {
        int m = x.length - start;
        if (x[x.length - 1] == xMin) return null;
        double sumLog = logSuffix[start];
        double alpha = maximise(xMin, m, sumLog);
        double zMin = HurwitzZeta.of(alpha, xMin), d = 0.0;
        for (int i = start; i < x.length; ) {
            double v = x[i];
            int j = i;
            while (j < x.length && x[j] == v) j++;
            double below = (double) (i - start) / m, upTo = (double) (j - start) / m;
            double zv = HurwitzZeta.of(alpha, v);
            // model CDF just below v and at v: 1 − ζ(α, v)/ζ(α, x_min) and 1 − ζ(α, v + 1)/ζ(α, x_min)
            double fBefore = 1.0 - zv / zMin, fAt = 1.0 - (zv - Math.pow(v, -alpha)) / zMin;
            d = Math.max(d, Math.max(Math.abs(below - fBefore), Math.abs(upTo - fAt)));
            i = j;
        }
        return new PowerLawFit(alpha, standardError(alpha, xMin, m), xMin, m, x.length, d, true);
    }

    static double logLikelihood(double alpha, double xMin, int m, double sumLog) {
        return -m * Math.log(HurwitzZeta.of(alpha, xMin)) - alpha * sumLog;
    }

    static double maximise(double xMin, int m, double sumLog) {
        return GoldenSection.maximise(a -> logLikelihood(a, xMin, m, sumLog), ALPHA_LOW, ALPHA_HIGH, 1e-10);
    }

    /** {@code 1/√(n·I(α))}, I the variance of ln X: the second derivative of ln ζ(α, x_min) by central differences. */
    static double standardError(double alpha, double xMin, int m) {
        double h = Math.min(1e-4, 0.5 * (alpha - 1.0));
        double info = (Math.log(HurwitzZeta.of(alpha + h, xMin)) - 2 * Math.log(HurwitzZeta.of(alpha, xMin))
                + Math.log(HurwitzZeta.of(alpha - h, xMin))) / (h * h);
        return 1.0 / Math.sqrt(m * info);
    }

    /** {@code P(X ≥ x)} for integer x ≥ x_min. */
    static double survival(double alpha, double xMin, double x) {
        return x <= xMin ? 1.0 : HurwitzZeta.of(alpha, x) / HurwitzZeta.of(alpha, xMin);
    }

    /** The largest x with {@code P(X ≥ x) ≥ u}: exact inversion, started from Clauset's continuous approximation. */
    static double draw(double alpha, double xMin, double u) {
        double guess = Math.floor((xMin - 0.5) * Math.pow(u, -1.0 / (alpha - 1.0)) + 0.5);
        if (!(guess < 1e15)) return guess;
        double x = Math.max(xMin, guess), zMin = HurwitzZeta.of(alpha, xMin);
        while (x > xMin && HurwitzZeta.of(alpha, x) / zMin < u) x -= 1.0;
        while (HurwitzZeta.of(alpha, x + 1.0) / zMin >= u) x += 1.0;
        return x;
    }

    static boolean allIntegers(double[] x) {
        return Arrays.stream(x).allMatch(v -> v == Math.rint(v) && Math.abs(v) < 1e15);
    }
}
