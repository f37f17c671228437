package org.dysonsim.scenarios.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RunWatchTest {
    @Test
    void aBacklogOfSnapshotsIsThinnedEvenlyKeepingTheLast() {
        List<Integer> hundred = IntStream.range(0, 100).boxed().toList();
        assertEquals(List.of(24, 49, 74, 99), RunWatch.spread(hundred, 4));
        assertEquals(List.of(0, 1, 2), RunWatch.spread(List.of(0, 1, 2), 4));
        assertEquals(List.of(0, 2, 4), RunWatch.spread(List.of(0, 1, 2, 3, 4), 3));
    }
}
