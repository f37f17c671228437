package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.RecorderCommand;
import org.junit.jupiter.api.Test;

/** The write bookkeeping of a member supervisor, with numbers and no actor system. */
class WritePipelineTest {

    private static MatrixCheckpoint checkpointAt(long step) {
        return new MatrixCheckpoint(step, 1, 1, new double[] {step}, new double[] {0}, new double[0]);
    }

    @Test
    void theBacklogFillsAtItsBoundAndDrainsAtHalf() {
        WritePipeline writes = new WritePipeline(4);
        writes.sent(); // the start
        for (long step = 0; step < 40; step += 10) {
            assertFalse(writes.full(), "before the snapshot of step " + step);
            writes.snapshotSent(step);
        }
        assertTrue(writes.full());
        assertEquals(4, writes.backlog());
        writes.acknowledged(RecorderCommand.Ack.NO_STEP); // the start's: it makes no snapshot durable
        assertEquals(4, writes.backlog(), "the start written says nothing of the snapshot of step 0");
        writes.acknowledged(0);
        assertEquals(3, writes.backlog());
        assertFalse(writes.drained(), "3 of 4 still being written");
        writes.acknowledged(10);
        assertTrue(writes.drained());
        assertFalse(writes.full());
        writes.acknowledged(20);
        writes.acknowledged(30);
        assertTrue(writes.idle());
        assertEquals(30, writes.durableStep());
        assertEquals(0, writes.backlog());
    }

    @Test
    void aCheckpointWaitsForTheSnapshotOfItsStep() {
        WritePipeline writes = new WritePipeline(8);
        writes.snapshotSent(10);
        writes.snapshotSent(20);
        MatrixCheckpoint at20 = checkpointAt(20);
        assertNull(writes.checkpointed(at20), "step 20 is not durable yet");
        assertNull(writes.acknowledged(10));
        assertSame(at20, writes.acknowledged(20), "its snapshot is durable: save it now");
        writes.sent(); // the checkpoint itself
        assertNull(writes.acknowledged(20), "saved once");
        assertTrue(writes.idle());
    }

    @Test
    void aNewerCheckpointReplacesTheWaitingOneAndADurableOneIsSavedAtOnce() {
        WritePipeline writes = new WritePipeline(8);
        writes.durableUpTo(50); // resumed after step 50
        MatrixCheckpoint at40 = checkpointAt(40);
        assertSame(at40, writes.checkpointed(at40));
        writes.snapshotSent(60);
        writes.snapshotSent(70);
        assertNull(writes.checkpointed(checkpointAt(60)));
        MatrixCheckpoint at70 = checkpointAt(70);
        assertNull(writes.checkpointed(at70));
        assertNull(writes.acknowledged(60), "the checkpoint of step 60 was replaced by that of step 70");
        assertSame(at70, writes.acknowledged(70));
    }

    @Test
    void aCheckpointLeftWaitingWhenTheSimulationEndsIsNeverSaved() {
        WritePipeline writes = new WritePipeline(8);
        writes.snapshotSent(10);
        assertNull(writes.checkpointed(checkpointAt(10)));
        writes.dropWaitingCheckpoint();
        assertNull(writes.acknowledged(10));
        assertTrue(writes.idle());
    }

    @Test
    void anAcknowledgementNobodyWaitsForIsAnError() {
        WritePipeline writes = new WritePipeline(1);
        assertThrows(IllegalStateException.class, () -> writes.acknowledged(0));
        assertThrows(IllegalArgumentException.class, () -> new WritePipeline(0));
    }
}
