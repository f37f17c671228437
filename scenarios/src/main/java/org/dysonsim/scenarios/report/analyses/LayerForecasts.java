package org.dysonsim.scenarios.report.analyses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.physics.forecast.SingularValueForecast;
import org.dysonsim.physics.gas.WishartConvention;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.physics.sgd.HeavyBall;
import org.dysonsim.physics.sgd.SgdSettings;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.protocol.TrajectoryEvent.GradientRecorded;
import org.dysonsim.scenarios.report.analyses.ForecastCheck.MemberForecast;
import org.dysonsim.scenarios.report.analyses.ForecastCheck.Summary;

/**
 * The forecast of each layer's top-k singular values from its gradients (Olsen et al., Algorithm 1,
 * made as {@link ForecastCheck} makes it for a matrix run) from several origins during training:
 * at {@link #ORIGINS} of the records, each calibrated on up to {@link ForecastCheck#CALIBRATION}
 * records up to it, to every later record; an origin without 2 records up to it or one after it is
 * left out. Per layer and origin, over the first {@link ForecastCheck#MEMBERS} members and the
 * layer's ranks: per horizon the mean relative error of the forecast median and of persistence
 * (the value at the origin), the coverage of the {@link ForecastCheck#LEVEL} band and its mean
 * relative width.
 *
 * <p>A layer W is rows×cols; its min(rows, cols) singular values move by the Wishart
 * singular-value equation of a max(rows, cols)-row matrix (transposing W changes neither them nor
 * the projections u_kᵀGv_k). The isotropic D comes from the recorded per-entry gradient variance,
 * pooled over the network's layers; each top-k value's D from its own projection variance. Under
 * heavy-ball momentum β the learning rate is α/(1 − β) ({@link HeavyBall}): from a settled
 * velocity the mean step is that of plain SGD at this rate at every horizon, and the variance
 * of the summed noise falls short of it by at most 2β/(1 − β²) steps (4 % at the 250 steps of
 * mlp-fashion's records, docs/physics.md §5). The forecast of (member, layer, origin) is seeded
 * from the run seed, the member, the layer and the origin record, so it is the same for any
 * thread count.
 *
 * <p>Cost: the whole gas of a dense bulk is cut into many sub-steps per SGD step (docs/physics.md
 * §2): about 14 s per replicate over 1000 steps for the 300 values of a 784×300 layer. A layer of
 * up to {@link #WHOLE_GAS_UP_TO} singular values is forecast with the whole gas; a larger one with
 * its top k values moved in its frozen bulk ({@link SingularValueForecast#forecastInFrozenBulk}),
 * O(k·n) a step. Each with {@link #REPLICATES} replicates, to {@link #HORIZON_RECORDS} records
 * after its origin at most.
 *
 * @param layer   the layer's name
 * @param values  the layer's nonzero singular values, min(rows, cols)
 * @param origins the forecasts made, ascending in origin
 */
public record LayerForecasts(String layer, int values, double learningRate, List<Origin> origins) {
    /** The most singular values of a layer whose forecast moves them all; above, the bulk is frozen. */
    public static final int WHOLE_GAS_UP_TO = 128;
    /** Bootstrap replicates per forecast: the 90 % band's ends are interpolated between order statistics of this many. */
    public static final int REPLICATES = 20;
    /** Records after its origin a forecast runs to: its cost grows with the farthest horizon. */
    public static final int HORIZON_RECORDS = 4;
    /** Where the origins lie, as fractions of the records. */
    public static final double[] ORIGINS = {0.25, 0.5, 0.75};
    /** The stream of {@link CounterRng} that draws each forecast's seed. */
    static final long SEED_STREAM = 0x1a7e5L;

    /**
     * The forecasts from record {@code record} (step {@code step}), calibrated on
     * {@code calibration} records, with their summary.
     */
    public record Origin(int record, long step, int calibration, long[] horizons, Summary summary) {
        /** Per horizon: whether the forecast median's mean relative error is below that of persistence. */
        public boolean[] beatsPersistence() {
            double[] f = summary.relativeErrorByHorizon(), p = summary.persistenceErrorByHorizon();
            boolean[] out = new boolean[f.length];
            for (int h = 0; h < f.length; h++) out[h] = f[h] < p[h];
            return out;
        }

        /** The longest horizon up to which the forecast beats persistence at every horizon; 0 when it loses at the first. */
        public long beatsPersistenceUpTo() {
            boolean[] beats = beatsPersistence();
            long up = 0;
            for (int h = 0; h < beats.length && beats[h]; h++) up = horizons[h];
            return up;
        }
    }

    /** One line: the horizons at which the forecast beats persistence from every origin. */
    public String summaryLine() {
        if (origins.isEmpty()) return "no forecast: no origin has 2 records up to it and one after it";
        long every = origins.stream().mapToLong(Origin::beatsPersistenceUpTo).min().orElse(0);
        if (every > 0) return "forecast beats persistence at horizons ≤ " + every + " steps from every origin";
        long wins = 0, all = 0;
        for (Origin o : origins) {
            for (boolean b : o.beatsPersistence()) {
                wins += b ? 1 : 0;
                all++;
            }
        }
        return wins == 0 ? "does not beat persistence at any horizon from any origin"
                : "does not beat persistence at the first horizon from every origin (beats it at " + wins + " of " + all
                        + " origin-horizon pairs)";
    }

