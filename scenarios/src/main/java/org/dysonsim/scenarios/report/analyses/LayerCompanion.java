package org.dysonsim.scenarios.report.analyses;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.physics.forecast.SingularValueForecast;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.GasStepper;
import org.dysonsim.physics.gas.NonFiniteStateException;
import org.dysonsim.physics.gas.RefiningStep;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.WishartConvention;
import org.dysonsim.physics.fit.MarchenkoPasturFit;
import org.dysonsim.physics.layers.RandomDistance;
import org.dysonsim.physics.sgd.HeavyBall;
import org.dysonsim.physics.monitor.SpectralDiagnostics;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.physics.sgd.SgdSettings;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.protocol.TrajectoryEvent.GradientRecorded;

/**
 * The particle companion of a real layer: the Coulomb gas of its singular values (docs/physics.md
 * §1, Bru's singular-value equation of a max(rows, cols)-row matrix, one SGD step per time unit)
 * with drift and noise estimated from the layer's gradient records, run at the layer's N =
 * min(rows, cols) from its first recorded spectrum over the run's steps, against the layer at
 * every later record. Between record j and j + 1 the gas holds what record j measured: the drift
 * −η·u_rᵀG_Bv_r of each of the top k values (η = α/(1 − momentum), {@link HeavyBall#effectiveRate}), none
 * for the rest; noise ηD = η²v/(2|B|) per step, with v the projection's per-sample variance for
 * each top-k value and the per-entry variance (pooled over the network's layers) for the rest and
 * for the Coulomb, image and wall terms ({@link WishartConvention#singularValues(int, int, double, double[], Drift)}).
 * One gas step per SGD step ({@link #STEPPING}, refined where a step fails: {@link RefiningStep}); the noise of step s is keyed by (run seed, member, layer, s), so the bits
 * are the same for any thread count. Nothing is fitted to the layer after its first record.
 *
 * <p>Compared at every record: the KS distance and W₁/mean of the nonzero eigenvalues (as the random
 * distance, {@link RandomDistance#between}), the top-k singular values, and the edge of the
 * Marchenko–Pastur law fitted to each bulk ({@link SpectralDiagnostics#bulkFit}; from {@link #MIN_BULK} values).
 *
 * @param note          why there is no companion; null when there is one
 * @param stopped       where and why the gas stopped before the last record (it is compared up to there); null when it did not
 * @param steps         the records' steps (the first is the start, where both agree by construction)
 * @param layerTop      per record the layer's top-k singular values, largest first
 * @param companionTop  the same for the companion
 * @param topNoiseRatio the top-k projections' per-sample variance over the per-entry one, mean over ranks and records
 */
