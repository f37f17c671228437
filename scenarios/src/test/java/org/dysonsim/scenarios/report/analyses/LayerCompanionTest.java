package org.dysonsim.scenarios.report.analyses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.physics.forecast.SingularValueForecast;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.GasStepper;
import org.dysonsim.physics.gas.RefiningStep;
import org.dysonsim.physics.gas.WishartConvention;
import org.dysonsim.physics.sgd.SgdSettings;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.protocol.TrajectoryEvent.GradientRecorded;
import org.junit.jupiter.api.Test;

/**
 * The companion of a layer whose recorded trajectory the singular-value gas itself made, with a
 * known drift on the top 2 values and known noise: a 40×12 layer, 200 steps recorded every 20,
 * the records holding the drift's projection and the noise's variances exactly. The companion's
 * path and the layer's are then two independent paths of one gas from one start: their top-k
 * values differ by noise of variance 2·(2ηD_top)·T, with ηD_top = η²v/(2|B|).
 */
class LayerCompanionTest {
    static final LayerLayout LAYOUT = new LayerLayout(List.of(new LayerLayout.Layer("fc", 40, 12)));
    static final SgdSettings SGD = new SgdSettings(0.05, 10, 0.5); // η = α/(1 − β) = 0.1
    static final double ETA = 0.1, V_TOP = 1.0, V_ENTRY = 0.1, MU = -1.0;
    static final int K = 2, STEPS = 200, EVERY = 20, MEMBERS = 32, P = 12, Q = 40;

    /** The layer's own path: the gas with drift −ημ on its top 2 values, recorded with projections {@code recordedMu}. */
    static MemberTrajectory member(int m, double recordedMu) {
        double[] x = new double[P];
        for (int i = 0; i < P - K; i++) x[i] = 1.0 + 0.1 * i;
        x[P - 2] = 4.0;
        x[P - 1] = 6.0;
        double scale = ETA * ETA / (2.0 * SGD.batch());
        double[] drift = new double[P];
        drift[P - 1] = drift[P - 2] = -ETA * MU;
        GasModel model = WishartConvention.BRU.singularValues(Q, P, scale * V_ENTRY, new double[] {scale * V_TOP, scale * V_TOP},
                new Drift.Constant(drift));
        GasStepper stepper = new GasStepper(model, SingularValueForecast.STEPPING, 99, m);
        int records = STEPS / EVERY + 1;
        long[] steps = new long[records];
        double[] times = new double[records];
        double[][] values = new double[records][];
        List<GradientRecorded> gradients = new ArrayList<>();
        for (int j = 0; j < records; j++) {
            steps[j] = (long) j * EVERY;
            times[j] = steps[j] * SGD.alpha();
            values[j] = new double[P];
            for (int i = 0; i < P; i++) values[j][i] = x[i] * x[i];
            gradients.add(new GradientRecorded(steps[j], times[j], 1.0, new double[] {x[P - 1], x[P - 2]},
                    new double[] {recordedMu, recordedMu}, new double[] {V_TOP, V_TOP}, V_ENTRY));
            if (j + 1 < records) RefiningStep.advance(stepper, model, SingularValueForecast.STEPPING, x, steps[j], steps[j] + EVERY, 1.0);
        }
        return new MemberTrajectory(m, steps, times, values, gradients);
    }

    /** Per member and rank, companion − layer in the top-k singular values at the last record. */
    static double[] lastDifferences(double recordedMu, int members) {
        double[] out = new double[members * K];
        for (int m = 0; m < members; m++) {
            LayerCompanion c = LayerCompanion.of(LAYOUT, K, SGD, member(m, recordedMu), 5).get(0);
            assertNull(c.note(), c.note());
            int last = c.steps().length - 1;
            for (int r = 0; r < K; r++) out[m * K + r] = c.companionTop()[last][r] - c.layerTop()[last][r];
        }
        return out;
    }

