package org.dysonsim.physics.layers;

import java.util.Arrays;
import org.dysonsim.physics.fit.MarchenkoPasturFit;
import org.dysonsim.physics.monitor.SpectralDiagnostics;
import org.dysonsim.physics.tails.PowerLawFit;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

/**
 * WeightWatcher's per-layer metrics (Martin and Mahoney; definitions in docs/physics.md §8) of the
 * eigenvalues λ of WᵀW, not normalised, W rows×cols, with M = max and N = min of the two and the
 * N largest eigenvalues used:
 * {@code logNorm = log₁₀Σλ}, {@code logSpectralNorm = log₁₀λ_max}, {@code alpha} the continuous
 * power-law MLE above x_min chosen by KS ({@link PowerLawFit}), {@code alphaWeighted = α·log₁₀λ_max},
 * {@code logAlphaNorm = log₁₀Σλ^α}, {@code stableRank = Σλ/λ_max}, {@code entropy = −Σp ln p/ln rank}
 * (p = λ/Σλ, rank the number of λ above {@code λ_max·M·ε}, NumPy's matrix_rank rule).
 * The bulk: {@link SpectralDiagnostics#bulkFit}'s Marchenko–Pastur fit (area A, entry variance σ²,
 * Fisher standard errors, binned-Poisson deviance and its χ² p-value as the bulk's goodness of fit),
 * its edge {@code E = σ²(√M + √N)²}, {@code mpSoftrank = E/λ_max}, the shares of eigenvalues
 * ({@code fractionBeyondEdge}) and of spectral weight Σλ ({@code weightBeyondEdge}) above E, and
 * {@code numSpikes}, the eigenvalues above {@code E + s₀.₉₉·σ²(√M + √N)(1/√M + 1/√N)^{1/3}}: the
 * Tracy–Widom (β = 1) 99 % point {@code s₀.₉₉ = 2.0234} on Johnstone's scale of the largest
 * eigenvalue of a real Wishart matrix (Ann. Stat. 29 (2001)), so a pure-noise layer shows a spike
 * in about 1 % of draws. Fits that cannot be made leave NaN (alpha needs 10 eigenvalues).
 */
public record LayerMetrics(double logNorm, double logSpectralNorm, double alpha, double alphaSe, double alphaXMin,
                           double alphaWeighted, double logAlphaNorm, double stableRank, double entropy,
                           double mpArea, double mpAreaSe, double mpSigma2, double mpSigma2Se, double bulkEdge,
                           double mpSoftrank, double spikeThreshold, int numSpikes, double fractionBeyondEdge,
                           double weightBeyondEdge, double bulkDeviance, int bulkDegreesOfFreedom, double bulkPValue) {
    /** The 99 % point of the Tracy–Widom law F₁ (Bornemann 2010, Table 1; checked against {@code laws.TracyWidom}). */
    public static final double TW1_99 = 2.0234;

    public static LayerMetrics of(double[] eigenvalues, int rows, int cols) {
        int big = Math.max(rows, cols), small = Math.min(rows, cols);
        double[] sorted = eigenvalues.clone();
        Arrays.sort(sorted);
        double[] lambda = Arrays.copyOfRange(sorted, Math.max(0, sorted.length - small), sorted.length);
        if (lambda.length == 0) throw new IllegalArgumentException("no eigenvalues");
        double max = lambda[lambda.length - 1], total = 0;
        for (double v : lambda) total += v;
        double alpha = Double.NaN, alphaSe = Double.NaN, xMin = Double.NaN, alphaNorm = Double.NaN;
        double[] positive = Arrays.stream(lambda).filter(v -> v > 0).toArray();
        if (positive.length >= PowerLawFit.MIN_TAIL) {
            PowerLawFit fit = PowerLawFit.fit(positive, false);
            alpha = fit.alpha();
            alphaSe = fit.alphaSe();
            xMin = fit.xMin();
            alphaNorm = 0;
            for (double v : positive) alphaNorm += Math.pow(v, alpha);
        }
        double rankFloor = max * big * Math.ulp(1.0), entropy = 0;
        int rank = 0;
        for (double v : lambda) {
            if (v > rankFloor) rank++;
            if (v > 0) entropy -= v / total * Math.log(v / total);
        }
        entropy = rank > 1 ? entropy / Math.log(rank) : Double.NaN;

        double area = Double.NaN, areaSe = Double.NaN, sigma2 = Double.NaN, sigma2Se = Double.NaN, edge = Double.NaN;
        double threshold = Double.NaN, beyond = Double.NaN, weight = Double.NaN, deviance = Double.NaN, pBulk = Double.NaN;
        int spikes = 0, dof = 0;
        MarchenkoPasturFit mp = SpectralDiagnostics.bulkFit(lambda, big, small);
        if (mp != null) {
            area = mp.area();
            areaSe = mp.areaSe();
            sigma2 = mp.sigma2();
            sigma2Se = mp.sigma2Se();
            edge = mp.bulkEdge() * big;
            double sm = Math.sqrt(big), sn = Math.sqrt(small);
            threshold = edge + TW1_99 * sigma2 * (sm + sn) * Math.cbrt(1 / sm + 1 / sn);
            double above = 0;
            int count = 0;
            for (double v : lambda) {
                if (v > edge) {
                    above += v;
                    count++;
                }
                if (v > threshold) spikes++;
            }
            beyond = (double) count / lambda.length;
            weight = above / total;
            deviance = mp.deviance();
            dof = mp.degreesOfFreedom();
            pBulk = dof > 0 ? 1.0 - new ChiSquaredDistribution(dof).cumulativeProbability(deviance) : Double.NaN;
        }
        return new LayerMetrics(Math.log10(total), Math.log10(max), alpha, alphaSe, xMin, alpha * Math.log10(max),
                Math.log10(alphaNorm), total / max, entropy, area, areaSe, sigma2, sigma2Se, edge, edge / max, threshold, spikes,
                beyond, weight, deviance, dof, pBulk);
    }
}
