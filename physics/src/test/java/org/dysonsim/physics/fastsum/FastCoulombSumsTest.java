package org.dysonsim.physics.fastsum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.dysonsim.physics.gas.CoulombTiles;
import org.dysonsim.physics.laws.MarchenkoPastur;
import org.dysonsim.physics.rng.CounterRng;
import org.junit.jupiter.api.Test;

class FastCoulombSumsTest {
    /** The accuracy promised (docs/physics.md §6), relative to Σ_j |term_ij|. */
    private static final double TOLERANCE = 1e-10;

    /**
     * Marchenko–Pastur (ratio 1/2) quantiles jittered by a tenth of a spacing: the law's CDF
     * tabulated once on a grid crowded at the edges ({@code x = a + (b − a)(1 − cos θ)/2}) and
     * inverted by linear interpolation — O(N), where a root search per quantile is not.
     */
    static double[] marchenkoPastur(int n, long seed) {
        MarchenkoPastur law = new MarchenkoPastur(0.5, 1.0);
        int grid = 1 << 16;
        double a = law.lower(), b = law.upper();
        double[] at = new double[grid + 1], cdf = new double[grid + 1];
        for (int k = 0; k <= grid; k++) {
            at[k] = a + (b - a) * 0.5 * (1 - Math.cos(Math.PI * k / grid));
            if (k > 0) cdf[k] = cdf[k - 1] + 0.5 * (law.density(at[k]) + law.density(at[k - 1])) * (at[k] - at[k - 1]);
        }
        double[] x = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double jitter = 0.1 * (CounterRng.uniform(seed, 0, i, 0, 0) - 0.5);
            double target = cdf[grid] * (i + 0.5 + jitter) / n;
            while (cdf[k + 1] < target) k++;
            x[i] = at[k] + (at[k + 1] - at[k]) * (target - cdf[k]) / (cdf[k + 1] - cdf[k]);
        }
        return x;
    }

    /** Tight clusters of very different sizes and widths, far apart, with random spacing inside. */
    static double[] clustered(int n, long seed) {
        double[] x = new double[n];
        double v = 1.0;
        for (int i = 0; i < n; i++) {
            int cluster = (int) (Math.sqrt((double) i / n) * 7);
            double width = Math.pow(10.0, -2 - cluster);
            v += i > 0 && (int) (Math.sqrt((double) (i - 1) / n) * 7) != cluster ? 3.0 : 0.0;
            v += width * (0.01 + CounterRng.uniform(seed, 0, i, 0, 0));
            x[i] = v;
        }
        return x;
    }

    /** Pairs split by 1e-9 (relative 1e-10) at random centres: nearly degenerate eigenvalues. */
    static double[] degeneratePairs(int n, long seed) {
        double[] x = new double[n];
        double v = 10.0;
        for (int i = 0; i < n; i += 2) {
            v += 0.001 + CounterRng.uniform(seed, 0, i, 0, 0);
            x[i] = v;
            if (i + 1 < n) x[i + 1] = v + 1e-9;
            v += 1e-9;
        }
        return x;
    }

    /**
     * Largest |fast − direct| / Σ|terms| over all particles and both sums. For the Coulomb sum the
     * scale counts only the terms of the 256 nearest indices on each side: a lower bound of
     * Σ|terms| (so a stricter test) that keeps the check O(N); the image terms are all positive,
     * so their scale is the direct image sum itself.
     */
    static double worstError(double[] x) {
        int n = x.length;
        double[] far = new double[n], mirror = new double[n], directFar = new double[n], directMirror = new double[n];
        new FastCoulombSums(n).sums(x, 0, n, far, mirror);
        CoulombTiles.farField(x, directFar, directMirror);
        double worst = 0.0;
        for (int i = 0; i < n; i++) {
            double scale = Double.MIN_NORMAL;
            for (int j = Math.max(0, i - 256); j < Math.min(n, i + 257); j++) {
                if (Math.abs(j - i) >= 2) scale += Math.abs(1.0 / (x[i] - x[j]));
            }
            worst = Math.max(worst, Math.abs(far[i] - directFar[i]) / scale);
            worst = Math.max(worst, Math.abs(mirror[i] - directMirror[i]) / Math.max(directMirror[i], Double.MIN_NORMAL));
        }
        return worst;
    }

    @Test
    void matchesTheDirectSumOnHardConfigurations() {
        for (int n : new int[] {1, 2, 3, 64, 65, 200, 1000}) {
            assertTrue(worstError(marchenkoPastur(n, n)) <= TOLERANCE, "MP n=" + n);
        }
        double[][] large = {marchenkoPastur(16384, 1), clustered(16384, 2), degeneratePairs(16384, 3)};
        String[] names = {"Marchenko-Pastur", "clustered", "degenerate pairs"};
        for (int k = 0; k < large.length; k++) {
            double error = worstError(large[k]);
            System.out.printf("fast sum, %s, N = 16384: worst relative error %.2e%n", names[k], error);
            assertTrue(error <= TOLERANCE, names[k] + ": " + error);
        }
    }

    /** A leaf's rows are evaluated together; each must still get the bits it gets evaluated alone. */
    @Test
    void rowsEvaluatedTogetherGetTheBitsOfEachRowAlone() {
        int n = 1000;
        double[] x = clustered(n, 3);
        double[] whole = new double[n], wholeMirror = new double[n];
        FastCoulombSums sums = new FastCoulombSums(n);
        sums.sums(x, 0, n, whole, wholeMirror);
        double[] far = new double[n], mirror = new double[n];
        for (int i = 0; i < n; i++) sums.sums(x, i, i + 1, far, mirror);
        assertArrayEquals(whole, far, 0.0);
        assertArrayEquals(wholeMirror, mirror, 0.0);
    }

    @Test
    void anySplitOfTheRowsGivesTheSameBits() {
        int n = 5000;
        double[] x = clustered(n, 4);
        double[] whole = new double[n], wholeMirror = new double[n];
        new FastCoulombSums(n).sums(x, 0, n, whole, wholeMirror);
        for (int blocks : new int[] {2, 3, 7, 64}) {
            double[] far = new double[n], mirror = new double[n];
            FastCoulombSums sums = new FastCoulombSums(n);
            int size = (n + blocks - 1) / blocks;
            for (int from = 0; from < n; from += size) sums.sums(x, from, Math.min(n, from + size), far, mirror);
            assertArrayEquals(whole, far, 0.0, "blocks " + blocks);
            assertArrayEquals(wholeMirror, mirror, 0.0, "blocks " + blocks);
        }
        assertTrue(Arrays.stream(whole).allMatch(Double::isFinite));
    }
}
