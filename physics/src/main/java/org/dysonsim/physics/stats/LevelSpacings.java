package org.dysonsim.physics.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Nearest-neighbour spacings after unfolding (docs/physics.md §5): the ensemble-averaged counting
 * function {@code N̄(x)} (levels per member below x) is fitted by a smooth polynomial (Legendre
 * basis on the data range, least squares), each level is mapped to {@code ξ = N̄(x)} and the
 * spacings of ξ have unit mean density. Needs N > 2 levels per member; for N = 2 divide the
 * spacing by its ensemble mean instead ({@link #normalisedByMean}).
 */
public final class LevelSpacings {
    private LevelSpacings() {}

    /** The fitted smooth counting function. */
    public record CountingFunction(double lo, double hi, double[] coefficients) {
        public double at(double x) {
            double t = (2.0 * x - lo - hi) / (hi - lo);
            double[] p = legendre(t, coefficients.length);
            double s = 0.0;
            for (int k = 0; k < p.length; k++) s += coefficients[k] * p[k];
            return s;
        }
    }

    /** Least-squares fit of degree {@code degree} to the pooled staircase of all members. */
    public static CountingFunction fitCountingFunction(double[][] spectra, int degree) {
        int total = 0;
        for (double[] s : spectra) total += s.length;
        double[] pooled = new double[total];
        int at = 0;
        for (double[] s : spectra) for (double v : s) pooled[at++] = v;
        Arrays.sort(pooled);
        double lo = pooled[0], hi = pooled[total - 1];
        if (!(hi > lo)) throw new IllegalArgumentException("levels must not all coincide");
        int k = degree + 1;
        DMatrixRMaj a = new DMatrixRMaj(total, k), y = new DMatrixRMaj(total, 1);
        for (int i = 0; i < total; i++) {
            double[] p = legendre((2.0 * pooled[i] - lo - hi) / (hi - lo), k);
            for (int j = 0; j < k; j++) a.set(i, j, p[j]);
            y.set(i, 0, (i + 0.5) / spectra.length);
        }
        DMatrixRMaj c = new DMatrixRMaj(k, 1);
        if (!CommonOps_DDRM.solve(a, y, c)) throw new IllegalStateException("counting-function fit is singular");
        return new CountingFunction(lo, hi, c.data.clone());
    }

    /**
     * Unfolded spacings of every member, pooled, leaving out {@code trim} levels at each end of
     * every spectrum (the polynomial is least reliable at the edges).
     */
    public static double[] unfolded(double[][] spectra, int degree, int trim) {
        for (double[] s : spectra) if (s.length < 3) throw new IllegalArgumentException("unfolding needs N > 2 levels, got " + s.length);
        CountingFunction n = fitCountingFunction(spectra, degree);
        List<Double> out = new ArrayList<>();
        for (double[] s : spectra) {
            double[] x = s.clone();
            Arrays.sort(x);
            for (int i = trim; i + 1 < x.length - trim; i++) out.add(n.at(x[i + 1]) - n.at(x[i]));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Spacings of each member's sorted levels divided by their mean over the whole ensemble. */
    public static double[] normalisedByMean(double[][] spectra) {
        List<Double> out = new ArrayList<>();
        for (double[] s : spectra) {
            double[] x = s.clone();
            Arrays.sort(x);
            for (int i = 0; i + 1 < x.length; i++) out.add(x[i + 1] - x[i]);
        }
        double mean = out.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return out.stream().mapToDouble(v -> v / mean).toArray();
    }

    private static double[] legendre(double t, int k) {
        double[] p = new double[k];
        p[0] = 1.0;
        if (k > 1) p[1] = t;
        for (int n = 2; n < k; n++) p[n] = ((2 * n - 1) * t * p[n - 1] - (n - 1) * p[n - 2]) / n;
        return p;
    }
}