    /**
     * Every layer of {@code layout}; each gradient record of a member holds, layer after layer, each
     * layer's top min(topK, rows, cols) values (a layer whose records do not is given no origin).
     */
    public static List<LayerForecasts> of(LayerLayout layout, int topK, SgdSettings sgd, List<MemberTrajectory> members,
                                          long runSeed) {
        List<MemberTrajectory> used = members.stream().filter(m -> m.values().length > 0).limit(ForecastCheck.MEMBERS).toList();
        int records = used.stream().mapToInt(m -> Math.min(m.values().length, m.gradients().size())).min().orElse(0);
        int[] origins = originRecords(records);
        int layers = layout.layers().size();
        int[] ranks = new int[layers], offsets = new int[layers + 1];
        for (int l = 0; l < layers; l++) {
            LayerLayout.Layer shape = layout.layers().get(l);
            ranks[l] = Math.min(topK, Math.min(shape.rows(), shape.cols()));
            offsets[l + 1] = offsets[l] + ranks[l];
        }
        boolean recorded = used.stream().allMatch(m -> m.gradients().stream().limit(records)
                .allMatch(g -> g.singularValues().length == offsets[layers] && g.projections().length == offsets[layers]));
        double eta = HeavyBall.effectiveRate(sgd);
        // one task per (layer, origin, member): pure functions of their inputs, gathered in order
        int perLayer = origins.length * used.size();
        List<Optional<MemberForecast>> done = IntStream.range(0, recorded ? layers * perLayer : 0).parallel().mapToObj(i -> {
            int l = i / perLayer, o = i % perLayer / used.size(), m = i % used.size();
            return forecast(layout, l, offsets[l], ranks[l], used.get(m), records, origins[o], eta, sgd.batch(), runSeed);
        }).toList();
        List<LayerForecasts> out = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            List<Origin> made = new ArrayList<>();
            for (int o = 0; o < origins.length && recorded; o++) {
                List<MemberForecast> f = new ArrayList<>();
                for (int m = 0; m < used.size(); m++) done.get(l * perLayer + o * used.size() + m).ifPresent(f::add);
                if (f.isEmpty()) continue;
                Summary s = ForecastCheck.summary(f);
                long[] horizons = Arrays.copyOf(f.get(0).horizons(), s.coverageByHorizon().length);
                int calibration = origins[o] + 1 - Math.max(0, origins[o] - ForecastCheck.CALIBRATION + 1);
                made.add(new Origin(origins[o], f.get(0).originStep(), calibration, horizons, s));
            }
            out.add(new LayerForecasts(layout.layers().get(l).name(), values(layout.layers().get(l)), eta, List.copyOf(made)));
        }
        return out;
    }

    /** Whether a layer of {@code values} singular values is forecast in its frozen bulk. */
    public static boolean frozenBulk(int values) {
        return values > WHOLE_GAS_UP_TO;
    }

    private static int values(LayerLayout.Layer layer) {
        return Math.min(layer.rows(), layer.cols());
    }

    /** The records at {@link #ORIGINS} of {@code records}, each with 2 records up to it and one after it, distinct. */
    static int[] originRecords(int records) {
        return Arrays.stream(ORIGINS).mapToInt(f -> (int) Math.round(f * (records - 1)))
                .filter(k -> k >= 1 && k + 1 < records).distinct().toArray();
    }

    private static Optional<MemberForecast> forecast(LayerLayout layout, int l, int offset, int k, MemberTrajectory m, int records,
                                                     int origin, double eta, int batch, long runSeed) {
        LayerLayout.Layer shape = layout.layers().get(l);
        int last = Math.min(records, origin + 1 + HORIZON_RECORDS);
        List<GradientRecorded> layer = new ArrayList<>(last);
        for (GradientRecorded g : m.gradients().subList(0, last)) {
            layer.add(new GradientRecorded(g.step(), g.t(), g.loss(), Arrays.copyOfRange(g.singularValues(), offset, offset + k),
                    Arrays.copyOfRange(g.projections(), offset, offset + k),
                    Arrays.copyOfRange(g.projectionVariances(), offset, offset + k), g.noiseVariance()));
        }
        double[] eigenvalues = layout.of(m.values()[origin], l);
        int p = values(shape);
        double[] s = new double[p];
        for (int i = 0; i < p; i++) s[i] = Math.sqrt(Math.max(eigenvalues[eigenvalues.length - p + i], 0.0));
        long seed = CounterRng.bits(runSeed + ForecastCheck.SEED_OFFSET, m.member(), l, origin, SEED_STREAM);
        return ForecastCheck.forecastFrom(m.member(), layer, m.steps(), origin, s,
                new ForecastCheck.Training(eta, batch, Math.max(shape.rows(), shape.cols()), WishartConvention.BRU, REPLICATES,
                        frozenBulk(p)), seed);
    }
}
