package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.protocol.EnsembleCommand;
import org.dysonsim.protocol.MemberCommand;
import org.dysonsim.protocol.RecorderCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A recorder slower than the simulation: the member waits for it (never more than
 * {@code record-backlog} snapshots unanswered), the progress shown never runs ahead of what is
 * recorded, and the pauses leave the trajectory bit for bit the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordBacklogTest {
    private static final int BACKLOG = 4;
    /** The slow recorder answers what it holds this often: far slower than a step of this small gas. */
    private static final Duration FLUSH_EVERY = Duration.ofMillis(15);

    private final Simulation simulation = new Simulation(ConfigFactory.parseString(
            "dysonsim.engine.record-backlog = " + BACKLOG).withFallback(EngineFixtures.config(2, true)));

    @AfterAll
    void stop() {
        simulation.close();
    }

    private enum Flush { INSTANCE }

    /**
     * Holds every command from the first snapshot on and passes them on, in order, only every
     * {@link #FLUSH_EVERY}; {@code mostHeld} is the most snapshots it ever held.
     */
    private static Behavior<RecorderCommand> slow(Behavior<RecorderCommand> inner, AtomicInteger mostHeld) {
        return Behaviors.<Object>setup(context -> Behaviors.withTimers(timers -> {
            ActorRef<RecorderCommand> target = context.spawn(inner, "inner");
            List<RecorderCommand> held = new ArrayList<>();
            timers.startTimerWithFixedDelay(Flush.INSTANCE, FLUSH_EVERY);
            return Behaviors.receive(Object.class)
                    .onMessage(RecorderCommand.class, command -> {
                        if (command instanceof RecorderCommand.Record || !held.isEmpty()) held.add(command);
                        else target.tell(command);
                        int snapshots = (int) held.stream().filter(RecorderCommand.Record.class::isInstance).count();
                        mostHeld.accumulateAndGet(snapshots, Math::max);
                        return Behaviors.same();
                    })
                    .onMessage(Flush.class, flush -> {
                        held.forEach(target::tell);
                        held.clear();
                        return Behaviors.same();
                    })
                    .build();
        })).narrow();
    }

    /**
     * A generation stopped for a pause may still have snapshots queued for its supervisor, beyond
     * those the pause dropped: recording one would leave a gap. Generation 0 never runs (the first
     * is 1), so its snapshots stand for such stale ones.
     */
    @Test
    void snapshotsOfAGenerationNotRunningAreNeverRecorded() {
        ActorTestKit testKit = ActorTestKit.create("stale", ConfigFactory.parseString(
                "dysonsim.engine.record-backlog = " + BACKLOG).withFallback(EngineFixtures.config(2, true)));
        try {
            RunSpec spec = EngineFixtures.spec("stale", EngineFixtures.harmonicGas(10, 1.0),
                    new InitialSpectrum.Explicit(EngineFixtures.linspace(-2, 2, 10)), StepSizeRule.adaptive(0.02, 3),
                    0.01, 300, 5, 1, 10);
            InMemoryJournal journal = new InMemoryJournal();
            TestProbe<EnsembleCommand> parent = testKit.createTestProbe();
            ActorRef<MemberCommand> supervisor = testKit.spawn(MemberSupervisor.create(spec, 0,
                    slow(journal.recorder(spec.runId(), 0), new AtomicInteger()), false,
                    EngineSettings.from(testKit.system().settings().config()), parent.getRef()));
            supervisor.tell(new MemberCommand.Start());
            for (long step = 150; step < 300; step += 5) {
                supervisor.tell(new MemberCommand.Snapshot(0, step, step * 0.01, new double[10]));
            }
            parent.fishForMessage(Duration.ofSeconds(60), m -> m instanceof EnsembleCommand.MemberFinished
                    ? FishingOutcomes.complete() : FishingOutcomes.continueAndIgnore());
            EngineFixtures.assertSameTrajectory(EngineFixtures.reference(spec, 0).trajectory(),
                    journal.recorded(spec.runId(), 0));
        } finally {
            testKit.shutdownTestKit();
        }
    }

    @Test
    void aSlowRecorderPausesTheMemberWithinTheBacklogAndTheTrajectoryIsUnchanged() {
        for (int blockSize : new int[] {10, 4}) { // the plain path on the clock, and exchanging blocks
            RunSpec spec = EngineFixtures.spec("backlog-" + blockSize, EngineFixtures.harmonicGas(10, 1.0),
                    new InitialSpectrum.Explicit(EngineFixtures.linspace(-2, 2, 10)), StepSizeRule.adaptive(0.02, 3),
                    0.01, 300, 5, 2, blockSize);
            InMemoryJournal journal = new InMemoryJournal();
            AtomicInteger mostHeld = new AtomicInteger();
            AtomicLong shownAhead = new AtomicLong();
            RecorderFactory slowRecorders = RecorderFactory.of(
                    (runId, member) -> slow(journal.recorder(runId, member), mostHeld), journal::recorded);
            RunResult result = simulation.run(spec, slowRecorders, (done, total) -> {
                long recorded = 0;
                for (int m = 0; m < spec.members(); m++) {
                    var snapshots = journal.entry(spec.runId(), m).snapshots();
                    if (!snapshots.isEmpty()) recorded += snapshots.get(snapshots.size() - 1).step();
                }
                shownAhead.accumulateAndGet(done - recorded, Math::max);
            });
            assertNull(result.failure(), "block size " + blockSize);
            assertTrue(mostHeld.get() <= BACKLOG, "at most " + BACKLOG + " snapshots unanswered, saw " + mostHeld.get());
            assertEquals(BACKLOG, mostHeld.get(), "the slow recorder must have made the member wait");
            assertTrue(shownAhead.get() <= 0, "progress shown ahead of the journal by " + shownAhead.get() + " steps");
            for (int m = 0; m < spec.members(); m++) {
                MemberTrajectory expected = EngineFixtures.reference(spec, m).trajectory();
                EngineFixtures.assertSameTrajectory(expected, result.members().get(m));
                assertArrayEquals(expected.steps(), journal.entry(spec.runId(), m).snapshots().stream()
                        .mapToLong(s -> s.step()).toArray(), "member " + m + ": each snapshot once, in order");
            }
        }
    }
}
