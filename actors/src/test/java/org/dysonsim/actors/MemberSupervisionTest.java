package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.protocol.EnsembleCommand;
import org.dysonsim.protocol.MemberCommand;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A member supervisor restarts failed actors from the last snapshot, within its bound. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberSupervisionTest {
    private static final int MAX_RESTARTS = 2;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ActorTestKit testKit = ActorTestKit.create("supervision",
            ConfigFactory.parseString("dysonsim.engine.max-restarts = " + MAX_RESTARTS)
                    .withFallback(EngineFixtures.config(2, true)).withFallback(ConfigFactory.load()));
    private final EngineSettings settings = EngineSettings.from(testKit.system().settings().config());

    @AfterAll
    void stop() {
        testKit.shutdownTestKit();
    }

    private RunSpec spec(String runId, int blockSize) {
        return EngineFixtures.spec(runId, EngineFixtures.harmonicGas(10, 1.0),
                new InitialSpectrum.Explicit(EngineFixtures.linspace(-2, 2, 10)), StepSizeRule.adaptive(0.02, 3),
                0.01, 30, 10, 1, blockSize);
    }

    /** Runs member 0 with the fault injected and returns its report. */
    private EnsembleCommand.MemberFinished runWithFault(RunSpec spec, InMemoryJournal journal, long atStep, int times) {
        TestProbe<EnsembleCommand> parent = testKit.createTestProbe();
        ActorRef<MemberCommand> supervisor = testKit.spawn(MemberSupervisor.create(spec, 0,
                journal.recorder(spec.runId(), 0), false, settings, parent.getRef()));
        supervisor.tell(new MemberCommand.InjectFault(atStep, times));
        supervisor.tell(new MemberCommand.Start());
        EnsembleCommand.MemberFinished finished = (EnsembleCommand.MemberFinished) parent.fishForMessage(WAIT,
                message -> message instanceof EnsembleCommand.MemberFinished
                        ? FishingOutcomes.complete()
                        : FishingOutcomes.continueAndIgnore()).get(0);
        testKit.stop(supervisor);
        return finished;
    }

    private static long[] recordedSteps(InMemoryJournal journal, String runId) {
        return journal.entry(runId, 0).snapshots().stream().mapToLong(TrajectoryEvent.SnapshotRecorded::step).toArray();
    }

    @Test
    void failedChildIsRestartedFromTheLastSnapshotAndTheTrajectoryIsUnchanged() {
        for (int blockSize : new int[] {10, 3}) {
            RunSpec spec = spec("restart-" + blockSize, blockSize);
            InMemoryJournal journal = new InMemoryJournal();
            EnsembleCommand.MemberFinished finished = runWithFault(spec, journal, 15, 1);
            assertNull(finished.failure(), "block size " + blockSize);
            assertEquals(1, finished.restarts());
            EngineFixtures.assertSameTrajectory(EngineFixtures.reference(spec, 0).trajectory(),
                    journal.recorded(spec.runId(), 0));
            assertArrayEquals(new long[] {0, 10, 20, 30}, recordedSteps(journal, spec.runId()),
                    "each snapshot recorded once, in order, despite the restart");
            assertEquals(RecorderCommand.Status.COMPLETED, journal.entry(spec.runId(), 0).state().status());
        }
    }

    @Test
    void memberFailsWithTheCauseOnceTheRestartsAreUsedUp() {
        RunSpec spec = spec("give-up", 3);
        InMemoryJournal journal = new InMemoryJournal();
        EnsembleCommand.MemberFinished finished = runWithFault(spec, journal, 15, 100);
        assertNotNull(finished.failure());
        assertEquals(MAX_RESTARTS, finished.restarts());
        assertTrue(finished.failure().startsWith("member 0: "), finished.failure());
        assertTrue(finished.failure().contains("injected fault at step 15"), finished.failure());
        assertTrue(finished.failure().contains("after " + MAX_RESTARTS + " restarts"), finished.failure());
        assertTrue(!finished.failure().contains("\n"), "one line");
        RecorderCommand.RecorderState state = journal.entry(spec.runId(), 0).state();
        assertEquals(RecorderCommand.Status.FAILED, state.status());
        assertArrayEquals(new long[] {0, 10}, recordedSteps(journal, spec.runId()));
    }
}
