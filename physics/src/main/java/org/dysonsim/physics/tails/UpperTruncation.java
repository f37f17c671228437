package org.dysonsim.physics.tails;

import java.util.function.DoubleUnaryOperator;

/**
 * Whether the top of a tail looks clipped, and the exponent that allows for it (docs/physics.md §8).
 * An untruncated fit is biased upward when values beyond some x_max were never recorded. The
 * check: under the fitted untruncated law the largest of n_tail values exceeds x_max with
 * probability {@code 1 − (1 − P(X &gt; x_max))^{n_tail}}; {@code pMax} is its complement, the
 * probability that it stays as low as observed, and {@code clipped} is {@code pMax < }
 * {@link #LEVEL}. The upper-truncated MLE on [x_min, x_max] (x_max the largest value) maximises
 * {@code n ln((α − 1)/(x_min^{1−α} − x_max^{1−α})) − αΣ ln x} (discrete: normaliser
 * {@code ζ(α, x_min) − ζ(α, x_max + 1)}); its SE from the curvature of the log-likelihood.
 */
public record UpperTruncation(double xMax, double pMax, boolean clipped, double alpha, double alphaSe) {
    public static final double LEVEL = 0.01;
    private static final double LOW = 1.0 + 1e-6, HIGH = 30.0;

    public static UpperTruncation of(double[] tail, PowerLawFit fit) {
        double xMax = tail[tail.length - 1], xMin = fit.xMin();
        double beyond = fit.discrete() ? fit.survival(xMax + 1) : fit.survival(xMax);
        double pMax = Math.exp(tail.length * Math.log1p(-beyond));
        double sumLog = 0;
        for (double v : tail) sumLog += Math.log(v / xMin);
        final double s = sumLog;
        DoubleUnaryOperator ll = a -> logLikelihood(a, tail.length, s, xMin, xMax, fit.discrete());
        double alpha = GoldenSection.maximise(ll, LOW, HIGH, 1e-9), h = Math.min(1e-4, 0.5 * (alpha - 1.0));
        double curvature = -(ll.applyAsDouble(alpha + h) - 2 * ll.applyAsDouble(alpha) + ll.applyAsDouble(alpha - h)) / (h * h);
        return new UpperTruncation(xMax, pMax, pMax < LEVEL, alpha, 1.0 / Math.sqrt(curvature));
    }

    /** Log-likelihood in units of x_min (t = x/x_min), up to a constant independent of α. */
    private static double logLikelihood(double alpha, int n, double sumLogT, double xMin, double xMax, boolean discrete) {
        if (discrete) {
            double norm = HurwitzZeta.of(alpha, xMin) - HurwitzZeta.of(alpha, xMax + 1);
            return -alpha * (sumLogT + n * Math.log(xMin)) - n * Math.log(norm);
        }
        double logR = Math.log(xMax / xMin);
        double mass = Math.abs(alpha - 1.0) < 1e-12 ? logR : -Math.expm1((1.0 - alpha) * logR) / (alpha - 1.0);
        return -alpha * sumLogT - n * Math.log(mass);
    }
}
