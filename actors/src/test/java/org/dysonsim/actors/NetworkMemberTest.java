package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.network.LabelledImages;
import org.dysonsim.physics.network.NetworkInit;
import org.dysonsim.physics.network.NetworkRecord;
import org.dysonsim.physics.network.NetworkTraining;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.physics.sgd.SgdSettings;
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
    private static final int PIXELS = 36, IMAGES = 120, CLASSES = 3;
    private final Simulation simulation = new Simulation(EngineFixtures.config(2, true).withFallback(ConfigFactory.load()));
    @TempDir
    Path data;

    @AfterAll
    void stop() {
        simulation.close();
    }

    /** Train and test files of {@code IMAGES} 6 × 6 images whose class shows in their brightness, drawn from a fixed seed. */
    private void writeImages() {
        try {
            for (String part : List.of("train", "t10k")) {
                ByteBuffer images = ByteBuffer.allocate(16 + IMAGES * PIXELS).putInt(0x803).putInt(IMAGES).putInt(6).putInt(6);
                ByteBuffer labels = ByteBuffer.allocate(8 + IMAGES).putInt(0x801).putInt(IMAGES);
                long stream = part.equals("train") ? 1 : 2;
                for (int i = 0; i < IMAGES; i++) {
                    int label = (int) (CounterRng.uniform(7, 0, i, 0, stream) * CLASSES);
                    labels.put((byte) label);
                    for (int p = 0; p < PIXELS; p++) {
                        double u = CounterRng.uniform(7, 1, (long) i * PIXELS + p, 0, stream);
                        images.put((byte) Math.min(255, (int) (u * 120 + (p % CLASSES == label ? 120 : 0))));
                    }
                }
                Files.write(data.resolve(part + "-images-idx3-ubyte"), images.array());
                Files.write(data.resolve(part + "-labels-idx1-ubyte"), labels.array());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RunSpec spec(String runId, double momentum, long steps, int recordEvery, long checkpointEvery) {
        writeImages();
        NetworkModel model = new NetworkModel(new int[] {PIXELS, 12, 8, CLASSES}, Math.sqrt(2),
                new SgdSettings(0.05, 10, momentum), 100, 40, 2, checkpointEvery, data.toString());
        return new RunSpec(runId, "test", "name = test", model, new InitialSpectrum.MarchenkoPastur(12, 12, 0.1),
                StepSizeRule.fixed(), 0.05, steps, recordEvery, EngineFixtures.SEED, 1, 1, RunSpec.Coordinates.EIGENVALUES);
    }

    /** The plain loop's records of member 0. */
    private static List<NetworkRecord> reference(RunSpec spec) throws IOException {
        NetworkModel model = (NetworkModel) spec.model();
        LabelledImages train = LabelledImages.read(Path.of(model.dataPath()), "train");
        LabelledImages test = LabelledImages.read(Path.of(model.dataPath()), "t10k").first(model.testSize());
        NetworkTraining training = new NetworkTraining(model, train, spec.seed(), 0,
                NetworkInit.layers(model, spec.seed(), 0), 0);
        List<NetworkRecord> records = new ArrayList<>();
        while (true) {
            long s = training.step();
            if (s == spec.steps()) {
                records.add(training.recordAndAdvance(test, false));
                return records;
            }
            if (s % spec.recordEvery() == 0) records.add(training.recordAndAdvance(test, true));
            else training.advance();
        }
    }

    private static void assertRecorded(List<NetworkRecord> expected, InMemoryJournal.Entry entry) {
        List<TrajectoryEvent.SnapshotRecorded> snapshots = entry.snapshots();
        List<TrajectoryEvent.GradientRecorded> gradients = entry.gradients();
        List<TrajectoryEvent.NetworkMetricsRecorded> metrics = entry.metrics();
        assertEquals(expected.size(), snapshots.size(), "one snapshot per record step");
        assertEquals(expected.size(), gradients.size());
        assertEquals(expected.size(), metrics.size());
        for (int k = 0; k < expected.size(); k++) {
            NetworkRecord want = expected.get(k);
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
        }
    }

    @Test
    void theLayerActorsRecordThePlainLoopBitForBit() throws IOException {
        RunSpec spec = spec("n-plain", 0.9, 30, 5, 0);
        InMemoryJournal journal = new InMemoryJournal();
        RunResult result = simulation.run(spec, journal, RunListener.NONE);
        assertNull(result.failure());
        List<NetworkRecord> expected = reference(spec);
        assertRecorded(expected, journal.entry(spec.runId(), 0));
        assertEquals(RecorderCommand.Status.COMPLETED, journal.entry(spec.runId(), 0).state().status());
        assertEquals(PIXELS + 12 + 8, journal.entry(spec.runId(), 0).snapshots().get(0).values().length, "every layer's WᵀW");
        assertTrue(expected.get(expected.size() - 1).testAccuracy() > 0.6, "learns: " + expected.get(expected.size() - 1));
    }

    @Test
    void aResumedNetworkContinuesFromItsCheckpointBitForBit() throws IOException {
        RunSpec spec = spec("n-resume", 0.5, 30, 5, 10);
        InMemoryJournal journal = new InMemoryJournal();
        // With the default backlog the snapshots of steps 15 and 20 may reach the recorder before the
        // checkpoint of step 10 (it is sent once snapshot 10 is durable), and the crash at 20 would
        // come first. A backlog of one makes the member wait for each snapshot to be durable, so the
        // checkpoint of step 10 is always in the journal before the crash.
        RunResult interrupted;
        try (Simulation stepwise = new Simulation(ConfigFactory.parseString("dysonsim.engine.record-backlog = 1")
                .withFallback(EngineFixtures.config(2, true)).withFallback(ConfigFactory.load()))) {
            interrupted = stepwise.run(spec, EngineFixtures.crashingAt(journal, 20), RunListener.NONE);
        }
        assertNotNull(interrupted.failure());
        assertNotNull(journal.entry(spec.runId(), 0).checkpoint(), "a checkpoint was saved before the crash");
        assertEquals(10, journal.entry(spec.runId(), 0).checkpoint().step());
        assertNull(simulation.resume(spec, journal, RunListener.NONE).failure());
        assertRecorded(reference(spec), journal.entry(spec.runId(), 0));
    }
}
