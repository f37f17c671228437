package org.dysonsim.scenarios.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.protocol.TrajectoryEvent;
import org.junit.jupiter.api.Test;

class MemberProgressTest {
    private static TrajectoryEvent.SnapshotRecorded snapshot(double... values) {
        return new TrajectoryEvent.SnapshotRecorded(1, 0.5, values);
    }

    @Test
    void aLayeredRunsLiveMeanAndVarianceAreEachLayersNonzeroEigenvaluesNotThePooledSnapshot() {
        GasModel gas = new GasModel(new double[5], new double[5], new double[5], new Drift.Zero(), Wall.NONE, Wall.NONE);
        RunSpec flat = new RunSpec("r", "net", "model = network", gas, new InitialSpectrum.Explicit(new double[5]),
                StepSizeRule.fixed(), 0.1, 1, 1, 1, 1, 1, RunSpec.Coordinates.EIGENVALUES);
        // layer a: 2 rows × 3 cols (one zero eigenvalue of WᵀW), layer b: 2 × 2
        RunSpec layered = new RunSpec(flat.runId(), flat.scenarioName(), flat.scenarioText(), flat.model(), flat.init(),
                flat.rule(), flat.dt(), flat.steps(), flat.recordEvery(), flat.seed(), flat.members(), flat.placement(),
                flat.coordinates(), flat.mapping(), flat.checks(), new LayerLayout(List.of(
                new LayerLayout.Layer("a", 2, 3), new LayerLayout.Layer("b", 2, 2))));
        MemberProgress progress = new MemberProgress(false);
        progress.apply(1, snapshot(0, 2, 4, 1, 3), new LiveTheory(layered));
        assertArrayEquals(new double[][] {{0.5}, {3}, {1}}, progress.moments(0), "layer a: mean and variance of 2 and 4");
        assertArrayEquals(new double[][] {{0.5}, {2}, {1}}, progress.moments(1), "layer b: of 1 and 3");
    }

    @Test
    void singularValuesAreShownAsTheEigenvaluesTheirSquaresAre() {
        GasModel gas = new GasModel(new double[2], new double[2], new double[2], new Drift.Zero(), Wall.NONE, Wall.NONE);
        RunSpec wishart = new RunSpec("w", "w", "model = wishart", gas, new InitialSpectrum.Explicit(new double[] {1, 4}),
                StepSizeRule.fixed(), 0.1, 1, 1, 1, 1, 1, RunSpec.Coordinates.SINGULAR_VALUES);
        MemberProgress progress = new MemberProgress(false);
        progress.apply(1, snapshot(1, 3), new LiveTheory(wishart));
        assertArrayEquals(new double[][] {{0.5}, {5}, {16}}, progress.moments(0), "λ = 1 and 9");
        MemberProgress unknown = new MemberProgress(false);
        unknown.apply(1, snapshot(1, 3), null);
        assertArrayEquals(new double[][] {{0.5}, {2}, {1}}, unknown.moments(0), "before the spec is read: as recorded");
    }

    @Test
    void layerMetricsMeasuredOutOfOrderAreShownInStepOrderPerLayer() {
        MemberProgress progress = new MemberProgress(true);
        progress.measuredLayer(0, 20, 3.5, 2);
        progress.measuredLayer(1, 20, 4.0, 0);
        progress.measuredLayer(0, 10, 5.0, 1);
        assertArrayEquals(new double[][] {{10, 20}, {5.0, 3.5}, {1, 2}}, progress.layerMetrics(0));
        assertArrayEquals(new double[][] {{20}, {4.0}, {0}}, progress.layerMetrics(1));
        assertArrayEquals(new double[][] {{}, {}, {}}, progress.layerMetrics(2), "a layer not measured yet");
    }

    @Test
    void eachLayersRandomDistanceIsShownAsRecordedAtTheRecordsThatMeasuredIt() {
        MemberProgress progress = new MemberProgress(false);
        progress.apply(1, new TrajectoryEvent.NetworkMetricsRecorded(0, 0, 2.3, 2.3, 0.1, new double[] {0.01, 0.02},
                new double[] {0.001, 0.002}), null);
        progress.apply(2, new TrajectoryEvent.NetworkMetricsRecorded(5, 0.5, 2.0, 2.1, 0.3, null, null), null);
        progress.apply(3, new TrajectoryEvent.NetworkMetricsRecorded(10, 1, 1.5, 1.7, 0.5, new double[] {0.2, 0.05},
                new double[] {0.1, 0.01}), null);
        assertArrayEquals(new double[][] {{0, 10}, {0.01, 0.2}, {0.001, 0.1}}, progress.randomDistance(0), "a record without it is left out");
        assertArrayEquals(new double[][] {{0, 10}, {0.02, 0.05}, {0.002, 0.01}}, progress.randomDistance(1));
        assertArrayEquals(new double[][] {{}, {}, {}}, progress.randomDistance(2), "no such layer");
    }
}
