package org.dysonsim.physics.forecast;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.GasStepper;
import org.dysonsim.physics.gas.RefiningStep;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.rng.CounterRng;

/**
 * Forecast of the top-k singular values from gradients alone, after Olsen et al., <i>From SGD to
 * Spectra</i> (ICML 2025, arXiv 2507.12709), Algorithm 1 (bootstrapped drift):
 *
 * <ol>
 * <li>Input: the singular values at the origin and, for J recorded minibatches, the gradient
 *     projected on the top-k singular pairs, {@code g_k = u_kᵀ G_B v_k}.</li>
 * <li>For each of B replicates, resample the J minibatches with replacement; the drift of rank k
 *     is {@code −η·mean(g_k)} per step (first-order perturbation of s_k under
 *     {@code W ← W − ηG_B}), and, unless D is given, {@code D = η·var(g)/2} with var(g) the
 *     variance of the resampled projections pooled over ranks: under isotropic minibatch noise
 *     every entry of W then diffuses at {@code s² = η²var(g) = 2ηD} per step.</li>
 * <li>Simulate all singular values forward from the origin by the Wishart singular-value
 *     equation with that drift on the top k and none on the rest (docs/physics.md §1: Bru's form by
 *     default, the printed form as {@link org.dysonsim.physics.gas.WishartConvention#OLSEN}), one
 *     SGD step per time unit, with the non-colliding nearest-neighbour-implicit step
 *     ({@link GasStepper}, docs/physics.md §2), cut into sub-steps by {@link #STEPPING} and refined
 *     where a step fails ({@link RefiningStep}).</li>
 * <li>Per horizon and rank, the median and the central {@code level} band of the B values.</li>
 * </ol>
 * Beyond the paper, which assumes isotropic noise: with {@link ForecastSettings#rankDiffusion()}
 * each top-k singular value diffuses with the D measured along its own singular pair, while the
 * Coulomb, image and wall terms — which come from the noise in all the other directions — keep the
 * isotropic D.
 * Randomness: the resampled minibatch i of replicate b is {@code (seed, b, i, RESAMPLE_STEP)}, the
 * path noise {@code (seed, b, level, step)} through GasStepper: a forecast is a pure function of
 * its inputs.
 */
public final class SingularValueForecast {
    public static final long RESAMPLE_STEP = -11;
    /**
     * A step is cut where the gas is dense or the noise large against the spacing (θ = 0.1, the
     * exploration value of docs/physics.md §2): one SGD step can be long for the particle picture.
     */
    public static final StepSizeRule STEPPING = StepSizeRule.adaptive(0.1, 12);

    /** One sub-step per SGD step: the step of {@link #forecastInFrozenBulk}. */
    static final StepSizeRule ONE_SUB_STEP = StepSizeRule.fixed();

    private SingularValueForecast() {}

    /**
     * @param singularValues all singular values at the origin (any order)
     * @param projections    {@code projections[j][k] = u_kᵀ G_B v_k} of recorded minibatch j, rank k (0 = largest)
     * @param horizons       steps after the origin to forecast, ascending, ≥ 1
     */
    public static ForecastBand forecast(double[] singularValues, double[][] projections, long[] horizons, ForecastSettings s) {
        return forecast(singularValues, projections, horizons, s, false);
    }

    /**
     * The same forecast with only the top k values moved, in the frozen field of the others
     * (docs/physics.md §2, <i>Forecasts in a frozen bulk</i>): the bulk's Coulomb and image pull
     * and the wall at 0 enter the top values' drift ({@link Drift.FrozenCharges}), the highest
     * bulk value is a barrier of the Coulomb strength, and each SGD step is one sub-step of the
     * nearest-neighbour-implicit scheme (the SGD form of docs/physics.md §1), refined only where
     * it fails. O(k·n) a step where the whole gas costs O(n²) a sub-step and a dense bulk cuts a
     * step into many sub-steps; for k ≪ n it agrees with {@link #forecast} (test
     * {@code SingularValueForecastTest}).
     */
    public static ForecastBand forecastInFrozenBulk(double[] singularValues, double[][] projections, long[] horizons,
                                                    ForecastSettings s) {
        return forecast(singularValues, projections, horizons, s, true);
    }

