package org.dysonsim.physics.monitor;

import java.util.Arrays;
import org.dysonsim.physics.fit.MarchenkoPasturFit;
import org.dysonsim.physics.fit.PowerLawTail;
import org.dysonsim.physics.laws.MarchenkoPastur;

/**
 * The spectral diagnostics of one record of a training run: the spectra of WᵀW (W rows×cols,
 * rows ≥ cols) of independent members at the same step, pooled for the fits.
 *
 * <ul>
 * <li>Power-law tail (docs/physics.md §5, {@link PowerLawTail}): the continuous, untruncated MLE
 *     {@code α̂ = 1 + (n − 1)/Σ ln(x_i/x_min)}, SE {@code (α̂ − 1)/√n}, x_min by the smallest KS
 *     distance — not WeightWatcher's truncated variant. Candidates for x_min are the upper half
 *     of the pooled values (at most {@link #TAIL_CANDIDATES} of them): the lower half of a
 *     spectrum is bulk, and the search is quadratic in its length.</li>
 * <li>Marchenko–Pastur bulk ({@link MarchenkoPasturFit}, Aarts et al. arXiv 2411.13512): the
 *     fit {@code A·P(x; σ²)} of the eigenvalues of WᵀW/rows, r = cols/rows, on a window inside
 *     the bulk; σ² is the entry variance. The window is the support of the law whose median is the
 *     sample median, shrunk by {@link #WINDOW_MARGIN} of its width at each end: a window ending
 *     beyond the fitted edge would force the edge out to its last eigenvalue.</li>
 * <li>The fraction of eigenvalues beyond the fitted upper edge (in WᵀW units,
 *     {@code rows·σ²(1 + √r)²}), and their number per spectrum (a finite Wishart matrix puts a
 *     fraction of one eigenvalue beyond the limiting edge: its largest fluctuates about it on
 *     the Tracy–Widom scale).</li>
 * <li>The diffusion constant of Olsen et al. (Lemma 6.18, docs/physics.md §5),
 *     {@code D ≈ (σ_max − σ_med)²/t_b} with σ the singular values √λ of one member and
 *     {@code t_b} the number of SGD steps (batches) so far, averaged over members; NaN at t_b = 0.</li>
 * </ul>
 * A fit that cannot be made (too few values, no bulk in the window) leaves its fields NaN.
 */
