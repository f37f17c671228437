package org.dysonsim.scenarios.report.analyses;

import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.MatrixRun;
import org.dysonsim.scenarios.report.Power;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.scenarios.report.MemberSource;
import org.dysonsim.scenarios.report.RecordedRun;
import org.dysonsim.physics.forecast.ForecastBand;
import org.dysonsim.physics.forecast.ForecastSettings;
import org.dysonsim.physics.forecast.SingularValueForecast;
import org.dysonsim.physics.gas.WishartConvention;
import org.dysonsim.protocol.TrajectoryEvent.GradientRecorded;

/**
 * The forecast of the top-k singular values from gradients alone (Olsen et al., Algorithm 1;
 * {@link SingularValueForecast}) against the recorded trajectory. Per member (at most
 * {@link #MEMBERS}): the origin is the middle record; the drift comes from the gradient
 * projections of the {@link #CALIBRATION} records up to the origin; D per step is
 * {@code α·mean(projectionVariances)/(2|B|)} (the recorded per-sample variance of the projections,
 * |B| &gt; 1; with |B| = 1 the step-to-step variance of the projections); the forecast runs to every
 * later record. Reported: the band of member 0 against its trajectory, and per horizon the mean
 * relative error of the median (and, as the baseline, of persistence), the mean relative width of
 * the band and its coverage over members and ranks. The verdict is on the coverage of all
 * horizons, members and ranks; a wide band covers easily, so read it with the width.
 */
public final class ForecastCheck {
    public static final int MEMBERS = 8, CALIBRATION = 10, REPLICATES = 100;
    public static final double LEVEL = 0.9;
    /** Standard errors the coverage may fall below the nominal level (docs/physics.md §7). */
    static final double Z = 5.0;
    /** Seed offset of the forecast's own randomness, apart from the run's noise streams. */
    static final long SEED_OFFSET = 0x5eedL;

    private ForecastCheck() {}

    /** One member's forecast with its actual values: actual[h][r]. */
    public record MemberForecast(int member, long originStep, long[] horizons, ForecastBand band, double[][] actual, double[] atOrigin,
                          double[] rankDiffusion) {}

    /**
     * The forecasts of the first {@link #MEMBERS} members that have one, and the recorded top-k
     * singular values of the first of them ({@code recorded[0]} its steps as doubles, then one row per rank).
     */
    record Forecasts(List<MemberForecast> members, long[] steps, double[][] singularValues) {}

    static Forecasts forecasts(RunSpec spec, MemberSource members, MatrixRun matrix, WishartConvention convention) {
        List<MemberForecast> out = new ArrayList<>();
        long[][] steps = {null};
        double[][][] values = {null};
        members.forEach(m -> {
            if (out.size() == MEMBERS || m.values().length == 0) return;
            forecast(spec, m, matrix, convention).ifPresent(f -> {
                out.add(f);
                if (out.size() > 1) return;
                steps[0] = new long[m.gradients().size()];
                values[0] = new double[steps[0].length][];
                for (int k = 0; k < steps[0].length; k++) {
                    steps[0][k] = m.gradients().get(k).step();
                    values[0][k] = m.gradients().get(k).singularValues();
                }
            });
        });
        return new Forecasts(out, steps[0], values[0]);
    }

    private static Optional<MemberForecast> forecast(RunSpec spec, MemberTrajectory m, MatrixRun matrix, WishartConvention convention) {
        int records = Math.min(m.gradients().size(), m.values().length);
        int origin = (records - 1) / 2;
        if (records < 2) return Optional.empty();
        double[] lambda = m.values()[origin];
        double[] s = new double[lambda.length];
        for (int i = 0; i < s.length; i++) s[i] = Math.sqrt(Math.max(lambda[i], 0.0));
        return forecastFrom(m.member(), m.gradients().subList(0, records), m.steps(), origin, s,
                new Training(matrix.alpha(), matrix.batch(), matrix.rows(), convention, REPLICATES, false), spec.seed() + SEED_OFFSET + m.member());
    }

    /**
     * How a matrix was trained, as the forecast needs it.
     *
     * @param learningRate η of the drift −η·u_kᵀG_Bv_k per step and of D = η·variance/(2|B|)
     * @param rows         the larger side of W
     * @param replicates   bootstrap replicates of the forecast
     * @param frozenBulk   whether only the top k values move, in the field of the others held still
     *                     ({@link SingularValueForecast#forecastInFrozenBulk}), or the whole gas
     */
    record Training(double learningRate, int batch, int rows, WishartConvention convention, int replicates, boolean frozenBulk) {}

