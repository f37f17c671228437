package org.dysonsim.scenarios.report.analyses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.physics.sgd.SgdSettings;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.protocol.TrajectoryEvent.GradientRecorded;
import org.junit.jupiter.api.Test;

/**
 * The per-layer forecast from origins during training on synthetic gradient records of a 5-20-3
 * network's two layers (the second with fewer rows than columns): top-2 singular values that move as the projections imply
 * (drift −η·mean(g) per step, minibatch noise of variance η²v/|B| per step), and ones that do not move.
 */
public class LayerForecastsTest {
    public static final LayerLayout LAYOUT = new LayerLayout(List.of(new LayerLayout.Layer("wide", 20, 5),
            new LayerLayout.Layer("narrow", 3, 20)));
    public static final int TOP_K = 2, RECORDS = 21, EVERY = 5, MEMBERS = 8;
    /** Effective learning rate α/(1 − momentum) = 0.1. */
    public static final SgdSettings SGD = new SgdSettings(0.05, 10, 0.5);
    static final double ETA = 0.1, V = 1.0, MU = -1.0;

    /**
     * Members whose top-2 values of every layer drift by −η·μ per step ({@code moving}) or stand
     * still, with gradient records whose projections are μ (0 when still) plus minibatch noise.
     */
    public static List<MemberTrajectory> members(boolean moving, long seed) {
        List<MemberTrajectory> out = new ArrayList<>();
        double mu = moving ? MU : 0;
        double projectionSd = Math.sqrt(V / SGD.batch());
        for (int m = 0; m < MEMBERS; m++) {
            double[][] top = {{10, 8}, {6, 4.5}};
            long[] steps = new long[RECORDS];
            double[] times = new double[RECORDS];
            double[][] values = new double[RECORDS][];
            List<GradientRecorded> gradients = new ArrayList<>();
            for (int k = 0; k < RECORDS; k++) {
                steps[k] = (long) k * EVERY;
                times[k] = steps[k] * SGD.alpha();
                values[k] = snapshot(top);
                double[] sigma = {top[0][0], top[0][1], top[1][0], top[1][1]};
                double[] projections = new double[4], variances = new double[4];
                for (int i = 0; i < 4; i++) {
                    projections[i] = mu + projectionSd * CounterRng.gaussian(seed, m, i, steps[k], 1);
                    variances[i] = V;
                }
                gradients.add(new GradientRecorded(steps[k], times[k], 1.0, sigma, projections, variances, V / 10));
                for (int step = 0; moving && step < EVERY; step++) {
                    for (int l = 0; l < 2; l++) {
                        for (int r = 0; r < TOP_K; r++) {
                            double noise = ETA * projectionSd * CounterRng.gaussian(seed, m, 2 * l + r, steps[k] + step, 2);
                            top[l][r] += -ETA * mu + noise;
                        }
                    }
                }
            }
            out.add(new MemberTrajectory(m, steps, times, values, gradients));
        }
        return out;
    }

    /** The eigenvalues of WᵀW, layer after layer, ascending: a fixed bulk (zeros for the narrow layer) below the top values. */
    private static double[] snapshot(double[][] top) {
        double[] v = new double[25];
        for (int i = 0; i < 3; i++) v[i] = Math.pow(0.5 + 0.5 * i, 2);
        v[3] = top[0][1] * top[0][1];
        v[4] = top[0][0] * top[0][0];
        v[22] = 1.0; // narrow: 17 zeros, then its 3 nonzero values
        v[23] = top[1][1] * top[1][1];
        v[24] = top[1][0] * top[1][0];
        return v;
    }

    @Test
    void originsDuringTrainingNeedTwoRecordsUpToThemAndOneAfter() {
        assertArrayEquals(new int[] {3, 6, 9}, LayerForecasts.originRecords(13));
        assertArrayEquals(new int[] {1, 2}, LayerForecasts.originRecords(4), "0.25·3 rounds to 1, 0.5·3 and 0.75·3 to 2");
        assertArrayEquals(new int[] {}, LayerForecasts.originRecords(2));
    }

