package org.dysonsim.physics.tails;

/**
 * Maximum-likelihood fits of the alternatives on a continuous tail x ≥ x_min (each law
 * conditioned on x ≥ x_min; t = x/x_min keeps them scale-free; docs/physics.md §8):
 * <ul>
 * <li>exponential {@code λe^{−λ(x−x_min)}}, closed form λ = 1/mean(x − x_min); parameters (λ);</li>
 * <li>lognormal {@code φ((ln x − μ)/σ)/(xσ Q((ln x_min − μ)/σ))}; parameters (μ, σ);</li>
 * <li>stretched exponential {@code βλx^{β−1}e^{−λ(x^β − x_min^β)}}, λ profiled out in closed form,
 *     β by golden section on ln β; parameters (β, λ);</li>
 * <li>truncated power law {@code x^{−α}e^{−λx}/(x_min^{1−α}E_α(λx_min))}; parameters (α, λ).</li>
 * </ul>
 */
final class ContinuousAlternatives {
    private ContinuousAlternatives() {}

    static FittedModel fit(Alternative law, double[] tail, double xMin, PowerLawFit powerLaw) {
        double[] logT = new double[tail.length];
        for (int i = 0; i < tail.length; i++) logT[i] = Math.log(tail[i] / xMin);
        return switch (law) {
            case EXPONENTIAL -> exponential(tail, xMin);
            case LOGNORMAL -> lognormal(logT, xMin);
            case STRETCHED_EXPONENTIAL -> stretched(logT, xMin);
            case TRUNCATED_POWER_LAW -> truncated(logT, xMin, powerLaw);
        };
    }

    private static FittedModel exponential(double[] x, double xMin) {
        double mean = 0;
        for (double v : x) mean += (v - xMin) / x.length;
        double lambda = 1.0 / mean;
        double[] l = new double[x.length];
        for (int i = 0; i < x.length; i++) l[i] = Math.log(lambda) - lambda * (x[i] - xMin);
        return new FittedModel(Alternative.EXPONENTIAL, new double[] {lambda}, l);
    }

    /** Parameters searched: (μ', ln σ) with μ' = μ − ln x_min. */
    private static FittedModel lognormal(double[] logT, double xMin) {
        double m = 0, s = 0;
        for (double v : logT) m += v / logT.length;
        for (double v : logT) s += (v - m) * (v - m) / logT.length;
        double[] p = FittedModel.maximise(q -> sum(lognormalPoints(logT, xMin, q)),
                new double[][] {{m, 0.5 * Math.log(s)}, {0.0, 0.5 * Math.log(s) + 1}, {-2 * Math.sqrt(s), 0.5 * Math.log(s) + 0.5}});
        return new FittedModel(Alternative.LOGNORMAL, new double[] {p[0] + Math.log(xMin), Math.exp(p[1])}, lognormalPoints(logT, xMin, p));
    }

    private static double[] lognormalPoints(double[] logT, double xMin, double[] p) {
        double mu = p[0], sigma = Math.exp(p[1]);
        double norm = NormalTail.logUpper(-mu / sigma);
        double[] l = new double[logT.length];
        for (int i = 0; i < logT.length; i++) {
            l[i] = NormalTail.logDensity((logT[i] - mu) / sigma) - logT[i] - Math.log(xMin) - Math.log(sigma) - norm;
        }
        return l;
    }

    private static FittedModel stretched(double[] logT, double xMin) {
        java.util.function.DoubleUnaryOperator profile = lb -> sum(stretchedPoints(logT, xMin, Math.exp(lb)));
        double a = Math.log(0.01), c = Math.log(20.0), best = a, bestV = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= 60; k++) {
            double lb = a + (c - a) * k / 60;
            double v = profile.applyAsDouble(lb);
            if (v > bestV) {
                bestV = v;
                best = lb;
            }
        }
        double beta = Math.exp(GoldenSection.maximise(profile, best - (c - a) / 60, best + (c - a) / 60, 1e-10));
        double lambdaScaled = stretchedRate(logT, beta);
        return new FittedModel(Alternative.STRETCHED_EXPONENTIAL, new double[] {beta, lambdaScaled * Math.pow(xMin, -beta)},
                stretchedPoints(logT, xMin, beta));
    }

    /** The profiled rate in units of x_min: {@code n/Σ(t^β − 1)}. */
    private static double stretchedRate(double[] logT, double beta) {
        double s = 0;
        for (double v : logT) s += Math.expm1(beta * v);
        return logT.length / s;
    }

    private static double[] stretchedPoints(double[] logT, double xMin, double beta) {
        double lambda = stretchedRate(logT, beta);
        double[] l = new double[logT.length];
        for (int i = 0; i < logT.length; i++) {
            l[i] = Math.log(beta * lambda / xMin) + (beta - 1) * logT[i] - lambda * Math.expm1(beta * logT[i]);
        }
        return l;
    }

    /** Parameters searched: (α, ln μ), μ = λx_min; the power law itself (μ → 0) is kept if no μ &gt; 0 beats it. */
    private static FittedModel truncated(double[] logT, double xMin, PowerLawFit powerLaw) {
        double meanExcess = 0;
        for (double v : logT) meanExcess += Math.expm1(v) / logT.length;
        double[] p = FittedModel.maximise(q -> sum(truncatedPoints(logT, xMin, q[0], Math.exp(q[1]))), new double[][] {
            {powerLaw.alpha(), Math.log(0.01 / (1 + meanExcess))}, {powerLaw.alpha() * 0.5, Math.log(1.0 / (1 + meanExcess))},
            {0.0, Math.log(1.0 / meanExcess)}});
        double[] points = truncatedPoints(logT, xMin, p[0], Math.exp(p[1]));
        double[] pure = truncatedPoints(logT, xMin, powerLaw.alpha(), 0.0);
        if (!(sum(points) > sum(pure))) return new FittedModel(Alternative.TRUNCATED_POWER_LAW, new double[] {powerLaw.alpha(), 0.0}, pure);
        return new FittedModel(Alternative.TRUNCATED_POWER_LAW, new double[] {p[0], Math.exp(p[1]) / xMin}, points);
    }

    private static double[] truncatedPoints(double[] logT, double xMin, double alpha, double mu) {
        double norm = Math.log(xMin) + ExponentialIntegral.log(alpha, mu);
        double[] l = new double[logT.length];
        for (int i = 0; i < logT.length; i++) l[i] = -alpha * logT[i] - mu * Math.exp(logT[i]) - norm;
        return l;
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }
}