    /**
     * The forecast from record {@code origin} of one series of gradient records to every later
     * one: the drift from the projections of up to {@link #CALIBRATION} records up to the origin,
     * D from their recorded variances (|B| &gt; 1) or from the projections' spread (|B| = 1).
     * Empty when fewer than 2 records lie up to the origin, none after it, or no band can be made.
     *
     * @param g              the gradient records, g.get(j) beside the snapshot of step {@code steps[j]}
     * @param singularValues every singular value of W at the origin
     */
    static Optional<MemberForecast> forecastFrom(int member, List<GradientRecorded> g, long[] steps, int origin,
                                                 double[] singularValues, Training training, long seed) {
        int records = g.size();
        int first = Math.max(0, origin - CALIBRATION + 1);
        if (origin - first + 1 < 2 || origin + 1 >= records) return Optional.empty();
        int k = g.get(origin).projections().length;
        double[][] projections = new double[origin - first + 1][];
        // D along each top-k pair from the recorded per-sample projection variance, the isotropic D from the entry variance
        double[] rankSum = new double[k];
        int[] rankCount = new int[k];
        double isoSum = 0;
        int isoCount = 0;
        for (int j = first; j <= origin; j++) {
            projections[j - first] = g.get(j).projections();
            double[] pv = g.get(j).projectionVariances();
            for (int r = 0; r < k; r++) {
                if (Double.isFinite(pv[r])) {
                    rankSum[r] += pv[r];
                    rankCount[r]++;
                }
            }
            if (Double.isFinite(g.get(j).noiseVariance())) {
                isoSum += g.get(j).noiseVariance();
                isoCount++;
            }
        }
        double scale = training.learningRate() / (2.0 * training.batch());
        double d = Double.NaN;
        double[] rankD = null;
        if (training.batch() > 1 && isoCount > 0 && java.util.Arrays.stream(rankCount).allMatch(c -> c > 0)) {
            d = scale * isoSum / isoCount;
            rankD = new double[k];
            for (int r = 0; r < k; r++) rankD[r] = scale * rankSum[r] / rankCount[r];
        }
        long[] horizons = new long[records - origin - 1];
        double[][] actual = new double[horizons.length][k];
        for (int h = 0; h < horizons.length; h++) {
            horizons[h] = steps[origin + 1 + h] - steps[origin];
            for (int r = 0; r < k; r++) actual[h][r] = g.get(origin + 1 + h).singularValues()[r];
        }
        ForecastSettings settings = new ForecastSettings(training.learningRate(), training.rows(), training.replicates(), LEVEL,
                training.convention(), d, seed, rankD);
        try {
            return Optional.of(new MemberForecast(member, steps[origin], horizons,
                    training.frozenBulk() ? SingularValueForecast.forecastInFrozenBulk(singularValues, projections, horizons, settings)
                            : SingularValueForecast.forecast(singularValues, projections, horizons, settings), actual,
                    java.util.Arrays.copyOf(g.get(origin).singularValues(), k), rankD));
        } catch (IllegalArgumentException e) {
            // gradients without spread and |B| = 1: no D from gradients alone; this member is left out
            return Optional.empty();
        } catch (org.dysonsim.physics.gas.NonFiniteStateException e) {
            // the forecast's gas found no step at some horizon (a stiff start far from its law):
            // no band for this member, whose run and other checks stand
            return Optional.empty();
        }
    }

    /**
     * Coverage over members, ranks and horizons; per horizon the coverage, the mean relative error
     * of the median, that of persistence (the value at the origin: the forecast without any
     * model) and the mean relative width of the band.
     */
    public record Summary(double coverage, double[] coverageByHorizon, double[] relativeErrorByHorizon, double[] persistenceErrorByHorizon,
                   double[] relativeWidthByHorizon, int members) {}

    static Summary summary(List<MemberForecast> f) {
        int horizons = f.stream().mapToInt(x -> x.horizons().length).min().orElse(0);
        double[] cov = new double[horizons], err = new double[horizons], naive = new double[horizons], width = new double[horizons];
        int[] count = new int[horizons];
        double total = 0;
        int totalCount = 0;
        for (MemberForecast x : f) {
            for (int h = 0; h < x.horizons().length; h++) {
                for (int r = 0; r < x.band().ranks(); r++) {
                    boolean in = x.band().covers(h, r, x.actual()[h][r]);
                    total += in ? 1 : 0;
                    totalCount++;
                    if (h < horizons) {
                        cov[h] += in ? 1 : 0;
                        double actual = x.actual()[h][r];
                        err[h] += Math.abs(x.band().median()[h][r] - actual) / actual;
                        naive[h] += Math.abs(x.atOrigin()[r] - actual) / actual;
                        width[h] += (x.band().upper()[h][r] - x.band().lower()[h][r]) / actual;
                        count[h]++;
                    }
                }
            }
        }
        for (int h = 0; h < horizons; h++) {
            cov[h] /= count[h];
            err[h] /= count[h];
            naive[h] /= count[h];
            width[h] /= count[h];
        }
        return new Summary(totalCount == 0 ? Double.NaN : total / totalCount, cov, err, naive, width, f.size());
    }

