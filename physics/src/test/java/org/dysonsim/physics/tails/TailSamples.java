package org.dysonsim.physics.tails;

import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.physics.rng.CounterStream;

/** Seeded samples of known laws, shared by the tail tests. */
final class TailSamples {
    private TailSamples() {}

    /** Pareto: {@code P(X > x) = (x/xMin)^{1−α}}. */
    static double[] powerLaw(int n, double alpha, double xMin, long seed) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = xMin * Math.pow(CounterRng.uniform(seed, 0, i, 0, 0), -1.0 / (alpha - 1.0));
        return x;
    }

    static double[] lognormal(int n, double mu, double sigma, long seed) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.exp(mu + sigma * CounterRng.gaussian(seed, 1, i, 0, 0));
        return x;
    }

    static double[] exponential(int n, double lambda, double shift, long seed) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = shift - Math.log(CounterRng.uniform(seed, 2, i, 0, 0)) / lambda;
        return x;
    }

    /** {@code ∝ x^{−α}e^{−λx}} above xMin, by rejection from the Pareto law. */
    static double[] truncatedPowerLaw(int n, double alpha, double lambda, double xMin, long seed) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            CounterStream r = new CounterStream(seed, 3, i, 0, 0);
            while (true) {
                double v = xMin * Math.pow(r.uniform(), -1.0 / (alpha - 1.0));
                if (r.uniform() < Math.exp(-lambda * (v - xMin))) {
                    x[i] = v;
                    break;
                }
            }
        }
        return x;
    }

    /** The discrete power law on x ≥ xMin by exact inversion. */
    static double[] discretePowerLaw(int n, double alpha, double xMin, long seed) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = DiscretePowerLaw.draw(alpha, xMin, CounterRng.uniform(seed, 4, i, 0, 0));
        return x;
    }
}
