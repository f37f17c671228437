package org.dysonsim.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RecordSlicesTest {

    @Test
    void aLongRunIsComparedAtEvenlySpreadRecordsFromItsFirstToItsLast() {
        int[] few = RecordSlices.spread(150, 200);
        assertEquals(150, few.length, "every record when there are fewer than asked");
        for (int k = 0; k < few.length; k++) assertEquals(k, few[k]);
        int[] many = RecordSlices.spread(1_000_001, 200);
        assertEquals(200, many.length);
        assertEquals(0, many[0]);
        assertEquals(1_000_000, many[199]);
        for (int k = 1; k < many.length; k++) {
            int gap = many[k] - many[k - 1];
            assertTrue(gap == 5025 || gap == 5026, "evenly spread: gap " + gap + " at " + k);
        }
        assertArrayEquals(new int[] {0}, RecordSlices.spread(1, 6));
    }

    @Test
    void batchesHoldAtMostTheBudgetOfPositions() {
        SortedSet<Integer> records = new TreeSet<>();
        for (int k = 0; k < 10; k++) records.add(k);
        // 4 members of 2^17 levels: 2 records fill the budget of 2^20 positions
        List<SortedSet<Integer>> batches = RecordSlices.batches(4, 1 << 17, records);
        assertEquals(5, batches.size());
        assertEquals(new TreeSet<>(List.of(8, 9)), batches.get(4));
    }
}