public record LayerCompanion(String layer, int values, int rows, int topK, double learningRate, double momentum, String note,
                             String stopped, long[] steps, double[] ks, double[] w1, double[][] layerTop, double[][] companionTop, double[] layerEdge,
                             double[] companionEdge, double topNoiseRatio) {
    /**
     * One gas step per SGD step, the discrete map the network itself follows (as {@code model = sgd},
     * docs/physics.md §2), refined only where a step fails. The forecast's adaptive rule
     * ({@link SingularValueForecast#STEPPING}) weighs the largest noise of any mode, a top-k one
     * about 100 times the bulk's on mlp-fashion, against the bulk's mean spacing, and cut each step of
     * fc1 (300 values) into 32 or more: 86 s to step 1750 instead of about half a second for 3000.
     */
    static final StepSizeRule STEPPING = StepSizeRule.fixed();
    /** The fewest values whose bulk edge is fitted (as the bulk level statistics test no fewer than 20 levels). */
    public static final int MIN_BULK = 20;
    /** The stream of {@link CounterRng} that draws each layer's companion seed. */
    static final long SEED_STREAM = 0xc0a1a7L;

    static LayerCompanion none(LayerLayout.Layer shape, int topK, double eta, double momentum, String note) {
        int p = Math.min(shape.rows(), shape.cols());
        return new LayerCompanion(shape.name(), p, Math.max(shape.rows(), shape.cols()), Math.min(topK, p), eta, momentum, note, null,
                new long[0], new double[0], new double[0], new double[0][], new double[0][], new double[0], new double[0], Double.NaN);
    }

    /** The KS distance up to which the two spectra agree: two samples of N each, level 1e-4 (docs/physics.md §7). */
    public double ksThreshold() {
        return KolmogorovSmirnov.CRITICAL_1E4 / Math.sqrt(values / 2.0);
    }

    /** Per record, the mean |companion − layer|/layer over the top-k singular values. */
    public double[] topRelativeDifference() {
        double[] out = new double[steps.length];
        for (int k = 0; k < out.length; k++) {
            for (int r = 0; r < topK; r++) out[k] += Math.abs(companionTop[k][r] - layerTop[k][r]) / layerTop[k][r] / topK;
        }
        return out;
    }

    /**
     * One line with numbers: up to which step the spectra agree (KS at most {@link #ksThreshold()}),
     * the distances, top-k values and bulk edges at the last record, and what the gas leaves out.
     */
    public String summaryLine() {
        if (note != null) return note;
        int last = steps.length - 1, firstOff = 1;
        while (firstOff <= last && ks[firstOff] <= ksThreshold()) firstOff++;
        String agreement = ksThreshold() >= 0.9 ? "the KS distance cannot tell " + values + " values from " + values
                + " (threshold " + f(ksThreshold()) + ", two-sample, level 1e-4)"
                : firstOff > last ? "the spectra agree at every record (KS ≤ " + f(ksThreshold()) + ", two-sample, level 1e-4)"
                : "the spectra agree " + (firstOff == 1 ? "at no record after the start" : "up to step " + steps[firstOff - 1])
                        + " (KS ≤ " + f(ksThreshold()) + ", two-sample, level 1e-4), not from step " + steps[firstOff] + " (KS " + f(ks[firstOff]) + ")";
        double relative = topRelativeDifference()[last];
        return agreement + "; at step " + steps[last] + ": KS " + f(ks[last]) + ", W₁/mean " + f(w1[last]) + "; largest singular value "
                + f(layerTop[last][0]) + " (layer) against " + f(companionTop[last][0]) + " (gas), top " + topK + " off by " + f(100 * relative)
                + " % on average; " + (values < MIN_BULK ? "no bulk edge fitted to fewer than " + MIN_BULK + " values"
                        : "fitted bulk edge " + f(layerEdge[last]) + " against " + f(companionEdge[last])) + ". The gas cannot carry:"
                + " a drift for the other " + (values - topK) + " values (the records give it for the top " + topK + " only), noise along"
                + " the top " + topK + " pairs " + f(topNoiseRatio) + "× the per-entry variance (anisotropic; the rest read isotropically"
                + " from the variance pooled over the network's layers), and noise correlated over about " + f(1 / (1 - momentum))
                + " steps by momentum " + f(momentum) + " (the gas draws it afresh every step)" + (stopped == null ? "" : "; " + stopped);
    }

    private static String f(double v) {
        return org.dysonsim.scenarios.report.Decimals.of(v, 3);
    }

    /**
     * Every layer of {@code layout}, each from {@code member}'s records; {@code sgd} null (an import)
     * or records without per-sample variances give each layer a note instead. Layers run in parallel.
     */
    public static List<LayerCompanion> of(LayerLayout layout, int topK, SgdSettings sgd, MemberTrajectory member, long runSeed) {
        int layers = layout.layers().size();
        int[] offsets = new int[layers + 1];
        for (int l = 0; l < layers; l++) {
            LayerLayout.Layer shape = layout.layers().get(l);
            offsets[l + 1] = offsets[l] + Math.min(topK, Math.min(shape.rows(), shape.cols()));
        }
        return IntStream.range(0, layers).parallel().mapToObj(l -> of(layout, l, offsets, topK, sgd, member, runSeed)).toList();
    }

    private static LayerCompanion of(LayerLayout layout, int l, int[] offsets, int topK, SgdSettings sgd, MemberTrajectory member,
                                     long runSeed) {
        LayerLayout.Layer shape = layout.layers().get(l);
        int p = Math.min(shape.rows(), shape.cols()), q = Math.max(shape.rows(), shape.cols()), k = offsets[l + 1] - offsets[l];
        double eta = sgd == null ? Double.NaN : HeavyBall.effectiveRate(sgd);
        double momentum = sgd == null ? Double.NaN : sgd.momentum();
        int records = Math.min(member.values().length, member.gradients().size());
        if (records < 2) return none(shape, topK, eta, momentum, "fewer than 2 records with gradients: no companion");
        List<GradientRecorded> g = member.gradients().subList(0, records);
        for (int j = 0; j < records; j++) {
            GradientRecorded r = g.get(j);
            if (r.step() != member.steps()[j] || r.projections().length != offsets[offsets.length - 1]) {
                return none(shape, topK, eta, momentum, "the gradient records do not hold every layer's top-k projections: no companion");
            }
            if (r.noiseVariance() == 0) return none(shape, topK, eta, momentum, "a gradient record without noise (per-entry variance 0"
                    + " at step " + r.step() + "): no gas");
            boolean finite = Double.isFinite(r.noiseVariance());
            for (int i = 0; i < k; i++) finite &= Double.isFinite(r.projectionVariances()[offsets[l] + i]) && Double.isFinite(r.projections()[offsets[l] + i]);
            if (!finite) {
                return none(shape, topK, eta, momentum, "no per-sample gradient variance recorded (an import, or |B| = 1): no noise"
                        + " estimate, no companion");
            }
        }
        if (sgd == null) return none(shape, topK, eta, momentum, "no learning rate and batch size: no companion");
        long seed = CounterRng.bits(runSeed + ParticleCompanion.SEED_OFFSET, member.member(), l, 0, SEED_STREAM);
        double[] x = singularValues(layout.of(member.values()[0], l), p);
        long[] steps = Arrays.copyOf(member.steps(), records);
        double[] ks = new double[records], w1 = new double[records], layerEdge = new double[records], companionEdge = new double[records];
        double[][] layerTop = new double[records][], companionTop = new double[records][];
        double ratio = 0;
        for (int j = 0; j < records; j++) {
            double[] actual = singularValues(layout.of(member.values()[j], l), p);
            RandomDistance d = RandomDistance.between(squares(actual), squares(x));
            ks[j] = d.ksDistance();
            w1[j] = d.wasserstein();
            layerTop[j] = top(actual, k);
            companionTop[j] = top(x, k);
            layerEdge[j] = bulkEdge(squares(actual), q, p);
            companionEdge[j] = bulkEdge(squares(x), q, p);
            GradientRecorded r = g.get(j);
            for (int i = 0; i < k; i++) ratio += r.projectionVariances()[offsets[l] + i] / r.noiseVariance() / (k * (double) records);
            if (j + 1 == records) break;
            double scale = eta * eta / (2.0 * sgd.batch());
            double[] drift = new double[p], topEtaD = new double[k];
            for (int i = 0; i < k; i++) {
                drift[p - 1 - i] = -eta * r.projections()[offsets[l] + i];
                topEtaD[i] = scale * r.projectionVariances()[offsets[l] + i];
            }
            GasModel model = WishartConvention.BRU.singularValues(q, p, scale * r.noiseVariance(), topEtaD, new Drift.Constant(drift));
            try {
                RefiningStep.advance(new GasStepper(model, STEPPING, seed, member.member()), model, STEPPING, x, steps[j], steps[j + 1], 1.0);
            } catch (NonFiniteStateException e) {
                String stopped = "the gas found no step between steps " + steps[j] + " and " + steps[j + 1] + " (" + e.getMessage()
                        + "): compared up to step " + steps[j] + "; there the top-" + k + " noise is " + f(noiseOverRepulsion(model, k))
                        + "× the repulsion the per-entry variance gives, and a pair whose noise exceeds its repulsion collides in the"
                        + " equation itself (a Bessel pair of dimension 1 + (γ_i + γ_j)/(g_i² + g_j²) below 2, docs/physics.md §1)";
                return new LayerCompanion(shape.name(), p, q, k, eta, momentum, null, stopped, Arrays.copyOf(steps, j + 1),
                        Arrays.copyOf(ks, j + 1), Arrays.copyOf(w1, j + 1), Arrays.copyOf(layerTop, j + 1), Arrays.copyOf(companionTop, j + 1),
                        Arrays.copyOf(layerEdge, j + 1), Arrays.copyOf(companionEdge, j + 1), ratio * records / (j + 1));
            }
        }
        return new LayerCompanion(shape.name(), p, q, k, eta, momentum, null, null, steps, ks, w1, layerTop, companionTop, layerEdge,
                companionEdge, ratio);
    }

    /** The largest g_i²/γ_i of the top k values of {@code model}. */
    static double noiseOverRepulsion(GasModel model, int k) {
        double most = 0;
        for (int i = model.n() - k; i < model.n(); i++) most = Math.max(most, model.noise()[i] / model.coulomb()[i]);
        return most;
    }

    /**
     * The upper edge, in eigenvalues of WᵀW, of the Marchenko–Pastur law fitted to the bulk; NaN
     * without a fit or with fewer than {@link #MIN_BULK} values.
     */
    static double bulkEdge(double[] eigenvalues, int q, int p) {
        if (p < MIN_BULK) return Double.NaN;
        MarchenkoPasturFit fit = SpectralDiagnostics.bulkFit(eigenvalues, q, p);
        return fit == null ? Double.NaN : fit.bulkEdge() * q;
    }

    /** The p largest of a layer's ascending eigenvalues of WᵀW as singular values, ascending. */
    static double[] singularValues(double[] eigenvalues, int p) {
        double[] s = new double[p];
        for (int i = 0; i < p; i++) s[i] = Math.sqrt(Math.max(eigenvalues[eigenvalues.length - p + i], 0.0));
        return s;
    }

    private static double[] squares(double[] s) {
        return Arrays.stream(s).map(v -> v * v).toArray();
    }

    private static double[] top(double[] ascending, int k) {
        double[] out = new double[k];
        for (int r = 0; r < k; r++) out[r] = ascending[ascending.length - 1 - r];
        return out;
    }
}