    /**
     * What the forecast check found: the members forecast (empty: no member had gradient records on
     * both sides of its middle record), their summary, the first member's recorded top-k singular
     * values ({@code recordedSingularValues[k][r]} at {@code recordedSteps[k]}), the drift check,
     * the summary under Olsen's printed form (zero-gradient runs only, else null) and the verdict.
     */
    public record Forecast(MatrixRun matrix, List<MemberForecast> members, Summary summary, long[] recordedSteps,
                           double[][] recordedSingularValues, DriftCheck drift, Summary olsen, List<Comparison> comparisons) {}

    /** Empty unless the run is a matrix-level run. */
    public static Optional<Forecast> of(RecordedRun run, EnsembleSummary summary) {
        return summary.matrixRun().map(m -> of(run, m));
    }

    /** Reads the run's members two or three times, one at a time. */
    public static Forecast of(RecordedRun run, MatrixRun matrix) {
        Forecasts found = forecasts(run.spec(), run.members(), matrix, WishartConvention.BRU);
        List<MemberForecast> bru = found.members();
        if (bru.isEmpty()) return new Forecast(matrix, bru, null, null, null, null, null, List.of());
        Summary s = summary(bru);
        MemberForecast first = bru.get(0);
        double se = Math.sqrt(LEVEL * (1 - LEVEL) / s.members());
        double shortfall = LEVEL - s.coverage();
        Map<String, Double> details = new LinkedHashMap<>();
        details.put("coverage", s.coverage());
        details.put("nominal", LEVEL);
        details.put("members", (double) s.members());
        Comparison coverage = new Comparison("forecast band of the top-k singular values covers the recorded trajectory (Bru)",
                "nominal − coverage", Double.NaN, shortfall, Z * se, shortfall <= Z * se,
                String.format("pass when the coverage over all horizons, ranks and members falls at most %.1f binomial standard errors"
                        + " (n_eff = %d members) below %.2f", Z, s.members(), LEVEL), details, Power.ofCoverageShortfall(LEVEL, Z * se));
        // without a gradient the matrix process is Wishart exactly: the conventions can be told apart here
        Summary olsen = matrix.loss().equals(MatrixRun.ZERO)
                ? summary(forecasts(run.spec(), run.members(), matrix, WishartConvention.OLSEN).members()) : null;
        return new Forecast(matrix, bru, s, found.steps(), found.singularValues(), driftCheck(run.spec(), run.members()), olsen,
                List.of(coverage));
    }

    /**
     * Per rank: the mean first-order drift per step, the mean recorded change of σ_k per step and
     * the standard error of their difference.
     */
    public record DriftCheck(double[] firstOrder, double[] observed, double[] differenceSe) {}

    /**
     * The premise of a gradient drift, checked on the records: per rank, over consecutive records of
     * every member, the mean first-order drift −α·u_kᵀG_Bv_k per step against the mean recorded
     * change of σ_k per step, with the standard error of their difference from the spread of the
     * member means. A difference many SEs from 0 is drift that the gradient's first order does not
     * carry (second-order, Itô terms of the minibatch noise, or noise correlated in time).
     */
    public static DriftCheck driftCheck(RunSpec spec, MemberSource members) {
        double alpha = ((org.dysonsim.physics.gas.MatrixModel) spec.model()).sgd().alpha();
        List<double[]> diffs = new ArrayList<>();
        double[][] sums = {null, null};
        members.forEach(m -> {
            if (m.values().length == 0) return;
            List<GradientRecorded> g = m.gradients();
            if (sums[0] == null) {
                int k = g.get(0).projections().length;
                sums[0] = new double[k];
                sums[1] = new double[k];
            }
            double[] diff = new double[sums[0].length];
            for (int r = 0; r < diff.length; r++) {
                double f = 0, o = 0;
                int c = 0;
                for (int j = 0; j + 1 < g.size(); j++) {
                    long steps = g.get(j + 1).step() - g.get(j).step();
                    if (steps <= 0) continue;
                    f += -alpha * g.get(j).projections()[r];
                    o += (g.get(j + 1).singularValues()[r] - g.get(j).singularValues()[r]) / steps;
                    c++;
                }
                f /= Math.max(c, 1);
                o /= Math.max(c, 1);
                sums[0][r] += f;
                sums[1][r] += o;
                diff[r] = f - o;
            }
            diffs.add(diff);
        });
        int k = sums[0].length, count = diffs.size();
        double[] first = new double[k], observed = new double[k], se = new double[k];
        for (int r = 0; r < k; r++) {
            first[r] = sums[0][r] / count;
            observed[r] = sums[1][r] / count;
            double mean = (first[r] - observed[r]), ss = 0;
            for (double[] d : diffs) ss += (d[r] - mean) * (d[r] - mean);
            se[r] = count > 1 ? Math.sqrt(ss / (count - 1) / count) : Double.NaN;
        }
        return new DriftCheck(first, observed, se);
    }
}
