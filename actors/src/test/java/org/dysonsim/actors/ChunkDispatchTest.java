package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The clock's chunks: where they end, and the member's positions gathered from its blocks. */
class ChunkDispatchTest {

    @Test
    void aChunkEndsAtTheNextRecordedStepOrAChunkOnWhicheverComesFirst() {
        ChunkDispatch d = new ChunkDispatch(95, 20, 8, BlockLayout.of(4, 4));
        assertEquals(8, d.endOf(0));
        assertEquals(20, d.endOf(16), "the record at 20 comes before 16 + 8");
        assertEquals(28, d.endOf(20));
        assertEquals(95, d.endOf(90), "the last step is recorded though it is no multiple of 20");
        assertEquals(40, d.endOf(39));
    }

    @Test
    void chunksFromAResumedStepWalkEveryRecordedStepAndStopAtTheLast() {
        ChunkDispatch d = new ChunkDispatch(50, 10, 4, BlockLayout.of(3, 3));
        List<Long> ends = new ArrayList<>();
        for (long s = 17; s < 50; ends.add(s)) s = d.begin(s);
        assertEquals(List.of(20L, 24L, 28L, 30L, 34L, 38L, 40L, 44L, 48L, 50L), ends);
        assertEquals(50, d.end());
    }

    @Test
    void slicesAreEachBlocksOwnRangeAndACopy() {
        ChunkDispatch d = new ChunkDispatch(10, 5, 5, BlockLayout.of(5, 2));
        double[] x = {0, 1, 2, 3, 4};
        assertArrayEquals(new double[] {0, 1}, d.slice(x, 0));
        assertArrayEquals(new double[] {2, 3}, d.slice(x, 1));
        assertArrayEquals(new double[] {4}, d.slice(x, 2), "the last block is shorter");
        d.slice(x, 0)[0] = 99;
        assertEquals(0, x[0]);
    }

    @Test
    void theChunkIsCompleteWhenEveryBlockHasAnsweredInAnyOrder() {
        ChunkDispatch d = new ChunkDispatch(10, 5, 5, BlockLayout.of(5, 2));
        double[] x = new double[5];
        assertEquals(5, d.begin(0));
        assertFalse(d.arrived(2, new double[] {40}, x));
        assertFalse(d.arrived(0, new double[] {0, 10}, x));
        assertTrue(d.arrived(1, new double[] {20, 30}, x));
        assertArrayEquals(new double[] {0, 10, 20, 30, 40}, x);

        // the next chunk waits for all three blocks again
        assertEquals(10, d.begin(5));
        assertFalse(d.arrived(1, new double[] {21, 31}, x));
        assertFalse(d.arrived(0, new double[] {1, 11}, x));
        assertTrue(d.arrived(2, new double[] {41}, x));
        assertArrayEquals(new double[] {1, 11, 21, 31, 41}, x);
    }

    @Test
    void oneBlockCompletesTheChunkAtOnce() {
        ChunkDispatch d = new ChunkDispatch(3, 1, 100, BlockLayout.of(2, 64));
        double[] x = new double[2];
        assertEquals(1, d.begin(0), "every step is recorded");
        assertTrue(d.arrived(0, new double[] {7, 8}, x));
        assertArrayEquals(new double[] {7, 8}, x);
    }

    @Test
    void aRecordIntervalOrChunkBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ChunkDispatch(10, 0, 5, BlockLayout.of(2, 2)));
        assertThrows(IllegalArgumentException.class, () -> new ChunkDispatch(10, 5, 0, BlockLayout.of(2, 2)));
    }
}
