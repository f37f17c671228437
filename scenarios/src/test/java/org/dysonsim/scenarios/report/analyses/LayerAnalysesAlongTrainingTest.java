package org.dysonsim.scenarios.report.analyses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.physics.init.RandomTridiagonals;
import org.dysonsim.physics.layers.BulkLevelStatistics;
import org.dysonsim.physics.tails.TailAnalysis;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.protocol.TrajectoryEvent;
import org.junit.jupiter.api.Test;

class LayerAnalysesAlongTrainingTest {
    static final int ROWS = 784, COLS = 300, RECORDS = 1000, GROWN = 500;

    /**
     * A 784×300 layer over 1000 records: a Gaussian layer's spectrum whose top 30 eigenvalues are
     * stretched, more every record up to record 500 and then held, into a tail up to 20 bulk edges out.
     */
    static MemberTrajectory trajectory() {
        long[] steps = new long[RECORDS];
        double[] times = new double[RECORDS];
        double[][] values = new double[RECORDS][];
        List<TrajectoryEvent.NetworkMetricsRecorded> metrics = new ArrayList<>();
        double[] gaussian = RandomTridiagonals.laguerre(ROWS, COLS, 1.0, 3, 0);
        for (int k = 0; k < RECORDS; k++) {
            steps[k] = 10L * k;
            times[k] = k;
            double[] lambda = gaussian.clone();
            double grown = Math.min(k, GROWN) / (double) GROWN;
            for (int j = 0; j < 30; j++) lambda[COLS - 1 - j] *= 1 + 19 * grown * Math.pow(1 - j / 30.0, 3);
            values[k] = lambda;
            metrics.add(new TrajectoryEvent.NetworkMetricsRecorded(steps[k], k, 1, 1, 0.85 * (1 - Math.exp(-k / 100.0))));
        }
        return new MemberTrajectory(0, steps, times, values, List.of(), metrics);
    }

    /** The analyses of a 1000-record trajectory take seconds: measured 3.5 s on the shared 2-core machine (metrics at 200 records 1.8 s, tails at 12 records 1.2 s), 10 s at a load average of 18. */
    @Test
    void aThousandRecordsOfA784By300LayerAreAnalysedInSeconds() {
        MemberTrajectory member = trajectory();
        LayerLayout layout = new LayerLayout(List.of(new LayerLayout.Layer("fc1", ROWS, COLS)));
        long start = System.nanoTime();
        LayerMetricsAlongTraining metrics = LayerMetricsAlongTraining.of(layout, member).get(0);
        long afterMetrics = System.nanoTime();
        LayerTailsAlongTraining tails = LayerTailsAlongTraining.of(layout, member, 5).get(0);
        long afterTails = System.nanoTime();
        BulkSpacingsAlongTraining spacings = BulkSpacingsAlongTraining.of(layout, member).get(0);
        StoppingAgainstPlateau stop = StoppingAgainstPlateau.of(metrics, COLS, member);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("1000 records of 784x300: metrics %.1f s, tails %.1f s, spacings and stopping %.1f s%n",
                (afterMetrics - start) / 1e9, (afterTails - afterMetrics) / 1e9, (System.nanoTime() - afterTails) / 1e9);
        assertTrue(seconds < 60, "took " + seconds + " s");

        assertEquals(LayerTailsAlongTraining.TESTED_RECORDS, tails.steps().length);
        assertEquals(0, tails.steps()[0]);
        assertEquals(10L * (RECORDS - 1), tails.steps()[tails.steps().length - 1]);
        BulkLevelStatistics first = spacings.bulk().get(0);
        assertTrue(first.goe() && !first.poisson(), "a Gaussian layer's bulk repels like the GOE: " + first);
        assertTrue(spacings.bulk().get(spacings.bulk().size() - 1).goe(), "the stretched tail leaves the bulk's spacings alone");
        // the spectrum is held from record 500 (step 5000) on: α is stable there, so the signal fires by then
        assertTrue(stop.signalled() && stop.signalStep() <= 10L * GROWN + 250, "signal at " + stop.signalStep());
        // 0.85(1 − e^{−k/100}) is within 0.02 of its final value from k = 100 ln(0.85/0.02) ≈ 375 on
        assertEquals(10L * 375, stop.plateauStep());
        assertEquals(stop.signalStep() - stop.plateauStep(), stop.lag());
    }

    @Test
    void thePlateauIsTheFirstRecordFromWhichTheAccuracyStaysNearItsFinalValue() {
        long[] steps = {0, 10, 20, 30, 40, 50};
        assertEquals(30, StoppingAgainstPlateau.plateauStep(steps, new double[] {0.1, 0.5, 0.80, 0.84, 0.85, 0.845}));
        assertEquals(40, StoppingAgainstPlateau.plateauStep(steps, new double[] {0.1, 0.5, 0.83, 0.80, 0.85, 0.845}),
                "a later dip beyond the tolerance moves the plateau past it: 0.80 is 0.045 from 0.845");
        assertEquals(-1, StoppingAgainstPlateau.plateauStep(steps, new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}),
                "still climbing at the end: no plateau");
        assertEquals(-1, StoppingAgainstPlateau.plateauStep(new long[] {0}, new double[] {0.5}));
    }

    @Test
    void theTailVerdictsAreTheSameOnOneThreadAndOnThree() {
        double[][] values = new double[3][];
        for (int k = 0; k < values.length; k++) {
            values[k] = RandomTridiagonals.laguerre(400, 100, 1.0, 4, k);
            for (int j = 0; j < 10; j++) values[k][99 - j] *= 1 + k * (10 - j);
        }
        MemberTrajectory member = new MemberTrajectory(0, new long[] {0, 5, 10}, new double[] {0, 1, 2}, values);
        LayerLayout layout = new LayerLayout(List.of(new LayerLayout.Layer("fc", 400, 100)));
        List<TailAnalysis> one = LayerTailsAlongTraining.of(layout, member, 9, 1).get(0).tails();
        List<TailAnalysis> three = LayerTailsAlongTraining.of(layout, member, 9, 3).get(0).tails();
        for (int k = 0; k < values.length; k++) {
            assertEquals(one.get(k).bootstrap().pValue(), three.get(k).bootstrap().pValue(), "record " + k);
            assertEquals(one.get(k).verdict(), three.get(k).verdict(), "record " + k);
        }
        assertNotEquals(one.get(0).bootstrap(), LayerTailsAlongTraining.of(layout, member, 10, 1).get(0).tails().get(0).bootstrap(),
                "another run seed draws other sets");
    }

    @Test
    void aLayerTooSmallForTheTestsGetsNoneAndSaysSo() {
        double[] lambda = RandomTridiagonals.laguerre(100, 8, 1.0, 3, 0);
        MemberTrajectory member = new MemberTrajectory(0, new long[] {0}, new double[] {0}, new double[][] {lambda});
        LayerLayout layout = new LayerLayout(List.of(new LayerLayout.Layer("fc3", 100, 8)));
        assertNull(LayerTailsAlongTraining.of(layout, member, 1).get(0).tails().get(0));
        assertNull(BulkSpacingsAlongTraining.of(layout, member).get(0).bulk().get(0));
        StoppingAgainstPlateau stop = StoppingAgainstPlateau.of(LayerMetricsAlongTraining.of(layout, member).get(0), 8, member);
        assertEquals("no signal, no accuracy recorded", stop.describe());
    }
}
