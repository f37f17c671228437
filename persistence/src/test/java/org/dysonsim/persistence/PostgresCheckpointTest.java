package org.dysonsim.persistence;

import static org.dysonsim.persistence.JournalFixture.WRITE_TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.RecorderCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the shared PostgreSQL journal a checkpoint saved by one node is what another node's recorder
 * of the same member answers: how a matrix-level member moved off a failed node resumes.
 */
class PostgresCheckpointTest {

    @RegisterExtension
    static final PostgresJournal POSTGRES = new PostgresJournal();

    @Test
    void aCheckpointSavedOnOneNodeIsLoadedOnAnother(@TempDir Path root) {
        MatrixCheckpoint first = new MatrixCheckpoint(100, 2, 2, new double[] {1, 2, 3, 4}, new double[] {0, 0, 0, 1e-9},
                new double[0]);
        MatrixCheckpoint second = new MatrixCheckpoint(200, 2, 2, new double[] {-1, Math.E, 3, 4}, new double[] {5, 6, 7, 8},
                new double[] {0.25});
        try (JournalFixture nodeA = JournalFixture.open(root.resolve("a"), POSTGRES.overrides(), "", "node-a")) {
            TestProbe<RecorderCommand.Ack> acks = nodeA.testKit.createTestProbe();
            var recorder = nodeA.testKit.spawn(TrajectoryRecorder.create("pg-cp", 3));
            recorder.tell(new RecorderCommand.SaveCheckpoint(first, acks.ref()));
            assertEquals(100, acks.receiveMessage(WRITE_TIMEOUT).step());
            recorder.tell(new RecorderCommand.SaveCheckpoint(second, acks.ref()));
            assertEquals(200, acks.receiveMessage(WRITE_TIMEOUT).step());
        }
        try (JournalFixture nodeB = JournalFixture.open(root.resolve("b"), POSTGRES.overrides(), "", "node-b")) {
            TestProbe<RecorderCommand.CheckpointState> states = nodeB.testKit.createTestProbe();
            nodeB.testKit.spawn(TrajectoryRecorder.create("pg-cp", 3)).tell(new RecorderCommand.GetCheckpoint(states.ref()));
            MatrixCheckpoint back = states.receiveMessage(WRITE_TIMEOUT).checkpoint();
            assertEquals(200, back.step());
            assertArrayEquals(second.weights(), back.weights(), 0.0);
            assertArrayEquals(second.velocity(), back.velocity(), 0.0);
            assertArrayEquals(second.lossState(), back.lossState(), 0.0);
        }
    }
}
