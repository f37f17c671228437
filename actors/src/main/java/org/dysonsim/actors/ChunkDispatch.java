package org.dysonsim.actors;

import java.util.Arrays;

/**
 * A clock's bookkeeping for members whose blocks advance without the Coulomb exchange: the
 * nominal steps go out in chunks, each ending at the next step to record or at most
 * {@code advanceChunk} steps on, and each block's advanced slice is put back into the member's
 * positions until every block of the chunk has answered. No mailbox: the clock owns one and
 * sends what it says.
 */
final class ChunkDispatch {
    private final RecordSchedule records;
    private final int advanceChunk;
    private final BlockLayout layout;
    private long end;
    private int pending;

    ChunkDispatch(long steps, int recordEvery, int advanceChunk, BlockLayout layout) {
        if (advanceChunk < 1) throw new IllegalArgumentException("the chunk must be positive, got " + advanceChunk);
        this.records = new RecordSchedule(steps, recordEvery);
        this.advanceChunk = advanceChunk;
        this.layout = layout;
    }

    /** The end of the chunk of steps from {@code start}: the next step to record, at most a chunk on. */
    long endOf(long start) {
        return Math.min(records.nextAfter(start), start + advanceChunk);
    }

    /** Opens the chunk from {@code start}: every block owes its slice again. Returns the chunk's end. */
    long begin(long start) {
        end = endOf(start);
        pending = layout.blocks();
        return end;
    }

    /** The end of the open chunk. */
    long end() {
        return end;
    }

    /** Block {@code block}'s slice of the member's positions {@code x}, to send with the chunk. */
    double[] slice(double[] x, int block) {
        return Arrays.copyOfRange(x, layout.from(block), layout.to(block));
    }

    /**
     * Puts block {@code block}'s advanced slice into {@code x}; true when it was the last block
     * the open chunk waited for.
     */
    boolean arrived(int block, double[] slice, double[] x) {
        System.arraycopy(slice, 0, x, layout.from(block), slice.length);
        return --pending <= 0;
    }
}