public record SpectralDiagnostics(double tailExponent, double tailExponentSe, double tailXMin, int tailSize,
                                  double mpArea, double mpAreaSe, double mpSigma2, double mpSigma2Se, double mpEdge,
                                  double fractionBeyondEdge, double outliersPerSpectrum, double diffusion) {
    /** At most this many x_min candidates (the largest values). */
    public static final int TAIL_CANDIDATES = 1000;
    /** Share of the initial support's width left out at each end of the MP fit window. */
    public static final double WINDOW_MARGIN = 0.05;
    static final int MIN_BINS = 8, MAX_BINS = 40;

    /**
     * @param spectra eigenvalues of WᵀW of each member at this record (any order)
     * @param batches SGD steps taken so far (t_b of Lemma 6.18)
     */
    public static SpectralDiagnostics of(double[][] spectra, int rows, int cols, long batches) {
        if (rows < cols) throw new IllegalArgumentException("need rows ≥ cols, got " + rows + "×" + cols);
        double[] pooled = Arrays.stream(spectra).flatMapToDouble(Arrays::stream).sorted().toArray();
        double alpha = Double.NaN, alphaSe = Double.NaN, xMin = Double.NaN;
        int tailSize = 0;
        double[] candidates = Arrays.copyOfRange(pooled, Math.max(pooled.length / 2, pooled.length - TAIL_CANDIDATES), pooled.length);
        if (candidates.length >= PowerLawTail.MIN_TAIL && candidates[0] > 0) {
            PowerLawTail tail = PowerLawTail.fit(candidates);
            alpha = tail.alpha();
            alphaSe = tail.alphaSe();
            xMin = tail.xMin();
            tailSize = tail.tailSize();
        }
        double ratio = (double) cols / rows;
        double area = Double.NaN, areaSe = Double.NaN, sigma2 = Double.NaN, sigma2Se = Double.NaN, edge = Double.NaN;
        double beyond = Double.NaN, outliers = Double.NaN;
        MarchenkoPasturFit fit = bulkFit(pooled, rows, cols);
        if (fit != null) {
            area = fit.area();
            areaSe = fit.areaSe();
            sigma2 = fit.sigma2();
            sigma2Se = fit.sigma2Se();
            edge = fit.bulkEdge() * rows;
            beyond = fit.fractionBeyondEdge();
            outliers = beyond * pooled.length / spectra.length;
        }
        return new SpectralDiagnostics(alpha, alphaSe, xMin, tailSize, area, areaSe, sigma2, sigma2Se, edge, beyond, outliers,
                diffusion(spectra, batches));
    }

    /**
     * The Marchenko–Pastur fit of eigenvalues of WᵀW (any order) on the window described above, in
     * units of WᵀW/rows (its edge times rows is the edge of WᵀW); null when the window holds no bulk.
     */
    public static MarchenkoPasturFit bulkFit(double[] eigenvalues, int rows, int cols) {
        double ratio = (double) cols / rows;
        double[] scaled = new double[eigenvalues.length];
        for (int i = 0; i < scaled.length; i++) scaled[i] = eigenvalues[i] / rows;
        Arrays.sort(scaled);
        double median = scaled.length == 0 ? Double.NaN : scaled[scaled.length / 2];
        if (!(median > 0)) return null;
        MarchenkoPastur start = new MarchenkoPastur(ratio, median / unitMedian(ratio));
        double width = start.upper() - start.lower();
        double lo = start.lower() + WINDOW_MARGIN * width, hi = start.upper() - WINDOW_MARGIN * width;
        int inWindow = 0;
        for (double v : scaled) if (v >= lo && v < hi) inWindow++;
        int bins = (int) Math.max(MIN_BINS, Math.min(MAX_BINS, Math.round(Math.sqrt(inWindow))));
        try {
            return MarchenkoPasturFit.fit(scaled, ratio, lo, hi, bins);
        } catch (IllegalArgumentException e) {
            return null; // no bulk in the window
        }
    }

    /** Olsen et al. Lemma 6.18: mean over members of {@code (σ_max − σ_med)²/t_b}, σ = √λ. */
    public static double diffusion(double[][] spectra, long batches) {
        if (batches <= 0 || spectra.length == 0) return Double.NaN;
        double sum = 0;
        for (double[] lambda : spectra) {
            double[] s = Arrays.stream(lambda).map(v -> Math.sqrt(Math.max(v, 0.0))).sorted().toArray();
            double spread = s[s.length - 1] - s[s.length / 2];
            sum += spread * spread / batches;
        }
        return sum / spectra.length;
    }

    /** Median of the unit Marchenko–Pastur law of ratio r (bisection on its CDF). */
    static double unitMedian(double ratio) {
        MarchenkoPastur unit = new MarchenkoPastur(ratio, 1.0);
        double a = unit.lower(), b = unit.upper();
        for (int i = 0; i < 60; i++) {
            double m = 0.5 * (a + b);
            if (unit.cdf(m) < 0.5) a = m;
            else b = m;
        }
        return 0.5 * (a + b);
    }

    /**
     * Whether a heavy tail stands out of the bulk: enough weight and enough eigenvalues per
     * spectrum beyond the MP edge, and an exponent of at most {@code maxAlpha}.
     */
    public boolean hasTail(double minFraction, double minOutliers, double maxAlpha) {
        return fractionBeyondEdge >= minFraction && outliersPerSpectrum >= minOutliers && tailExponent <= maxAlpha;
    }
}
