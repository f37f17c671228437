package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The facade end to end: recording, divergence, resume. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulationTest {
    private final Simulation simulation = new Simulation(EngineFixtures.config(2, true));

    @AfterAll
    void stop() {
        simulation.close();
    }

    private static RunSpec harmonic(String runId, long steps, int recordEvery, int members, int blockSize) {
        return EngineFixtures.spec(runId, EngineFixtures.harmonicGas(10, 1.0),
                new InitialSpectrum.Explicit(EngineFixtures.linspace(-2, 2, 10)), StepSizeRule.adaptive(0.02, 3),
                0.01, steps, recordEvery, members, blockSize);
    }

    private static long[] recordedSteps(InMemoryJournal journal, String runId, int member) {
        return journal.entry(runId, member).snapshots().stream().mapToLong(TrajectoryEvent.SnapshotRecorded::step)
                .toArray();
    }

    @Test
    void recorderGetsStepZeroEveryRecordEveryStepAndTheLastOnceInOrder() {
        RunSpec spec = harmonic("recording", 25, 10, 3, 4);
        InMemoryJournal journal = new InMemoryJournal();
        AtomicLong lastDone = new AtomicLong();
        AtomicLong lastTotal = new AtomicLong();
        RunResult result = simulation.run(spec, journal, (done, total) -> {
            lastDone.accumulateAndGet(done, Math::max);
            lastTotal.set(total);
        });
        assertNull(result.failure());
        for (int m = 0; m < spec.members(); m++) {
            assertArrayEquals(new long[] {0, 10, 20, 25}, recordedSteps(journal, spec.runId(), m));
            RecorderCommand.RecorderState state = journal.entry(spec.runId(), m).state();
            assertEquals(RecorderCommand.Status.COMPLETED, state.status());
            assertEquals(m, state.started().member());
            assertEquals(spec.seed(), state.started().seed());
            assertArrayEquals(new long[] {0, 10, 20, 25}, result.members().get(m).steps());
            assertArrayEquals(state.last().values(), result.members().get(m).values()[3]);
        }
        assertEquals(spec.members() * spec.steps(), lastTotal.get());
        assertEquals(lastTotal.get(), lastDone.get(), "progress reaches the total");
    }

    @Test
    void theResultHoldsNoTrajectoryAndReadsAMemberBackOnlyWhenAskedForIt() {
        RunSpec spec = harmonic("read-when-asked", 12, 5, 4, 10);
        InMemoryJournal journal = new InMemoryJournal();
        List<Integer> reads = new CopyOnWriteArrayList<>();
        RecorderFactory counted = RecorderFactory.of(journal::recorder, (runId, member) -> {
            reads.add(member);
            return journal.recorded(runId, member);
        });
        RunResult result = simulation.run(spec, counted, RunListener.NONE);
        assertNull(result.failure());
        assertEquals(List.of(), reads, "the run itself reads no trajectory back");
        assertEquals(4, result.members().size());
        assertEquals(List.of(), reads, "counting the members reads none");
        MemberTrajectory third = result.members().get(2);
        assertEquals(2, third.member());
        assertArrayEquals(new long[] {0, 5, 10, 12}, third.steps());
        assertEquals(List.of(2), reads, "asking for one member reads that one alone");
    }

    @Test
    void runOnAClosedSimulationFailsInsteadOfHanging() {
        Simulation closed = new Simulation(EngineFixtures.config(1, true));
        closed.close();
        RunResult result = closed.run(harmonic("closed", 5, 5, 1, 10), new InMemoryJournal(), RunListener.NONE);
        assertEquals("the actor system shut down during the run", result.failure());
    }

    @Test
    void runOfZeroStepsRecordsTheInitialSpectrumOnly() {
        RunSpec spec = harmonic("zero-steps", 0, 10, 1, 3);
        InMemoryJournal journal = new InMemoryJournal();
        RunResult result = simulation.run(spec, journal, RunListener.NONE);
        assertNull(result.failure());
        assertArrayEquals(new long[] {0}, recordedSteps(journal, spec.runId(), 0));
        assertArrayEquals(spec.initialPositions(0), result.members().get(0).values()[0]);
        assertEquals(RecorderCommand.Status.COMPLETED, journal.entry(spec.runId(), 0).state().status());
    }

    @Test
    void nonFiniteStateFailsTheRunWithOneLine() {
        // A well far too stiff for the step: every step multiplies the positions by about −10⁶.
        for (int blockSize : new int[] {1, 4}) {
            RunSpec spec = EngineFixtures.spec("nan-" + blockSize, EngineFixtures.harmonicGas(4, 1e6),
                    new InitialSpectrum.Explicit(EngineFixtures.linspace(-1, 1, 4)), StepSizeRule.fixed(),
                    1.0, 500, 100, 1, blockSize);
            InMemoryJournal journal = new InMemoryJournal();
            RunResult result = simulation.run(spec, journal, RunListener.NONE);
            assertNotNull(result.failure(), "block size " + blockSize);
            assertTrue(result.failure().startsWith("member 0: non-finite state in step "), result.failure());
            assertTrue(!result.failure().contains("\n"), "one line");
            assertEquals(RecorderCommand.Status.FAILED, journal.entry(spec.runId(), 0).state().status());
        }
    }

    @Test
    void resumedMemberEndsBitIdenticalToAnUninterruptedRun() {
        RunSpec spec = harmonic("resume", 40, 10, 2, 3);
        InMemoryJournal journal = new InMemoryJournal();
        RunResult interrupted = simulation.run(spec, EngineFixtures.crashingAt(journal, 20), RunListener.NONE);
        assertNotNull(interrupted.failure());
        assertTrue(interrupted.failure().contains("disk full"), interrupted.failure());
        long[] before = recordedSteps(journal, spec.runId(), 0);
        assertArrayEquals(new long[] {0, 10}, before);

        RunResult resumed = simulation.resume(spec, journal, RunListener.NONE);
        assertNull(resumed.failure());
        for (int m = 0; m < spec.members(); m++) {
            MemberTrajectory expected = EngineFixtures.reference(spec, m).trajectory();
            long[] journalSteps = recordedSteps(journal, spec.runId(), m);
            assertArrayEquals(expected.steps(), journalSteps, "member " + m + ": each snapshot once, in order");
            MemberTrajectory got = resumed.members().get(m);
            int last = expected.values().length - 1;
            assertEquals(expected.steps()[last], got.steps()[got.steps().length - 1]);
            assertArrayEquals(expected.values()[last], got.values()[got.values().length - 1]);
            for (int k = 0; k < expected.values().length; k++) {
                assertArrayEquals(expected.values()[k], journal.entry(spec.runId(), m).snapshots().get(k).values());
            }
        }
    }

    @Test
    void completedMembersAreNotRerunOnResume() {
        RunSpec spec = harmonic("complete", 12, 5, 2, 10);
        InMemoryJournal journal = new InMemoryJournal();
        assertNull(simulation.run(spec, journal, RunListener.NONE).failure());
        RunResult again = simulation.resume(spec, journal, RunListener.NONE);
        assertNull(again.failure());
        for (int m = 0; m < spec.members(); m++) {
            assertArrayEquals(new long[] {0, 5, 10, 12}, recordedSteps(journal, spec.runId(), m));
            // the result is read back from the journal: the whole trajectory, not what the resume added
            assertArrayEquals(new long[] {0, 5, 10, 12}, again.members().get(m).steps());
        }
    }
}