    private static ForecastBand forecast(double[] singularValues, double[][] projections, long[] horizons, ForecastSettings s,
                                         boolean frozenBulk) {
        int n = singularValues.length, j = projections.length;
        if (j < 2) throw new IllegalArgumentException("need at least 2 gradient samples, got " + j);
        int k = projections[0].length;
        if (k < 1 || k > n) throw new IllegalArgumentException("top-k must be in 1.." + n + ", got " + k);
        if (frozenBulk && k == n) throw new IllegalArgumentException("a frozen bulk needs fewer top values than values, got " + k);
        for (int h = 0; h < horizons.length; h++) {
            if (horizons[h] < 1 || (h > 0 && horizons[h] <= horizons[h - 1])) throw new IllegalArgumentException("horizons must ascend from 1");
        }
        double allD = Double.isNaN(s.diffusion()) ? diffusionFromGradients(projections, s.learningRate()) : s.diffusion();
        if (!(allD > 0)) throw new IllegalArgumentException("the gradient projections do not vary: D cannot be estimated from them, give it");
        double[] start = singularValues.clone();
        Arrays.sort(start);
        double[][][] values = new double[horizons.length][k][s.replicates()];
        // replicates are independent, each with its own streams: run in parallel, the same bits for any thread count
        IntStream.range(0, s.replicates()).parallel().forEach(b -> replicate(b, start, projections, horizons, s, allD, frozenBulk, values));
        double[][] median = new double[horizons.length][k], lower = new double[horizons.length][k], upper = new double[horizons.length][k];
        double tail = (1 - s.level()) / 2;
        for (int h = 0; h < horizons.length; h++) {
            for (int r = 0; r < k; r++) {
                double[] v = values[h][r];
                Arrays.sort(v);
                median[h][r] = quantile(v, 0.5);
                lower[h][r] = quantile(v, tail);
                upper[h][r] = quantile(v, 1 - tail);
            }
        }
        int[] all = new int[j];
        for (int i = 0; i < j; i++) all[i] = i;
        double[] mean = means(projections, all);
        double[] drift = new double[k];
        for (int r = 0; r < k; r++) drift[r] = -s.learningRate() * mean[r];
        return new ForecastBand(horizons.clone(), median, lower, upper, drift, allD, s.level());
    }

    /** Replicate b: resampled minibatches, its gas moved to every horizon; its top-k values into {@code values[h][r][b]}. */
    private static void replicate(int b, double[] start, double[][] projections, long[] horizons, ForecastSettings s, double allD,
                                  boolean frozenBulk, double[][][] values) {
        int n = start.length, j = projections.length, k = projections[0].length;
        int[] sample = new int[j];
        for (int i = 0; i < j; i++) sample[i] = (int) Math.min(j - 1, Math.floor(CounterRng.uniform(s.seed(), b, i, RESAMPLE_STEP, 0) * j));
        double[] drift = new double[n];
        double[] mean = means(projections, sample);
        for (int r = 0; r < k; r++) drift[n - 1 - r] = -s.learningRate() * mean[r];
        double d = Double.isNaN(s.diffusion()) ? s.learningRate() * pooledVariance(projections, sample, mean) / 2 : s.diffusion();
        if (!(d > 0)) d = allD; // a resample of one repeated minibatch has no spread
        if (frozenBulk) {
            topInFrozenBulk(b, start, drift, k, horizons, s, d, values);
            return;
        }
        GasModel model = gas(s, n, k, d, new Drift.Constant(drift));
        GasStepper stepper = new GasStepper(model, STEPPING, s.seed(), b);
        double[] x = start.clone();
        long step = 0;
        for (int h = 0; h < horizons.length; h++) {
            RefiningStep.advance(stepper, model, STEPPING, x, step, horizons[h], 1.0);
            step = horizons[h];
            for (int r = 0; r < k; r++) values[h][r][b] = x[n - 1 - r];
        }
    }

