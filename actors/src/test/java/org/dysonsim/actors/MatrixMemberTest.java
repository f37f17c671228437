package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.sgd.InitialWeights;
import org.dysonsim.physics.sgd.LossSpec;
import org.dysonsim.physics.sgd.MatrixTraining;
import org.dysonsim.physics.sgd.MinibatchGradient;
import org.dysonsim.physics.sgd.MinibatchLoss;
import org.dysonsim.physics.sgd.SgdSettings;
import org.dysonsim.physics.sgd.WeightSpectrum;
import org.dysonsim.protocol.EnsembleCommand;
import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.MemberCommand;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Matrix-level members through the actors: the weight-matrix and loss actors reproduce the
 * plain training loop bit for bit (spectra and gradient records), also after an injected fault
 * and after a crash and resume, and a diverging run stops with its diagnostic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatrixMemberTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final Simulation simulation = new Simulation(EngineFixtures.config(2, true));
    private final ActorTestKit testKit = ActorTestKit.create("matrix",
            EngineFixtures.config(2, true).withFallback(ConfigFactory.load()));
    private final EngineSettings settings = EngineSettings.from(testKit.system().settings().config());

    @AfterAll
    void stop() {
        simulation.close();
        testKit.shutdownTestKit();
    }

    private static RunSpec spec(String runId, LossSpec loss, double alpha, double momentum, long steps, int recordEvery,
                                int members) {
        return spec(runId, loss, alpha, momentum, steps, recordEvery, members, MatrixModel.DEFAULT_CHECKPOINT_EVERY);
    }

    private static RunSpec spec(String runId, LossSpec loss, double alpha, double momentum, long steps, int recordEvery,
                                int members, long checkpointEvery) {
        MatrixModel model = new MatrixModel(6, 4, loss, new SgdSettings(alpha, 5, momentum), 200, 0.3, 2, checkpointEvery);
        return new RunSpec(runId, "test", "name = test", model, new InitialSpectrum.MarchenkoPastur(6, 4, 0.09),
                StepSizeRule.fixed(), alpha, steps, recordEvery, EngineFixtures.SEED, members, 4,
                RunSpec.Coordinates.EIGENVALUES);
    }

    /** Momentum and persistent chains: a checkpoint must carry both. A checkpoint at every record. */
    private static RunSpec rbm(String runId) {
        return spec(runId, new LossSpec.RbmPcd(1.0, 7.0, 1.0, 1), 0.01, 0.5, 40, 10, 2, 10);
    }

    /** The plain loop: what the actors must record. */
    private static MemberTrajectory reference(RunSpec spec, int member) {
        MatrixModel model = (MatrixModel) spec.model();
        MinibatchLoss loss = MinibatchLoss.create(model.loss(), model.rows(), model.n(), model.dataSize(),
                model.sgd().batch(), spec.seed(), member);
        MatrixTraining training = new MatrixTraining(loss, model.sgd(),
                InitialWeights.gaussian(model.rows(), model.n(), model.initScale(), spec.seed(), member));
        List<Long> steps = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        List<TrajectoryEvent.GradientRecorded> gradients = new ArrayList<>();
        while (true) {
            long s = training.step();
            if (s % spec.recordEvery() == 0 || s == spec.steps()) {
                WeightSpectrum.Decomposed d = WeightSpectrum.withTopPairs(training.weights(), model.topK());
                MinibatchGradient g = training.advance(d.top());
                steps.add(s);
                values.add(d.eigenvalues());
                gradients.add(MatrixMessages.record(s, s * spec.dt(), d.top(), g));
                if (s == spec.steps()) break;
            } else {
                training.advance(null);
            }
        }
        double[] times = steps.stream().mapToDouble(s -> s * spec.dt()).toArray();
        return new MemberTrajectory(member, steps.stream().mapToLong(Long::longValue).toArray(), times,
                values.toArray(new double[0][]), gradients);
    }

    private static void assertSame(MemberTrajectory expected, List<TrajectoryEvent.SnapshotRecorded> snapshots,
                                   List<TrajectoryEvent.GradientRecorded> gradients) {
        assertEquals(expected.steps().length, snapshots.size(), "one snapshot per recorded step");
        assertEquals(expected.steps().length, gradients.size(), "one gradient record per snapshot");
        for (int k = 0; k < snapshots.size(); k++) {
            assertEquals(expected.steps()[k], snapshots.get(k).step());
            assertArrayEquals(expected.values()[k], snapshots.get(k).values(), "spectrum at step " + expected.steps()[k]);
            TrajectoryEvent.GradientRecorded want = expected.gradients().get(k), got = gradients.get(k);
            assertEquals(want.step(), got.step());
            assertEquals(want.loss(), got.loss());
            assertArrayEquals(want.singularValues(), got.singularValues());
            assertArrayEquals(want.projections(), got.projections());
            assertArrayEquals(want.projectionVariances(), got.projectionVariances());
            assertEquals(want.noiseVariance(), got.noiseVariance());
        }
    }

    @Test
    void everyLossRecordsThePlainLoopsSpectraAndGradientRecords() {
        List<RunSpec> specs = List.of(rbm("m-rbm"),
                spec("m-ts", new LossSpec.TeacherStudent(1.0, 0.2, 0.01), 0.05, 0.0, 25, 10, 2),
                spec("m-zero", new LossSpec.ZeroGradient(1.0), 0.05, 0.0, 25, 5, 2));
        for (RunSpec spec : specs) {
            InMemoryJournal journal = new InMemoryJournal();
            RunResult result = simulation.run(spec, journal, RunListener.NONE);
            assertNull(result.failure(), spec.runId());
            for (int m = 0; m < spec.members(); m++) {
                MemberTrajectory expected = reference(spec, m);
                assertSame(expected, journal.entry(spec.runId(), m).snapshots(), journal.entry(spec.runId(), m).gradients());
                MemberTrajectory live = result.members().get(m);
                assertArrayEquals(expected.steps(), live.steps());
                assertSame(expected, snapshotsOf(live), live.gradients());
                assertEquals(RecorderCommand.Status.COMPLETED, journal.entry(spec.runId(), m).state().status());
            }
        }
    }

    @Test
    void aFailedWeightMatrixIsRestartedAndTheTrajectoryIsUnchanged() {
        RunSpec spec = rbm("m-fault");
        InMemoryJournal journal = new InMemoryJournal();
        TestProbe<EnsembleCommand> parent = testKit.createTestProbe();
        ActorRef<MemberCommand> supervisor = testKit.spawn(MemberSupervisor.create(spec, 0,
                journal.recorder(spec.runId(), 0), false, settings, parent.getRef()));
        supervisor.tell(new MemberCommand.InjectFault(25, 1));
        supervisor.tell(new MemberCommand.Start());
        EnsembleCommand.MemberFinished finished = (EnsembleCommand.MemberFinished) parent.fishForMessage(WAIT,
                message -> message instanceof EnsembleCommand.MemberFinished
                        ? FishingOutcomes.complete() : FishingOutcomes.continueAndIgnore()).get(0);
        testKit.stop(supervisor);
        assertNull(finished.failure());
        assertEquals(1, finished.restarts());
        assertSame(reference(spec, 0), journal.entry(spec.runId(), 0).snapshots(), journal.entry(spec.runId(), 0).gradients());
    }

    @Test
    void aResumedMatrixMemberEndsBitIdenticalToAnUninterruptedRun() {
        RunSpec spec = rbm("m-resume");
        InMemoryJournal journal = new InMemoryJournal();
        RunResult interrupted = simulation.run(spec, EngineFixtures.crashingAt(journal, 20), RunListener.NONE);
        assertNotNull(interrupted.failure());
        assertEquals(2, journal.entry(spec.runId(), 0).snapshots().size(), "steps 0 and 10 recorded before the crash");

        RunResult resumed = simulation.resume(spec, journal, RunListener.NONE);
        assertNull(resumed.failure());
        for (int m = 0; m < spec.members(); m++) {
            assertSame(reference(spec, m), journal.entry(spec.runId(), m).snapshots(), journal.entry(spec.runId(), m).gradients());
        }
    }

    @Test
    void aResumedMatrixMemberContinuesFromItsCheckpointNotFromW0() {
        RunSpec spec = rbm("m-tampered");
        MatrixModel model = (MatrixModel) spec.model();
        MemberTrajectory reference = reference(spec, 0);
        // A journal interrupted after step 10, whose checkpoint of step 10 W₀ could not have led
        // to (W × 1.01, momentum and chains as trained): were it ignored, the run would match the reference.
        MinibatchLoss loss = MinibatchLoss.create(model.loss(), model.rows(), model.n(), model.dataSize(),
                model.sgd().batch(), spec.seed(), 0);
        MatrixTraining training = new MatrixTraining(loss, model.sgd(),
                InitialWeights.gaussian(model.rows(), model.n(), model.initScale(), spec.seed(), 0));
        training.advance(10);
        double[] altered = training.weights().data.clone();
        for (int k = 0; k < altered.length; k++) altered[k] *= 1.01;
        InMemoryJournal journal = interruptedAfterStep10(spec, reference, new MatrixCheckpoint(10, model.rows(), model.n(),
                altered, training.velocity().data.clone(), loss.state()));
        InMemoryJournal.Entry entry = journal.entry(spec.runId(), 0);

        RunSpec one = new RunSpec(spec.runId(), spec.scenarioName(), spec.scenarioText(), model, spec.init(), spec.rule(),
                spec.dt(), spec.steps(), spec.recordEvery(), spec.seed(), 1, spec.blockSize(), spec.coordinates());
        assertNull(simulation.resume(one, journal, RunListener.NONE).failure());
        List<TrajectoryEvent.SnapshotRecorded> snapshots = entry.snapshots();
        assertEquals(reference.steps().length, snapshots.size());
        for (int k = 0; k < snapshots.size(); k++) {
            boolean same = java.util.Arrays.equals(reference.values()[k], snapshots.get(k).values());
            assertEquals(snapshots.get(k).step() <= 10, same, "step " + snapshots.get(k).step()
                    + ": recorded before the interruption, else continued from the altered checkpoint");
        }

        // the same checkpoint unaltered: the resumed run is the reference, bit for bit
        InMemoryJournal intact = interruptedAfterStep10(spec, reference, new MatrixCheckpoint(10, model.rows(), model.n(),
                training.weights().data.clone(), training.velocity().data.clone(), loss.state()));
        assertNull(simulation.resume(one, intact, RunListener.NONE).failure());
        assertSame(reference, intact.entry(spec.runId(), 0).snapshots(), intact.entry(spec.runId(), 0).gradients());
    }

    /** Member 0's journal as a run interrupted after recording steps 0 and 10 of {@code reference} would leave it. */
    private static InMemoryJournal interruptedAfterStep10(RunSpec spec, MemberTrajectory reference, MatrixCheckpoint checkpoint) {
        InMemoryJournal journal = new InMemoryJournal();
        InMemoryJournal.Entry entry = journal.entry(spec.runId(), 0);
        entry.begin(new TrajectoryEvent.RunStarted(spec.runId(), 0, spec.scenarioText(), spec.seed(), "test", spec.n()));
        for (int k = 0; k < 2; k++) {
            entry.record(new TrajectoryEvent.SnapshotRecorded(reference.steps()[k], reference.times()[k], reference.values()[k]));
            entry.recordGradient(reference.gradients().get(k));
        }
        entry.saveCheckpoint(checkpoint);
        return journal;
    }

    @Test
    void aDivergingMatrixStopsWithItsDiagnosticWithoutRestarts() {
        RunSpec spec = spec("m-diverge", new LossSpec.TeacherStudent(1.0, 0.2, 0.0), 50.0, 0.0, 200, 10, 1);
        RunResult result = simulation.run(spec, new InMemoryJournal(), RunListener.NONE);
        assertNotNull(result.failure());
        assertTrue(result.failure().contains("non-finite"), result.failure());
    }

    private static List<TrajectoryEvent.SnapshotRecorded> snapshotsOf(MemberTrajectory t) {
        List<TrajectoryEvent.SnapshotRecorded> list = new ArrayList<>();
        for (int k = 0; k < t.steps().length; k++) {
            list.add(new TrajectoryEvent.SnapshotRecorded(t.steps()[k], t.times()[k], t.values()[k]));
        }
        return list;
    }

}
