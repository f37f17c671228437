package org.dysonsim.physics.tails;

/**
 * Maximum-likelihood fits of the alternatives on an integer tail k ≥ x_min (docs/physics.md §8).
 * The exponential is the geometric law {@code (1 − e^{−λ})e^{−λ(k−x_min)}} (closed form); the
 * lognormal and the stretched exponential are their continuous laws binned on [k − ½, k + ½) and
 * conditioned on {@code k ≥ x_min} (at β = 1 the binned stretched exponential is the geometric
 * law); the truncated power law is {@code k^{−α}e^{−λk}/Σ_{j≥x_min} j^{−α}e^{−λj}}, which is the
 * zeta law at λ = 0 and the geometric law at α = 0. Parameters as in {@link ContinuousAlternatives}.
 */
final class DiscreteAlternatives {
    /** Terms summed directly before the Euler–Maclaurin remainder of the truncated normaliser. */
    private static final int DIRECT_TERMS = 1000;

    private DiscreteAlternatives() {}

    /**
     * @param tail the tail values, ascending; the likelihoods are evaluated once per distinct value
     *             (weighted by its count) and spread back to the points at the end
     */
    static FittedModel fit(Alternative law, double[] tail, double xMin, PowerLawFit powerLaw) {
        int distinct = 0;
        for (int i = 0; i < tail.length; i++) if (i == 0 || tail[i] != tail[i - 1]) distinct++;
        double[] k = new double[distinct], w = new double[distinct];
        int[] group = new int[tail.length];
        for (int i = 0, g = -1; i < tail.length; i++) {
            if (i == 0 || tail[i] != tail[i - 1]) k[++g] = tail[i];
            w[g]++;
            group[i] = g;
        }
        FittedModel grouped = switch (law) {
            case EXPONENTIAL -> geometric(k, w, xMin);
            case LOGNORMAL -> lognormal(k, w, xMin);
            case STRETCHED_EXPONENTIAL -> stretched(k, w, xMin);
            case TRUNCATED_POWER_LAW -> truncated(k, w, xMin, powerLaw);
        };
        double[] points = new double[tail.length];
        for (int i = 0; i < tail.length; i++) points[i] = grouped.pointLogLikelihoods()[group[i]];
        return new FittedModel(law, grouped.parameters(), points);
    }

    private static double weighted(double[] l, double[] w) {
        double s = 0;
        for (int i = 0; i < l.length; i++) s += w[i] * l[i];
        return s;
    }

    private static double mean(double[] k, double[] w, java.util.function.DoubleUnaryOperator f) {
        double s = 0, n = 0;
        for (int i = 0; i < k.length; i++) {
            s += w[i] * f.applyAsDouble(k[i]);
            n += w[i];
        }
        return s / n;
    }

    private static FittedModel geometric(double[] k, double[] w, double xMin) {
        double mean = mean(k, w, v -> v - xMin);
        double lambda = Math.log1p(1.0 / mean);
        double[] l = new double[k.length];
        for (int i = 0; i < k.length; i++) l[i] = Math.log(-Math.expm1(-lambda)) - lambda * (k[i] - xMin);
        return new FittedModel(Alternative.EXPONENTIAL, new double[] {lambda}, l);
    }

    private static FittedModel lognormal(double[] k, double[] w, double xMin) {
        double m = mean(k, w, Math::log), s = mean(k, w, v -> (Math.log(v) - m) * (Math.log(v) - m));
        double spread = 0.5 * Math.log(Math.max(s, 1e-4));
        double[] p = FittedModel.maximise(q -> weighted(lognormalPoints(k, xMin, q), w),
                new double[][] {{m, spread}, {Math.log(xMin), spread + 1}, {Math.log(xMin) - 2 * Math.sqrt(s), spread + 0.5}});
        return new FittedModel(Alternative.LOGNORMAL, new double[] {p[0], Math.exp(p[1])}, lognormalPoints(k, xMin, p));
    }

