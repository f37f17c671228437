package org.dysonsim.persistence;

import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.dysonsim.persistence.JournalFixture.WRITE_TIMEOUT;
import static org.dysonsim.persistence.JournalFixture.snapshot;
import static org.dysonsim.persistence.JournalFixture.started;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With every message serialized (as on a cluster), the recorder and its internal messages still
 * work: a message that failed to serialize would be dropped and its Ack never sent (checked:
 * without the Kryo id of RecorderJournalCommand.Persist this test fails, and so it does without those of
 * the journal's answers, RecorderCommand.BatchWritten and JournalRecovered).
 */
class RecorderSerializedMessagesTest {

    @Test
    void theRecorderWorksWhenEveryMessageIsSerialized(@TempDir Path root) {
        try (JournalFixture journal = JournalFixture.open(root, """
                pekko.actor.serialize-messages = on
                pekko.actor.no-serialization-verification-needed-class-prefix = []
                """)) {
            TestProbe<RecorderCommand.Ack> acks = journal.testKit.createTestProbe();
            var recorder = journal.testKit.spawn(TrajectoryRecorder.create("serialized", 0));
            recorder.tell(new RecorderCommand.Begin(started("serialized", 0, 4), acks.ref()));
            for (long step = 0; step < 30; step++) {
                recorder.tell(new RecorderCommand.Record(snapshot(0, step, 4), acks.ref()));
            }
            recorder.tell(new RecorderCommand.Complete(new TrajectoryEvent.RunCompleted(29, 0.29), acks.ref()));
            List<Long> steps = acks.receiveSeveralMessages(32, WRITE_TIMEOUT).stream().map(RecorderCommand.Ack::step).toList();
            assertEquals(29L, steps.get(30));

            TestProbe<RecorderCommand.RecorderState> states = journal.testKit.createTestProbe();
            recorder.tell(new RecorderCommand.GetState(states.ref()));
            assertEquals(RecorderCommand.Status.COMPLETED, states.receiveMessage(WRITE_TIMEOUT).status());
        }
    }
}
