package org.dysonsim.persistence;

import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.RecorderCommand.Ack;
import org.dysonsim.protocol.RecorderCommand.RecorderState;
import org.dysonsim.protocol.RecorderCommand.Status;
import org.dysonsim.protocol.TrajectoryEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.dysonsim.persistence.JournalFixture.WRITE_TIMEOUT;
import static org.dysonsim.persistence.JournalFixture.snapshot;
import static org.dysonsim.persistence.JournalFixture.started;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrajectoryRecorderTest {

    private static final int N = 8;
    /** Small, so that recovery in these tests starts from a Pekko snapshot. */
    private static final int SNAPSHOT_EVERY = 5;

    private JournalFixture journal;
    private TrajectoryReader reader;

    @BeforeAll
    void start(@TempDir Path root) {
        journal = JournalFixture.open(root, "dysonsim.recorder.snapshot-every = " + SNAPSHOT_EVERY);
        reader = new TrajectoryReader(journal.testKit.system());
    }

    @AfterAll
    void stop() {
        journal.close();
    }

    @Test
    void persistenceIdNamesRunAndMember() {
        assertEquals("run|r-1|3", TrajectoryRecorder.persistenceId("r-1", 3));
    }

    @Test
    void aRecordedMemberRecoversItsLastSnapshotAndStatus() {
        journal.recordRun("recover", 0, N, 230, 10, true);

        RecorderState state = stateOf(journal.testKit.spawn(TrajectoryRecorder.create("recover", 0)));
        assertEquals(Status.COMPLETED, state.status());
        assertEquals(started("recover", 0, N), state.started());
        assertEquals(230, state.last().step());
        assertArrayEquals(snapshot(0, 230, N).values(), state.last().values());
        assertNull(state.failure());
    }

    @Test
    void aMemberThatNeverBeganIsNew() {
        RecorderState state = stateOf(journal.testKit.spawn(TrajectoryRecorder.create("never", 0)));
        assertEquals(Status.NEW, state.status());
        assertNull(state.started());
        assertNull(state.last());
    }

    @Test
    void aFailureIsRecordedWithItsReason() {
        TestProbe<Ack> acks = journal.testKit.createTestProbe();
        var recorder = journal.testKit.spawn(TrajectoryRecorder.create("fails", 2));
        recorder.tell(new RecorderCommand.Begin(started("fails", 2, N), acks.ref()));
        recorder.tell(new RecorderCommand.Record(snapshot(2, 0, N), acks.ref()));
        recorder.tell(new RecorderCommand.Fail(new TrajectoryEvent.RunFailed(3, "eigenvalue 4 is NaN"), acks.ref()));
        assertEquals(List.of(Ack.NO_STEP, 0L, 3L), acks.receiveSeveralMessages(3, WRITE_TIMEOUT).stream().map(Ack::step).toList());
        journal.testKit.stop(recorder);

        RecorderState state = stateOf(journal.testKit.spawn(TrajectoryRecorder.create("fails", 2)));
        assertEquals(Status.FAILED, state.status());
        assertEquals("eigenvalue 4 is NaN", state.failure());
    }

    @Test
    void recordsSentWithoutWaitingAreBatchedInOrderAndNoneIsLost() {
        int records = 600;
        TestProbe<Ack> acks = journal.testKit.createTestProbe();
        var recorder = journal.testKit.spawn(TrajectoryRecorder.create("burst", 1));
        // While the first write is in flight the rest queue up: at least one write holds several.
        LoggingTestKit.custom(event -> event.message().matches("persisting a batch of ([2-9]|\\d\\d+) commands"))
                .withCheckExcess(false)
                .expect(journal.testKit.system(), () -> {
                    recorder.tell(new RecorderCommand.Begin(started("burst", 1, N), acks.ref()));
                    for (int step = 0; step < records; step++) {
                        recorder.tell(new RecorderCommand.Record(snapshot(1, step, N), acks.ref()));
                    }
                    return null;
                });
        List<Ack> received = acks.receiveSeveralMessages(records + 1, WRITE_TIMEOUT);
        for (int step = 0; step < records; step++) {
            assertEquals(step, received.get(step + 1).step(), "acks come back in the order sent");
        }
        journal.testKit.stop(recorder);

        assertEquals(records + 1, reader.lastSequenceNumber("burst", 1));
        try (Stream<TrajectoryEvent> events = reader.events("burst", 1)) {
            List<TrajectoryEvent> all = events.toList();
            assertEquals(started("burst", 1, N), all.get(0));
            for (int step = 0; step < records; step++) {
                var recorded = (TrajectoryEvent.SnapshotRecorded) all.get(step + 1);
                assertEquals(step, recorded.step());
                assertArrayEquals(snapshot(1, step, N).values(), recorded.values());
            }
        }
    }

    @Test
    void aResumedMemberResendingRecordedStepsAddsNoDuplicates() {
        journal.recordRun("resume", 0, N, 200, 10, false);

        // The resumed member restarts from step 150 (say its last checkpoint) and records on to 300.
        TestProbe<Ack> acks = journal.testKit.createTestProbe();
        var recorder = journal.testKit.spawn(TrajectoryRecorder.create("resume", 0));
        assertEquals(200, stateOf(recorder).last().step());
        recorder.tell(new RecorderCommand.Begin(started("resume", 0, N), acks.ref()));
        for (long step = 150; step <= 300; step += 10) {
            recorder.tell(new RecorderCommand.Record(snapshot(0, step, N), acks.ref()));
        }
        recorder.tell(new RecorderCommand.Complete(new TrajectoryEvent.RunCompleted(300, 3.0), acks.ref()));
        List<Ack> received = acks.receiveSeveralMessages(1 + 16 + 1, WRITE_TIMEOUT);
        assertEquals(150, received.get(1).step(), "an ignored step is still acknowledged");
        journal.testKit.stop(recorder);

        try (Stream<TrajectoryEvent> events = reader.events("resume", 0)) {
            List<TrajectoryEvent> all = events.toList();
            assertEquals(1, all.stream().filter(e -> e instanceof TrajectoryEvent.RunStarted).count());
            List<Long> steps = all.stream().filter(e -> e instanceof TrajectoryEvent.SnapshotRecorded)
                    .map(e -> ((TrajectoryEvent.SnapshotRecorded) e).step()).toList();
            assertEquals(Stream.iterate(0L, s -> s <= 300, s -> s + 10).toList(), steps);
            assertTrue(all.get(all.size() - 1) instanceof TrajectoryEvent.RunCompleted);
        }
    }

    @Test
    void gradientRecordsAreWrittenBesideTheirSnapshotsOnceAndReadBackInStepOrder() {
        TestProbe<Ack> acks = journal.testKit.createTestProbe();
        var recorder = journal.testKit.spawn(TrajectoryRecorder.create("matrix", 0));
        recorder.tell(new RecorderCommand.Begin(started("matrix", 0, N), acks.ref()));
        for (long step = 0; step <= 40; step += 10) {
            recorder.tell(new RecorderCommand.Record(snapshot(0, step, N), gradient(step), acks.ref()));
        }
        acks.receiveSeveralMessages(6, WRITE_TIMEOUT);
        journal.testKit.stop(recorder);

        // Resumed from step 20 (matrix runs re-simulate up to their last snapshot): nothing repeats.
        var resumed = journal.testKit.spawn(TrajectoryRecorder.create("matrix", 0));
        assertEquals(40, stateOf(resumed).last().step(), "the resume point is the snapshot, not its gradient record");
        for (long step = 20; step <= 60; step += 10) {
            resumed.tell(new RecorderCommand.Record(snapshot(0, step, N), gradient(step), acks.ref()));
        }
        acks.receiveSeveralMessages(5, WRITE_TIMEOUT);
        journal.testKit.stop(resumed);

        List<TrajectoryEvent.GradientRecorded> gradients = reader.gradients("matrix", 0);
        assertEquals(List.of(0L, 10L, 20L, 30L, 40L, 50L, 60L),
                gradients.stream().map(TrajectoryEvent.GradientRecorded::step).toList());
        assertArrayEquals(gradient(30).projections(), gradients.get(3).projections());
        try (Stream<TrajectoryEvent> events = reader.events("matrix", 0)) {
            List<TrajectoryEvent> all = events.toList();
            for (int k = 1; k < all.size(); k += 2) {
                var snapshot = (TrajectoryEvent.SnapshotRecorded) all.get(k);
                var gradient = (TrajectoryEvent.GradientRecorded) all.get(k + 1);
                assertEquals(snapshot.step(), gradient.step(), "each gradient record follows its snapshot");
            }
        }
    }

    private static TrajectoryEvent.GradientRecorded gradient(long step) {
        return new TrajectoryEvent.GradientRecorded(step, step * 0.01, 1.0 / (1 + step),
                new double[] {3.0 + step, 2.0}, new double[] {-0.1 * step, 0.2}, new double[] {0.5, 0.25}, 0.75);
    }

    private RecorderState stateOf(ActorRef<RecorderCommand> recorder) {
        TestProbe<RecorderState> probe = journal.testKit.createTestProbe();
        recorder.tell(new RecorderCommand.GetState(probe.ref()));
        return probe.receiveMessage(WRITE_TIMEOUT);
    }
}