    private static double[] lognormalPoints(double[] k, double xMin, double[] p) {
        double mu = p[0], sigma = Math.exp(p[1]);
        double norm = NormalTail.logUpper((Math.log(xMin - 0.5) - mu) / sigma);
        double[] l = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            l[i] = NormalTail.logBetween((Math.log(k[i] - 0.5) - mu) / sigma, (Math.log(k[i] + 0.5) - mu) / sigma) - norm;
        }
        return l;
    }

    /** Searched as (ln β, ln λ'), λ' = λ(x_min − ½)^β. */
    private static FittedModel stretched(double[] k, double[] w, double xMin) {
        double scale = xMin - 0.5, mean = mean(k, w, v -> v - xMin);
        double[] p = FittedModel.maximise(q -> weighted(stretchedPoints(k, scale, q), w),
                new double[][] {{0.0, Math.log(scale / (mean + 0.5))}, {Math.log(0.5), Math.log(0.5)}, {Math.log(0.2), 0.0}});
        double beta = Math.exp(p[0]);
        return new FittedModel(Alternative.STRETCHED_EXPONENTIAL, new double[] {beta, Math.exp(p[1]) * Math.pow(scale, -beta)},
                stretchedPoints(k, scale, p));
    }

    private static double[] stretchedPoints(double[] k, double scale, double[] p) {
        double beta = Math.exp(p[0]), lambda = Math.exp(p[1]);
        double[] l = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            double lo = Math.pow((k[i] - 0.5) / scale, beta), hi = Math.pow((k[i] + 0.5) / scale, beta);
            l[i] = -lambda * (lo - 1.0) + Math.log(-Math.expm1(-lambda * (hi - lo)));
        }
        return l;
    }

    /** Searched as (α, ln λ); the zeta law itself (λ → 0) is kept if no λ &gt; 0 beats it. */
    private static FittedModel truncated(double[] k, double[] w, double xMin, PowerLawFit powerLaw) {
        double mean = mean(k, w, v -> v);
        double[] p = FittedModel.maximise(q -> weighted(truncatedPoints(k, xMin, q[0], Math.exp(q[1])), w),
                new double[][] {{powerLaw.alpha(), Math.log(0.01 / mean)}, {0.5 * powerLaw.alpha(), Math.log(1.0 / mean)},
                    {0.0, Math.log(1.0 / (mean - xMin + 1))}});
        double[] points = truncatedPoints(k, xMin, p[0], Math.exp(p[1]));
        double[] pure = truncatedPoints(k, xMin, powerLaw.alpha(), 0.0);
        if (!(weighted(points, w) > weighted(pure, w))) {
            return new FittedModel(Alternative.TRUNCATED_POWER_LAW, new double[] {powerLaw.alpha(), 0.0}, pure);
        }
        return new FittedModel(Alternative.TRUNCATED_POWER_LAW, new double[] {p[0], Math.exp(p[1])}, points);
    }

    private static double[] truncatedPoints(double[] k, double xMin, double alpha, double lambda) {
        double norm = logNormaliser(alpha, lambda, xMin);
        double[] l = new double[k.length];
        for (int i = 0; i < k.length; i++) l[i] = -alpha * Math.log(k[i]) - lambda * k[i] - norm;
        return l;
    }

    /**
     * {@code ln Σ_{j≥x_min} j^{−α}e^{−λj}}: the zeta function at λ = 0; otherwise terms summed directly
     * (scaled by the first) up to a = x_min + 1000, then {@code ∫_a^∞ f + f(a)/2 − f'(a)/12 + f'''(a)/720}
     * (Euler–Maclaurin), skipped once λa &gt; 40 + λx_min makes the remainder negligible.
     */
    static double logNormaliser(double alpha, double lambda, double xMin) {
        if (lambda == 0.0) return alpha > 1.0 ? Math.log(HurwitzZeta.of(alpha, xMin)) : Double.POSITIVE_INFINITY;
        double logFirst = -alpha * Math.log(xMin) - lambda * xMin, sum = 0;
        for (int j = 0; j < DIRECT_TERMS; j++) {
            double x = xMin + j;
            double term = Math.exp(-alpha * Math.log(x) - lambda * x - logFirst);
            sum += term;
            if (term < 1e-17 * sum) return logFirst + Math.log(sum);
        }
        double a = xMin + DIRECT_TERMS;
        double fa = Math.exp(-alpha * Math.log(a) - lambda * a - logFirst);
        double g1 = -alpha / a - lambda, g2 = alpha / (a * a), g3 = -2 * alpha / (a * a * a);
        double integral = Math.exp((1 - alpha) * Math.log(a) + ExponentialIntegral.log(alpha, lambda * a) - logFirst);
        sum += integral + 0.5 * fa - fa * g1 / 12 + fa * (g1 * g1 * g1 + 3 * g1 * g2 + g3) / 720;
        return logFirst + Math.log(sum);
    }
}
