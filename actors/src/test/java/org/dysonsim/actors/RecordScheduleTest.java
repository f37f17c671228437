package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordScheduleTest {

    private static List<Long> recorded(RecordSchedule schedule) {
        List<Long> steps = new ArrayList<>();
        for (long s = 0; s <= schedule.steps(); s++) if (schedule.records(s)) steps.add(s);
        return steps;
    }

    @Test
    void stepZeroEveryIntervalAndTheLastStepAreRecorded() {
        assertEquals(List.of(0L, 20L, 40L, 60L, 80L, 95L), recorded(new RecordSchedule(95, 20)));
        assertEquals(List.of(0L, 5L, 10L), recorded(new RecordSchedule(10, 5)));
        assertEquals(List.of(0L, 1L, 2L, 3L), recorded(new RecordSchedule(3, 1)));
        assertEquals(List.of(0L, 7L), recorded(new RecordSchedule(7, 100)));
    }

    @Test
    void theNextRecordedStepIsTheNextOneRecordsSays() {
        RecordSchedule schedule = new RecordSchedule(95, 20);
        for (long s = 0; s < 95; s++) {
            long next = schedule.nextAfter(s);
            long expected = s + 1;
            while (!schedule.records(expected)) expected++;
            assertEquals(expected, next, "after step " + s);
        }
    }

    @Test
    void aRecordIntervalBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RecordSchedule(10, 0));
    }
}
