package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.physics.layers.RandomDistance;
import org.dysonsim.physics.layers.RandomDistanceCadence;
import org.dysonsim.physics.network.LabelledImages;
import org.dysonsim.physics.network.NetworkInit;
import org.dysonsim.physics.network.NetworkRecord;
import org.dysonsim.physics.network.NetworkTraining;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network members through the actors (a loss actor and one actor per weight matrix): they record
 * the plain single-threaded loop's spectra, gradient records and metrics bit for bit, also after a
 * crash and resume from a checkpoint. The images are small synthetic IDX files, so the test needs
 * no installed data set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkMemberTest {
    private static final int PIXELS = NetworkFixtures.PIXELS;
    /** Eigenvalues with and without eigenvectors from EJML differ in their last bits at most. */
    private static final double EIGENSOLVER_ROUNDING = 1e-12;
    private final Simulation simulation = new Simulation(EngineFixtures.config(2, true).withFallback(ConfigFactory.load()));
    @TempDir
    Path data;

    @AfterAll
    void stop() {
        simulation.close();
    }

    private RunSpec spec(String runId, double momentum, long steps, int recordEvery, long checkpointEvery) {
        return NetworkFixtures.spec(data, runId, momentum, steps, recordEvery, checkpointEvery, 1);
    }

    /** A record of the plain loop and, where the run measures it, each layer's random distance of W at that step. */
    private record Expected(NetworkRecord record, RandomDistance[] distances) {}

    /** The plain loop's records of member 0. */
    private static List<Expected> reference(RunSpec spec) throws IOException {
        NetworkModel model = (NetworkModel) spec.model();
        LabelledImages train = LabelledImages.read(Path.of(model.dataPath()), "train");
        LabelledImages test = LabelledImages.read(Path.of(model.dataPath()), "t10k").first(model.testSize());
        NetworkTraining training = new NetworkTraining(model, train, spec.seed(), 0,
                NetworkInit.layers(model, spec.seed(), 0), 0);
        RandomDistanceCadence cadence = RandomDistanceCadence.of(model, spec.recordEvery(), spec.steps());
        List<Expected> records = new ArrayList<>();
        while (true) {
            long s = training.step();
            if (s == spec.steps() || s % spec.recordEvery() == 0) {
                RandomDistance[] distances = null;
                if (cadence.measures(s)) {
                    distances = new RandomDistance[model.layers()];
                    for (int l = 0; l < distances.length; l++) {
                        distances[l] = RandomDistance.of(training.layers().get(l).weights(),
                                RandomDistance.seed(spec.seed(), 0, l, s));
                    }
                }
                records.add(new Expected(training.recordAndAdvance(test, s != spec.steps()), distances));
                if (s == spec.steps()) return records;
            } else {
                training.advance();
            }
        }
    }

    private static void assertRecorded(List<Expected> expected, InMemoryJournal.Entry entry) {
        List<TrajectoryEvent.SnapshotRecorded> snapshots = entry.snapshots();
        List<TrajectoryEvent.GradientRecorded> gradients = entry.gradients();
        List<TrajectoryEvent.NetworkMetricsRecorded> metrics = entry.metrics();
        assertEquals(expected.size(), snapshots.size(), "one snapshot per record step");
        assertEquals(expected.size(), gradients.size());
        assertEquals(expected.size(), metrics.size());
        for (int k = 0; k < expected.size(); k++) {
            NetworkRecord want = expected.get(k).record();
            String at = "step " + want.step();
            assertEquals(want.step(), snapshots.get(k).step(), at);
            assertArrayEquals(want.eigenvalues(), snapshots.get(k).values(), at);
            assertArrayEquals(want.singularValues(), gradients.get(k).singularValues(), at);
            assertArrayEquals(want.projections(), gradients.get(k).projections(), at);
            assertArrayEquals(want.projectionVariances(), gradients.get(k).projectionVariances(), at);
            assertEquals(want.noiseVariance(), gradients.get(k).noiseVariance(), at);
            assertEquals(want.trainLoss(), metrics.get(k).trainLoss(), at);
            assertEquals(want.testLoss(), metrics.get(k).testLoss(), at);
            assertEquals(want.testAccuracy(), metrics.get(k).testAccuracy(), at);
            RandomDistance[] distances = expected.get(k).distances();
            assertEquals(distances != null, metrics.get(k).measuredRandomDistance(), at);
            for (int l = 0; distances != null && l < distances.length; l++) {
                // the layer reuses its recorded eigenvalues: the same up to the eigensolver's rounding
                assertEquals(distances[l].ksDistance(), metrics.get(k).randomDistanceKs()[l], EIGENSOLVER_ROUNDING, at);
                assertEquals(distances[l].wasserstein(), metrics.get(k).randomDistanceW1()[l], EIGENSOLVER_ROUNDING, at);
            }
            assertTrue(metrics.get(k).intact(), at);
        }
        assertTrue(metrics.get(0).measuredRandomDistance() && metrics.get(metrics.size() - 1).measuredRandomDistance(),
                "the first and last records measure the random distance");
    }

    @Test
    void theLayerActorsRecordThePlainLoopBitForBit() throws IOException {
        RunSpec spec = spec("n-plain", 0.9, 30, 5, 0);
        InMemoryJournal journal = new InMemoryJournal();
        RunResult result = simulation.run(spec, journal, RunListener.NONE);
        assertNull(result.failure());
        List<Expected> expected = reference(spec);
        assertRecorded(expected, journal.entry(spec.runId(), 0));
        assertEquals(RecorderCommand.Status.COMPLETED, journal.entry(spec.runId(), 0).state().status());
        assertEquals(PIXELS + 12 + 8, journal.entry(spec.runId(), 0).snapshots().get(0).values().length, "every layer's WᵀW");
        assertTrue(expected.get(expected.size() - 1).record().testAccuracy() > 0.6,
                "learns: " + expected.get(expected.size() - 1).record());
    }

    @Test
    void aResumedNetworkContinuesFromItsCheckpointBitForBit() throws IOException {
        RunSpec spec = spec("n-resume", 0.5, 30, 5, 10);
        InMemoryJournal journal = new InMemoryJournal();
        // The checkpoint of step 10 is gathered from the layers once snapshot 10 is durable, so the
        // snapshots of steps 15 and 20 may reach the recorder before it: the crash comes at the first
        // snapshot from step 20 on after a checkpoint is stored (10, or 20 if that one came first).
        // A backlog of one makes the member wait for each snapshot to be durable, so one does.
        RunResult interrupted;
        try (Simulation stepwise = new Simulation(ConfigFactory.parseString("dysonsim.engine.record-backlog = 1")
                .withFallback(EngineFixtures.config(2, true)).withFallback(ConfigFactory.load()))) {
            interrupted = stepwise.run(spec, EngineFixtures.crashingAfterCheckpointFrom(journal, 20), RunListener.NONE);
        }
        assertNotNull(interrupted.failure());
        assertNotNull(journal.entry(spec.runId(), 0).checkpoint(), "a checkpoint was saved before the crash");
        long saved = journal.entry(spec.runId(), 0).checkpoint().step();
        assertTrue(saved == 10 || saved == 20, "the checkpoint of step 10 or 20: " + saved);
        assertTrue(journal.entry(spec.runId(), 0).snapshots().size() < 7, "crashed before the last record");
        assertNull(simulation.resume(spec, journal, RunListener.NONE).failure());
        assertRecorded(reference(spec), journal.entry(spec.runId(), 0));
    }
}
