package org.dysonsim.physics.monitor;

import java.util.List;

/**
 * Stage labels along training and the validation-free stopping signal, from the spectral
 * diagnostics alone (no held-out data). The rules, for record k:
 *
 * <ol>
 * <li>A tail is present at k when at least {@code minTailFraction} of the eigenvalues, and at
 *     least {@code minOutliers} per spectrum, lie beyond the fitted Marchenko–Pastur edge and the tail exponent is at most {@code maxAlpha}
 *     (WeightWatcher reads α &gt; 6 as under-trained, i.e. no heavy tail to speak of).</li>
 * <li>The exponent is stable at k when k ≥ {@code window}, a tail is present at every record
 *     k − window … k, and {@code |α_k − α_{k−window}| ≤ seMultiple · SE(α_k)}: its change over the
 *     window is within its own standard error.</li>
 * <li>Label: stable → {@link TrainingStage#SATURATION}; else tail present →
 *     {@link TrainingStage#HEAVY_TAIL_STABILISATION}; else {@link TrainingStage#EXPLORATION}.</li>
 * <li>The stopping signal fires at the first record whose exponent is stable.</li>
 * </ol>
 */
public record TrainingStages(double minTailFraction, double minOutliers, double maxAlpha, int window, double seMultiple) {
    /**
     * The defaults: 2 % of the weight and at least one eigenvalue per spectrum beyond the edge
     * (a pure finite-N Marchenko–Pastur spectrum has a fraction of one there), α ≤ 6, a window of
     * 5 records, one standard error.
     */
    public static final TrainingStages DEFAULT = new TrainingStages(0.02, 1.0, 6.0, 5, 1.0);

    public TrainingStages {
        if (window < 1) throw new IllegalArgumentException("window must be ≥ 1 record, got " + window);
    }

    public boolean tailPresent(SpectralDiagnostics d) {
        return d.hasTail(minTailFraction, minOutliers, maxAlpha);
    }

    /** Rule 2 at record k. */
    public boolean stable(List<SpectralDiagnostics> records, int k) {
        if (k < window) return false;
        for (int j = k - window; j <= k; j++) if (!tailPresent(records.get(j))) return false;
        SpectralDiagnostics now = records.get(k), then = records.get(k - window);
        return Math.abs(now.tailExponent() - then.tailExponent()) <= seMultiple * now.tailExponentSe();
    }

    public TrainingStage stage(List<SpectralDiagnostics> records, int k) {
        if (stable(records, k)) return TrainingStage.SATURATION;
        return tailPresent(records.get(k)) ? TrainingStage.HEAVY_TAIL_STABILISATION : TrainingStage.EXPLORATION;
    }

    public List<TrainingStage> stages(List<SpectralDiagnostics> records) {
        return java.util.stream.IntStream.range(0, records.size()).mapToObj(k -> stage(records, k)).toList();
    }

    /** The index of the first record at which the stopping signal fires, or −1 if it never does. */
    public int stoppingRecord(List<SpectralDiagnostics> records) {
        for (int k = 0; k < records.size(); k++) if (stable(records, k)) return k;
        return -1;
    }
}
