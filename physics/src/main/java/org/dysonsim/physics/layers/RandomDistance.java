package org.dysonsim.physics.layers;

import java.util.Arrays;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.physics.sgd.WeightSpectrum;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.ejml.data.DMatrixRMaj;

/**
 * How far a layer's spectrum is from that of the same entries without their arrangement
 * (docs/physics.md §8): the eigenvalues of WᵀW against those of W with its entries permuted
 * (Fisher–Yates, draw i from {@code CounterRng.uniform(seed, 0, i, 0, 0)}), compared as
 * distributions. {@code ksDistance} is the two-sample Kolmogorov–Smirnov distance sup|F − G|,
 * scale-free and in [0, 1]; {@code wasserstein} the Wasserstein-1 distance between the two
 * empirical laws divided by the mean eigenvalue (which the permutation keeps: Σλ = ‖W‖²_F); for
 * two samples of one size it is the mean gap between the sorted arrays paired element by element.
 */
public record RandomDistance(double ksDistance, double wasserstein) {
    public static RandomDistance of(DMatrixRMaj w, long seed) {
        double[] original = WeightSpectrum.eigenvalues(w);
        double[] permuted = WeightSpectrum.eigenvalues(permuted(w, seed));
        Arrays.sort(original);
        Arrays.sort(permuted);
        double w1 = 0, mean = 0;
        for (int i = 0; i < original.length; i++) {
            w1 += Math.abs(original[i] - permuted[i]) / original.length;
            mean += original[i] / original.length;
        }
        return new RandomDistance(KolmogorovSmirnov.twoSample(original, permuted).distance(), w1 / mean);
    }

    /** W with its entries shuffled by the seed's permutation. */
    public static DMatrixRMaj permuted(DMatrixRMaj w, long seed) {
        DMatrixRMaj out = w.copy();
        double[] d = out.data;
        int n = w.getNumElements();
        for (int i = n - 1; i > 0; i--) {
            int j = (int) Math.floor(CounterRng.uniform(seed, 0, i, 0, 0) * (i + 1));
            double t = d[i];
            d[i] = d[j];
            d[j] = t;
        }
        return out;
    }
}
