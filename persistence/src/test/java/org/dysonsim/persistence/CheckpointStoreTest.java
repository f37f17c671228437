package org.dysonsim.persistence;

import static org.dysonsim.persistence.JournalFixture.WRITE_TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.RecorderCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member's checkpoint is kept beside its trajectory, not in it: the last one saved comes back
 * bit for bit after the journal is reopened, and the trajectory's events are the same as without.
 */
class CheckpointStoreTest {

    private static MatrixCheckpoint checkpoint(long step) {
        double[] w = {step + 0.1, -1.0 / 3, Math.PI, Double.MIN_VALUE, -0.0, 1e300};
        double[] v = {1e-17, 2, 3, 4, 5, step};
        return new MatrixCheckpoint(step, 3, 2, w, v, new double[] {step * 0.5, 7});
    }

    private static RecorderCommand.CheckpointState checkpointOf(JournalFixture journal, String runId, int member) {
        TestProbe<RecorderCommand.CheckpointState> states = journal.testKit.createTestProbe();
        var recorder = journal.testKit.spawn(TrajectoryRecorder.create(runId, member));
        recorder.tell(new RecorderCommand.GetCheckpoint(states.ref()));
        RecorderCommand.CheckpointState state = states.receiveMessage(WRITE_TIMEOUT);
        journal.testKit.stop(recorder);
        return state;
    }

    @Test
    void theLastCheckpointSavedSurvivesAReopenedJournal(@TempDir Path root) {
        try (JournalFixture journal = JournalFixture.open(root, "")) {
            journal.recordRun("cp", 0, 4, 30, 10, false);
            TestProbe<RecorderCommand.Ack> acks = journal.testKit.createTestProbe();
            var recorder = journal.testKit.spawn(TrajectoryRecorder.create("cp", 0));
            recorder.tell(new RecorderCommand.SaveCheckpoint(checkpoint(10), acks.ref()));
            recorder.tell(new RecorderCommand.SaveCheckpoint(checkpoint(20), acks.ref()));
            assertEquals(List.of(10L, 20L), acks.receiveSeveralMessages(2, WRITE_TIMEOUT).stream()
                    .map(RecorderCommand.Ack::step).toList());
            assertNull(checkpointOf(journal, "cp", 1).checkpoint(), "a member that never saved one");
        }
        try (JournalFixture journal = JournalFixture.open(root, "");
             JournalSession session = JournalSession.openForReading(root, ConfigFactory.empty())) {
            MatrixCheckpoint back = checkpointOf(journal, "cp", 0).checkpoint();
            MatrixCheckpoint saved = checkpoint(20);
            assertEquals(20, back.step());
            assertEquals(3, back.rows());
            assertEquals(2, back.cols());
            assertArrayEquals(saved.weights(), back.weights(), 0.0);
            assertArrayEquals(saved.velocity(), back.velocity(), 0.0);
            assertArrayEquals(saved.lossState(), back.lossState(), 0.0);
            assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.weights()[4]));
            // the trajectory itself: RunStarted and four snapshots, no checkpoint among them
            assertEquals(List.of("cp"), session.reader().runIds());
            assertEquals(5, session.reader().lastSequenceNumber("cp", 0));
            assertEquals(RunStatus.INTERRUPTED, session.catalog().describe("cp").status());
        }
    }
}