    /**
     * A layer of more than {@link LayerForecasts#WHOLE_GAS_UP_TO} values is forecast too, in its frozen
     * bulk: 160 values, a bulk spread over [0.5, 1.5] and top-2 values that drift as their projections say.
     */
    @Test
    void aLayerAboveTheWholeGasSizeIsForecastInItsFrozenBulk() {
        int n = 160;
        LayerLayout layout = new LayerLayout(List.of(new LayerLayout.Layer("fc1", 400, n)));
        assertTrue(LayerForecasts.frozenBulk(n) && !LayerForecasts.frozenBulk(LayerForecasts.WHOLE_GAS_UP_TO));
        List<MemberTrajectory> members = new ArrayList<>();
        for (int m = 0; m < 2; m++) {
            double[] top = {6, 4};
            long[] steps = new long[RECORDS];
            double[] times = new double[RECORDS];
            double[][] values = new double[RECORDS][n];
            List<GradientRecorded> gradients = new ArrayList<>();
            for (int k = 0; k < RECORDS; k++) {
                steps[k] = (long) k * EVERY;
                times[k] = steps[k] * SGD.alpha();
                for (int i = 0; i < n - 2; i++) values[k][i] = Math.pow(0.5 + i / (n - 2.0), 2);
                values[k][n - 2] = top[1] * top[1];
                values[k][n - 1] = top[0] * top[0];
                double[] projections = {MU + 0.3 * CounterRng.gaussian(4, m, 0, k, 0), MU + 0.3 * CounterRng.gaussian(4, m, 1, k, 0)};
                gradients.add(new GradientRecorded(steps[k], times[k], 1.0, top.clone(), projections, new double[] {V, V}, V / 10));
                top[0] -= ETA * MU * EVERY;
                top[1] -= ETA * MU * EVERY;
            }
            members.add(new MemberTrajectory(m, steps, times, values, gradients));
        }
        LayerForecasts layer = LayerForecasts.of(layout, TOP_K, SGD, members, 5).get(0);
        assertEquals(n, layer.values());
        assertEquals(3, layer.origins().size());
        for (LayerForecasts.Origin o : layer.origins()) assertEquals(2, o.summary().members());
        assertTrue(layer.summaryLine().startsWith("forecast beats persistence at horizons ≤ 20 steps"), layer.summaryLine());
    }

    @Test
    void valuesThatFollowTheProjectionsDriftAreForecastBetterThanPersistenceAndCovered() {
        List<LayerForecasts> layers = LayerForecasts.of(LAYOUT, TOP_K, SGD, members(true, 21), 5);
        assertEquals(2, layers.size());
        for (LayerForecasts layer : layers) {
            assertEquals(ETA, layer.learningRate(), 1e-12);
            assertEquals(List.of(5, 10, 15), layer.origins().stream().map(LayerForecasts.Origin::record).toList(), layer.layer());
            assertEquals(List.of(6, 10, 10), layer.origins().stream().map(LayerForecasts.Origin::calibration).toList());
            for (LayerForecasts.Origin o : layer.origins()) {
                ForecastCheck.Summary s = o.summary();
                assertEquals(MEMBERS, s.members());
                assertEquals(Math.min(LayerForecasts.HORIZON_RECORDS, RECORDS - 1 - o.record()), o.horizons().length);
                int last = o.horizons().length - 1;
                // the drift moves σ by 0.1 a step: persistence is off by about that times the horizon
                assertTrue(s.relativeErrorByHorizon()[last] < 0.5 * s.persistenceErrorByHorizon()[last],
                        layer.layer() + " origin " + o.record() + ": " + s.relativeErrorByHorizon()[last] + " vs "
                                + s.persistenceErrorByHorizon()[last]);
                // a bootstrap of few records is narrower than the drift's uncertainty: short calibrations cover less
                assertTrue(s.coverage() > 0.6, layer.layer() + " origin " + o.record() + " coverage " + s.coverage());
            }
            assertTrue(layer.origins().stream().allMatch(o -> o.beatsPersistenceUpTo() == o.horizons()[o.horizons().length - 1]),
                    layer.summaryLine());
            assertTrue(layer.summaryLine().startsWith("forecast beats persistence at horizons ≤ 20 steps"), layer.summaryLine());
        }
        double pooled = layers.stream().flatMap(l -> l.origins().stream()).filter(o -> o.calibration() == ForecastCheck.CALIBRATION)
                .mapToDouble(o -> o.summary().coverage()).average().orElseThrow();
        assertEquals(0.9, pooled, 0.06, "coverage over layers and the origins of a full calibration");
    }

    @Test
    void valuesThatDoNotMoveAreForecastExactlyOnlyByPersistence() {
        for (LayerForecasts layer : LayerForecasts.of(LAYOUT, TOP_K, SGD, members(false, 22), 5)) {
            assertEquals(3, layer.origins().size());
            for (LayerForecasts.Origin o : layer.origins()) {
                for (double e : o.summary().persistenceErrorByHorizon()) assertEquals(0.0, e, 0.0);
                for (double e : o.summary().relativeErrorByHorizon()) assertTrue(e > 0, "the forecast's noise moves its median");
                assertEquals(0, o.beatsPersistenceUpTo());
            }
            assertEquals("does not beat persistence at any horizon from any origin", layer.summaryLine());
        }
    }

    @Test
    void theForecastsAreTheSameOnOneThread() throws Exception {
        List<MemberTrajectory> members = members(true, 23).subList(0, 1);
        List<LayerForecasts> common = LayerForecasts.of(LAYOUT, TOP_K, SGD, members, 9);
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            List<LayerForecasts> single = one.submit(() -> LayerForecasts.of(LAYOUT, TOP_K, SGD, members, 9)).get();
            for (int l = 0; l < common.size(); l++) {
                for (int o = 0; o < common.get(l).origins().size(); o++) {
                    ForecastCheck.Summary a = common.get(l).origins().get(o).summary(), b = single.get(l).origins().get(o).summary();
                    assertArrayEquals(a.relativeErrorByHorizon(), b.relativeErrorByHorizon(), 0.0);
                    assertArrayEquals(a.relativeWidthByHorizon(), b.relativeWidthByHorizon(), 0.0);
                }
            }
        } finally {
            one.shutdown();
        }
    }
}
