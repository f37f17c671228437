package org.dysonsim.physics.layers;

import java.util.Arrays;
import org.dysonsim.physics.laws.GaudinSpacing;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.dysonsim.physics.stats.LevelSpacings;

/**
 * Level statistics of one spectrum's bulk (docs/physics.md §8): the levels at or below the bulk
 * edge are unfolded with {@link LevelSpacings} (a degree-{@link #DEGREE} polynomial counting
 * function, {@link #TRIM_SHARE} of the levels left out at each end) and their nearest-neighbour
 * spacings are held against the GOE law (Gaudin's, {@link GaudinSpacing}: level repulsion) and the
 * Poisson law {@code 1 − e^{−s}} (independent levels) by one-sample KS. Each law passes when its
 * distance is at most {@code 2.2253/√n} (level 1e-4, n spacings, docs/physics.md §7); the spacings
 * of one spectrum are rigid, which makes the test conservative.
 *
 * @param levels    the bulk levels unfolded
 * @param spacings  n, the spacings compared
 * @param ksGoe     KS distance to Gaudin's law
 * @param ksPoisson KS distance to the exponential law
 * @param threshold the distance above which a law is rejected
 */
public record BulkLevelStatistics(int levels, int spacings, double ksGoe, double ksPoisson, double threshold) {
    /** Degree of the unfolding polynomial. */
    public static final int DEGREE = 6;
    /** Share of the bulk levels left out at each end (the polynomial is least reliable at the edges). */
    public static final double TRIM_SHARE = 0.1;
    /** Fewer bulk levels are not tested: 20 levels leave 15 spacings, a threshold of 0.57. */
    public static final int MIN_LEVELS = 20;

    public boolean goe() {
        return ksGoe <= threshold;
    }

    public boolean poisson() {
        return ksPoisson <= threshold;
    }

    /** The statistics of the levels of {@code eigenvalues} at or below {@code edge}; null when fewer than {@link #MIN_LEVELS}. */
    public static BulkLevelStatistics of(double[] eigenvalues, double edge) {
        double[] bulk = Arrays.stream(eigenvalues).filter(v -> v <= edge).sorted().toArray();
        if (bulk.length < MIN_LEVELS || !(bulk[bulk.length - 1] > bulk[0])) return null;
        double[] s = LevelSpacings.unfolded(new double[][] {bulk}, DEGREE, (int) Math.round(TRIM_SHARE * bulk.length));
        double goe = KolmogorovSmirnov.oneSample(s, GaudinTable::cdf).distance();
        double poisson = KolmogorovSmirnov.oneSample(s, x -> x <= 0 ? 0 : -Math.expm1(-x)).distance();
        return new BulkLevelStatistics(bulk.length, s.length, goe, poisson, KolmogorovSmirnov.CRITICAL_1E4 / Math.sqrt(s.length));
    }

    /**
     * Gaudin's distribution tabulated once at step {@link #STEP} up to its top and interpolated
     * linearly: the error, at most {@code STEP²·max|p'|/8 ≈ 3e-5}, is far below any KS threshold here.
     */
    static final class GaudinTable {
        static final double STEP = 0.01;
        private static final double[] CDF = table();

        private static double[] table() {
            GaudinSpacing law = new GaudinSpacing();
            int n = (int) Math.round(8.0 / STEP);
            double[] out = new double[n + 1];
            for (int i = 0; i <= n; i++) out[i] = law.cdf(i * STEP);
            return out;
        }

        static double cdf(double s) {
            if (s <= 0) return 0.0;
            double u = s / STEP;
            int i = (int) u;
            if (i >= CDF.length - 1) return 1.0;
            return CDF[i] + (u - i) * (CDF[i + 1] - CDF[i]);
        }
    }
}