    @Test
    void aTrajectoryOfTheGasItselfIsMatchedWithinItsNoise() {
        double[] d = lastDifferences(MU, MEMBERS);
        double expected = 2 * 2 * (ETA * ETA * V_TOP / (2.0 * SGD.batch())) * STEPS; // two independent paths
        double mean = 0, ss = 0;
        for (double v : d) mean += v / d.length;
        for (double v : d) ss += (v - mean) * (v - mean);
        double variance = ss / (d.length - 1);
        assertTrue(Math.abs(mean) < 5 * Math.sqrt(expected / d.length), "mean difference " + mean + " against sd " + Math.sqrt(expected));
        // the sample variance over its expectation is χ²_f/f, f = n − 1: its 1e-4 and 1 − 1e-4 quantiles (Wilson–Hilferty)
        int f = d.length - 1;
        double z = 3.719, a = 2.0 / (9 * f);
        double lower = Math.pow(1 - a - z * Math.sqrt(a), 3), upper = Math.pow(1 - a + z * Math.sqrt(a), 3);
        assertTrue(variance / expected > lower && variance / expected < upper,
                "variance " + variance + " against " + expected + ": ratio outside [" + lower + ", " + upper + "]");
        LayerCompanion one = LayerCompanion.of(LAYOUT, K, SGD, member(0, MU), 5).get(0);
        for (int j = 0; j < one.steps().length; j++) assertTrue(one.ks()[j] <= one.ksThreshold(), "record " + j + ": KS " + one.ks()[j]);
        assertEquals(0.0, one.ks()[0], "the companion starts on the layer's first spectrum");
        assertTrue(one.summaryLine().startsWith("the KS distance cannot tell 12 values from 12"), one.summaryLine());
        assertTrue(Double.isNaN(one.layerEdge()[0]) && Double.isNaN(one.companionEdge()[0]), "no bulk fitted to 12 values");
        assertEquals(V_TOP / V_ENTRY, one.topNoiseRatio(), 1e-9);
    }

    @Test
    void recordsThatMissTheDriftPutTheCompanionFarOff() {
        double[] d = lastDifferences(0.0, 4);
        double expected = 2 * 2 * (ETA * ETA * V_TOP / (2.0 * SGD.batch())) * STEPS;
        double mean = 0;
        for (double v : d) mean += v / d.length;
        // the layer moved by −ημ·T = 20, the companion without that drift did not
        assertTrue(mean < -5 * Math.sqrt(expected), "mean difference " + mean);
        // two outliers of 12 values move the KS distance by 2/12 at most, below its threshold at N = 12: the top-k say it
        LayerCompanion off = LayerCompanion.of(LAYOUT, K, SGD, member(0, 0.0), 5).get(0);
        assertTrue(off.topRelativeDifference()[off.steps().length - 1] > 0.5, off.summaryLine());
    }

    @Test
    void theSameBitsOnAnyNumberOfThreads() throws Exception {
        LayerLayout two = new LayerLayout(List.of(new LayerLayout.Layer("a", 40, 12), new LayerLayout.Layer("b", 40, 12)));
        MemberTrajectory m = member(3, MU);
        MemberTrajectory doubled = new MemberTrajectory(3, m.steps(), m.times(),
                java.util.Arrays.stream(m.values()).map(v -> concat(v, v)).toArray(double[][]::new),
                m.gradients().stream().map(g -> new GradientRecorded(g.step(), g.t(), g.loss(), concat(g.singularValues(), g.singularValues()),
                        concat(g.projections(), g.projections()), concat(g.projectionVariances(), g.projectionVariances()), g.noiseVariance()))
                        .toList());
        List<LayerCompanion> one = new ForkJoinPool(1).submit(() -> LayerCompanion.of(two, K, SGD, doubled, 5)).get();
        List<LayerCompanion> three = new ForkJoinPool(3).submit(() -> LayerCompanion.of(two, K, SGD, doubled, 5)).get();
        for (int l = 0; l < 2; l++) {
            assertArrayEquals(one.get(l).ks(), three.get(l).ks());
            assertArrayEquals(one.get(l).companionTop(), three.get(l).companionTop());
        }
        // each layer draws its own noise
        assertTrue(one.get(0).companionTop()[one.get(0).steps().length - 1][0] != one.get(1).companionTop()[one.get(1).steps().length - 1][0]);
    }

    @Test
    void recordsWithoutPerSampleVariancesOrRatesGiveANote() {
        MemberTrajectory m = member(0, MU);
        MemberTrajectory imported = new MemberTrajectory(0, m.steps(), m.times(), m.values(), m.gradients().stream()
                .map(g -> new GradientRecorded(g.step(), g.t(), g.loss(), g.singularValues(), g.projections(), new double[] {Double.NaN, Double.NaN},
                        Double.NaN)).toList());
        assertTrue(LayerCompanion.of(LAYOUT, K, SGD, imported, 5).get(0).summaryLine().startsWith("no per-sample gradient variance"));
        assertTrue(LayerCompanion.of(LAYOUT, K, null, m, 5).get(0).summaryLine().startsWith("no learning rate"));
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
