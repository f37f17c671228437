package org.dysonsim.physics.fit;

import org.dysonsim.physics.laws.GammaLaw;
import org.hipparchus.special.Gamma;

/**
 * Maximum-likelihood gamma fit: the shape solves {@code ln k − ψ(k) = ln x̄ − mean(ln x)} (Newton
 * from Minka's 2002 starting value), scale {@code x̄/k}; standard errors from the inverse Fisher
 * information {@code n[[ψ'(k), 1/θ], [1/θ, k/θ²]]}. For the stationary law of squared singular
 * values (Olsen et al. Thm 3.2: shape α₀/(4ηD), scale 4ηD/β₁).
 */
public record GammaFit(double shape, double scale, double shapeSe, double scaleSe, int n) {

    public static GammaFit of(double[] x) {
        int n = x.length;
        if (n < 2) throw new IllegalArgumentException("need at least two values");
        double mean = 0, meanLog = 0;
        for (double v : x) {
            if (!(v > 0.0)) throw new IllegalArgumentException("gamma data must be positive, got " + v);
            mean += v;
            meanLog += Math.log(v);
        }
        mean /= n;
        meanLog /= n;
        double s = Math.log(mean) - meanLog;
        if (!(s > 0.0)) throw new IllegalArgumentException("all values equal: the shape is unbounded");
        double k = (3.0 - s + Math.sqrt((s - 3.0) * (s - 3.0) + 24.0 * s)) / (12.0 * s);
        for (int iter = 0; iter < 100; iter++) {
            double f = Math.log(k) - Gamma.digamma(k) - s, df = 1.0 / k - Gamma.trigamma(k);
            double next = k - f / df;
            if (next <= 0.0) next = 0.5 * k;
            boolean done = Math.abs(next - k) <= 1e-14 * k;
            k = next;
            if (done) break;
        }
        double theta = mean / k, tri = Gamma.trigamma(k), det = k * tri - 1.0;
        return new GammaFit(k, theta, Math.sqrt(k / (n * det)), Math.sqrt(tri * theta * theta / (n * det)), n);
    }

    public GammaLaw law() {
        return new GammaLaw(shape, scale);
    }
}
