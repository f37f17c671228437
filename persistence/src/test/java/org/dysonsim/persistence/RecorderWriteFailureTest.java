package org.dysonsim.persistence;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.RecorderCommand.Ack;
import org.dysonsim.protocol.TrajectoryEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.stream.LongStream;

import static org.dysonsim.persistence.JournalFixture.WRITE_TIMEOUT;
import static org.dysonsim.persistence.JournalFixture.snapshot;
import static org.dysonsim.persistence.JournalFixture.started;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Writes that fail (the database unreachable for a moment) are retried, without loss or duplicates. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecorderWriteFailureTest {

    private static final int N = 4;

    private final ActorTestKit testKit = ActorTestKit.create("write-failures", PersistenceTestKitPlugin.getInstance().config()
            .withFallback(PersistenceTestKitSnapshotPlugin.getInstance().config())
            .withFallback(ConfigFactory.parseString("""
                    dysonsim.recorder.retry-min-backoff = 10ms
                    dysonsim.recorder.retry-max-backoff = 50ms
                    """))
            .withFallback(ActorTestKit.applicationTestConfig()));
    private final PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());

    @AfterAll
    void shutdown() {
        testKit.shutdownTestKit();
    }

    @Test
    void failedWritesAreRetriedAndEveryStepIsRecordedOnce() {
        String pid = PersistenceIds.persistenceId("flaky", 0);
        TestProbe<Ack> acks = testKit.createTestProbe();
        var recorder = testKit.spawn(TrajectoryRecorder.create("flaky", 0));
        recorder.tell(new RecorderCommand.Begin(started("flaky", 0, N), acks.ref()));
        acks.receiveMessage(WRITE_TIMEOUT);

        journal.failNextNPersisted(pid, 3);
        for (long step = 0; step < 50; step++) {
            recorder.tell(new RecorderCommand.Record(snapshot(0, step, N), acks.ref()));
        }
        recorder.tell(new RecorderCommand.Complete(new TrajectoryEvent.RunCompleted(49, 0.49), acks.ref()));

        List<Long> acked = acks.receiveSeveralMessages(51, WRITE_TIMEOUT).stream().map(Ack::step).toList();
        assertEquals(LongStream.range(0, 50).boxed().toList(), acked.subList(0, 50), "acks in order, none lost");
        List<Long> stored = journal.persistedInStorage(pid).stream()
                .filter(e -> e instanceof TrajectoryEvent.SnapshotRecorded)
                .map(e -> ((TrajectoryEvent.SnapshotRecorded) e).step()).toList();
        assertEquals(LongStream.range(0, 50).boxed().toList(), stored, "each step stored exactly once");
        acks.expectNoMessage();
    }

    @Test
    void aJournalThatKeepsFailingStopsTheRecorder() {
        TestProbe<Ack> acks = testKit.createTestProbe();
        TestProbe<Object> watcher = testKit.createTestProbe();
        var recorder = testKit.spawn(TrajectoryRecorder.create("broken", 0));
        recorder.tell(new RecorderCommand.Begin(started("broken", 0, N), acks.ref()));
        acks.receiveMessage(WRITE_TIMEOUT);
        journal.failNextNPersisted(PersistenceIds.persistenceId("broken", 0), 1000);
        recorder.tell(new RecorderCommand.Record(snapshot(0, 0, N), acks.ref()));
        watcher.expectTerminated(recorder, WRITE_TIMEOUT);
        acks.expectNoMessage();
    }
}
