package org.dysonsim.physics.layers;

import java.util.Arrays;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.physics.sgd.WeightSpectrum;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * How far a layer's spectrum is from that of the same entries without their arrangement
 * (docs/physics.md §8): the nonzero eigenvalues of WᵀW (those of the smaller of WᵀW and WWᵀ,
 * min(rows, cols) of them) against those of W with its entries permuted (Fisher–Yates, draw i
 * from {@code CounterRng.uniform(seed, 0, i, 0, 0)}), compared as distributions. {@code ksDistance}
 * is the two-sample Kolmogorov–Smirnov distance sup|F − G|, scale-free and in [0, 1];
 * {@code wasserstein} the Wasserstein-1 distance between the two empirical laws divided by the
 * mean eigenvalue (which the permutation keeps: Σλ = ‖W‖²_F); for two samples of one size it is
 * the mean gap between the sorted arrays paired element by element. The structural zeros of the
 * larger Gram matrix are left out: rounding scatters them around 0 differently in the two, which
 * would move the KS distance by up to their share without saying anything about W.
 */
public record RandomDistance(double ksDistance, double wasserstein) {
    /** The counter stream of the permutation seeds that {@link #seed} draws, apart from every stream a run draws. */
    static final long SEED_STREAM = 0x5eedd15L;

    /** The distance of W from its permutation by {@code seed}. */
    public static RandomDistance of(DMatrixRMaj w, long seed) {
        return of(w, nonzeroEigenvalues(w), seed);
    }

    /**
     * As {@link #of(DMatrixRMaj, long)}, for a W whose nonzero eigenvalues (ascending, min(rows,
     * cols) of them) are known already: one decomposition instead of two.
     */
    public static RandomDistance of(DMatrixRMaj w, double[] nonzero, long seed) {
        return between(nonzero, nonzeroEigenvalues(permuted(w, seed)));
    }

    /**
     * The same two distances between any two spectra of one size: the KS distance and the mean gap
     * between the sorted arrays over the mean of {@code spectrum} (a particle companion against its
     * layer, for one).
     */
    public static RandomDistance between(double[] spectrum, double[] other) {
        if (spectrum.length != other.length) throw new IllegalArgumentException("spectra of " + spectrum.length + " and " + other.length + " values");
        double[] original = spectrum.clone();
        double[] permuted = other.clone();
        Arrays.sort(original);
        Arrays.sort(permuted);
        double w1 = 0, mean = 0;
        for (int i = 0; i < original.length; i++) {
            w1 += Math.abs(original[i] - permuted[i]) / original.length;
            mean += original[i] / original.length;
        }
        return new RandomDistance(KolmogorovSmirnov.twoSample(original, permuted).distance(), w1 / mean);
    }

    /**
     * The permutation seed of layer {@code layer} of member {@code member} at record step
     * {@code step} of a run seeded {@code runSeed}: a pure function of the four, so a run draws the
     * same permutation whenever and wherever the record is made (a resumed run included).
     */
    public static long seed(long runSeed, int member, int layer, long step) {
        return CounterRng.bits(runSeed, member, layer, step, SEED_STREAM);
    }

    /** The min(rows, cols) eigenvalues of the smaller of WᵀW and WWᵀ, ascending. */
    public static double[] nonzeroEigenvalues(DMatrixRMaj w) {
        if (w.numRows >= w.numCols) return WeightSpectrum.eigenvalues(w);
        DMatrixRMaj t = new DMatrixRMaj(w.numCols, w.numRows);
        CommonOps_DDRM.transpose(w, t);
        return WeightSpectrum.eigenvalues(t);
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
