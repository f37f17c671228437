package org.dysonsim.physics.fit;

import org.dysonsim.physics.laws.MarchenkoPastur;
import org.dysonsim.physics.stats.Histogram;

/**
 * Fit of the bulk of a spectrum (eigenvalues of {@code WᵀW/M}, ratio r = N/M known) by the
 * Marchenko–Pastur fit form {@code A·P(x; σ²)} of Aarts et al. (arXiv 2411.13512), minimising the
 * binned Poisson likelihood {@code Σ_b [μ_b − n_b ln μ_b]}, {@code μ_b = n·A·∫_bin P} (docs/physics.md
 * §5) over bins on a fit window [lo, hi] that covers the bulk. Bin integrals are CDF differences of
 * {@link MarchenkoPastur}, which integrates with the cos substitution. For fixed σ² the best area
 * is closed-form, {@code A = Σn_b/(nΣp_b)}, so only σ² is searched (log-grid scan, then golden
 * section). Standard errors come from the expected Fisher information
 * {@code Σ_b ∂μ_b∂μ_b/μ_b}; the deviance and its degrees of freedom measure goodness of fit.
 *
 * <p>The model has hard edges: a populated bin that the law gives no mass makes the likelihood
 * infinite, so σ² can never put the edge below an eigenvalue inside the window. End the window
 * at (or just inside) the bulk edge; what lies beyond belongs to the tail, counted in
 * {@code fractionBeyondEdge} and in {@code 1 − A}.
 */
public record MarchenkoPasturFit(double area, double sigma2, double areaSe, double sigma2Se, double bulkEdge,
                                 double fractionBeyondEdge, double deviance, int degreesOfFreedom) {
    private static final int SCAN = 240;

    public static MarchenkoPasturFit fit(double[] eigenvalues, double ratio, double lo, double hi, int bins) {
        Histogram h = Histogram.of(eigenvalues, lo, hi, bins);
        double n = eigenvalues.length;
        double inWindow = 0, first = 0;
        for (int b = 0; b < bins; b++) {
            inWindow += h.count(b);
            first += h.count(b) * h.centre(b);
        }
        if (inWindow == 0) throw new IllegalArgumentException("no eigenvalues in the fit window [" + lo + ", " + hi + "]");
        double start = first / inWindow;   // the bulk mean is σ² (docs/physics.md §5)
        double bestS = start, bestV = Double.POSITIVE_INFINITY;
        double sMin = start / 4, sMax = start * 4;
        for (int k = 0; k <= SCAN; k++) {
            double s = sMin * Math.pow(sMax / sMin, (double) k / SCAN);
            double v = profile(h, n, ratio, s);
            if (v < bestV) {
                bestV = v;
                bestS = s;
            }
        }
        double step = Math.pow(sMax / sMin, 1.0 / SCAN);
        double a = bestS / step, c = bestS * step, g = (Math.sqrt(5) - 1) / 2;
        for (int iter = 0; iter < 100 && c - a > 1e-13 * bestS; iter++) {
            double x1 = c - g * (c - a), x2 = a + g * (c - a);
            if (profile(h, n, ratio, x1) < profile(h, n, ratio, x2)) c = x2;
            else a = x1;
        }
        double sigma2 = 0.5 * (a + c);
        double[] p = binProbabilities(h, ratio, sigma2);
        double area = inWindow / (n * sum(p));
        // expected Fisher information in (A, σ²); ∂μ/∂σ² by central differences
        double ds = 1e-5 * sigma2;
        double[] pp = binProbabilities(h, ratio, sigma2 + ds), pm = binProbabilities(h, ratio, sigma2 - ds);
        double iaa = 0, ias = 0, iss = 0, deviance = 0;
        int used = 0;
        for (int b = 0; b < h.bins(); b++) {
            double mu = n * area * p[b];
            if (mu <= 0) continue;
            used++;
            double dA = n * p[b], dS = n * area * (pp[b] - pm[b]) / (2 * ds);
            iaa += dA * dA / mu;
            ias += dA * dS / mu;
            iss += dS * dS / mu;
            double nb = h.count(b);
            deviance += 2 * (mu - nb + (nb > 0 ? nb * Math.log(nb / mu) : 0.0));
        }
        double det = iaa * iss - ias * ias;
        double edge = new MarchenkoPastur(ratio, sigma2).upper();
        int beyond = 0;
        for (double x : eigenvalues) if (x > edge) beyond++;
        return new MarchenkoPasturFit(area, sigma2, Math.sqrt(iss / det), Math.sqrt(iaa / det), edge, beyond / n, deviance, used - 2);
    }

    /** Negative log-likelihood with the area profiled out; +∞ if a populated bin gets no mass. */
    private static double profile(Histogram h, double n, double ratio, double sigma2) {
        double[] p = binProbabilities(h, ratio, sigma2);
        double total = sum(p), counts = 0;
        for (int b = 0; b < h.bins(); b++) counts += h.count(b);
        if (total <= 0) return Double.POSITIVE_INFINITY;
        double area = counts / (n * total), v = 0;
        for (int b = 0; b < h.bins(); b++) {
            double mu = n * area * p[b];
            long nb = h.count(b);
            if (mu <= 0) {
                if (nb > 0) return Double.POSITIVE_INFINITY;
                continue;
            }
            v += mu - nb * Math.log(mu);
        }
        return v;
    }

    private static double[] binProbabilities(Histogram h, double ratio, double sigma2) {
        MarchenkoPastur mp = new MarchenkoPastur(ratio, sigma2);
        double[] p = new double[h.bins()];
        double prev = mp.cdf(h.edge(0));
        for (int b = 0; b < p.length; b++) {
            double next = mp.cdf(h.edge(b + 1));
            p[b] = next - prev;
            prev = next;
        }
        return p;
    }

    private static double sum(double[] p) {
        double s = 0;
        for (double v : p) s += v;
        return s;
    }

    /** The fitted law {@code A·P(x; σ²)}. */
    public MarchenkoPastur law(double ratio) {
        return new MarchenkoPastur(ratio, sigma2, area);
    }
}