    /**
     * Replicate b of {@link #forecastInFrozenBulk}: the top k of {@code start} moved with the drift
     * {@code drift[n − k..n − 1]} in the field of the others, held where they are.
     */
    private static void topInFrozenBulk(int b, double[] start, double[] drift, int k, long[] horizons, ForecastSettings s, double d,
                                        double[][][] values) {
        int n = start.length, bulk = n - k;
        GasModel whole = gas(s, n, k, d, new Drift.Zero());
        double coulomb = whole.coulomb()[0], mirror = whole.mirror()[0];
        double[] noise = Arrays.copyOfRange(whole.noise(), bulk, n), coulombs = Arrays.copyOfRange(whole.coulomb(), bulk, n);
        // the highest bulk value pulls like a wall of the Coulomb strength; the rest, their images and the wall at 0 are smooth above it
        Drift field = new Drift.FrozenCharges(Arrays.copyOfRange(drift, bulk, n), coulomb, Arrays.copyOfRange(start, 0, bulk - 1), mirror,
                Arrays.copyOfRange(start, 0, bulk), whole.lower().coefficient());
        GasModel model = new GasModel(noise, coulombs, Arrays.copyOfRange(whole.mirror(), bulk, n), field,
                Wall.barrier(start[bulk - 1], coulomb), Wall.NONE);
        GasStepper stepper = new GasStepper(model, ONE_SUB_STEP, s.seed(), b, bulk); // the noise of the whole gas's top modes
        double[] x = Arrays.copyOfRange(start, bulk, n);
        long step = 0;
        for (int h = 0; h < horizons.length; h++) {
            RefiningStep.advance(stepper, model, ONE_SUB_STEP, x, step, horizons[h], 1.0);
            step = horizons[h];
            for (int r = 0; r < k; r++) values[h][r][b] = x[k - 1 - r];
        }
    }

    /**
     * The whole gas of n singular values at D = {@code d}; with anisotropic noise each top-k value
     * diffuses with its own D, while the interactions keep the isotropic one.
     */
    private static GasModel gas(ForecastSettings s, int n, int k, double d, Drift drift) {
        if (s.rankDiffusion() == null) return s.convention().singularValues(s.rows(), n, s.learningRate() * d, drift);
        double[] top = new double[k];
        for (int r = 0; r < k; r++) top[r] = s.learningRate() * s.rankDiffusion()[r];
        return s.convention().singularValues(s.rows(), n, s.learningRate() * d, top, drift);
    }

    /** D = η·var(g)/2 from all samples: the gradient-noise estimate of step 2. */
    public static double diffusionFromGradients(double[][] projections, double learningRate) {
        int[] all = new int[projections.length];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return learningRate * pooledVariance(projections, all, means(projections, all)) / 2;
    }

    private static double[] means(double[][] g, int[] sample) {
        double[] m = new double[g[0].length];
        for (int i : sample) for (int r = 0; r < m.length; r++) m[r] += g[i][r];
        for (int r = 0; r < m.length; r++) m[r] /= sample.length;
        return m;
    }

    /** Variance about each rank's own mean, pooled over ranks (J − 1 degrees of freedom per rank). */
    private static double pooledVariance(double[][] g, int[] sample, double[] mean) {
        double ss = 0;
        for (int i : sample) for (int r = 0; r < mean.length; r++) ss += (g[i][r] - mean[r]) * (g[i][r] - mean[r]);
        return ss / ((double) mean.length * (sample.length - 1));
    }

    /** Linear interpolation between order statistics (type 7). */
    static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
