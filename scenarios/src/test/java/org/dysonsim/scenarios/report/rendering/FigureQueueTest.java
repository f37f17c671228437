package org.dysonsim.scenarios.report.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureQueueTest {
    @TempDir
    Path dir;

    @Test
    void withoutAnOpenQueueAFigureIsWrittenAtOnceOnTheCallersThread() throws IOException {
        List<Thread> on = new CopyOnWriteArrayList<>();
        FigureQueue.submit(() -> on.add(Thread.currentThread()));
        assertEquals(List.of(Thread.currentThread()), on);
    }

    @Test
    void anOpenQueueWritesEveryFigureOnItsOwnThreadBeforeFinishReturns() throws IOException {
        List<Thread> on = new CopyOnWriteArrayList<>();
        try (FigureQueue figures = FigureQueue.open()) {
            // more than AHEAD figures: the caller waits for the oldest instead of piling charts up
            for (int i = 0; i < 3 * FigureQueue.AHEAD; i++) {
                Path file = dir.resolve("figure-" + i);
                FigureQueue.submit(() -> {
                    on.add(Thread.currentThread());
                    Files.writeString(file, "drawn");
                });
            }
            figures.finish();
        }
        assertEquals(3 * FigureQueue.AHEAD, on.size());
        for (int i = 0; i < 3 * FigureQueue.AHEAD; i++) assertTrue(Files.exists(dir.resolve("figure-" + i)));
        assertTrue(on.stream().noneMatch(t -> t == Thread.currentThread()));
    }

    @Test
    void theFirstFigureThatCannotBeWrittenFailsTheReportWithItsOwnException() throws IOException {
        try (FigureQueue figures = FigureQueue.open()) {
            FigureQueue.submit(() -> Files.writeString(dir.resolve("fine"), "drawn"));
            FigureQueue.submit(() -> Files.writeString(dir.resolve("missing").resolve("figure"), "drawn"));
            NoSuchFileException e = assertThrows(NoSuchFileException.class, figures::finish);
            assertTrue(e.getMessage().contains("missing"), e.getMessage());
        }
    }

    @Test
    void closingAQueueReturnsToTheOneAroundIt() throws IOException {
        List<Thread> on = new CopyOnWriteArrayList<>();
        try (FigureQueue outer = FigureQueue.open()) {
            try (FigureQueue inner = FigureQueue.open()) {
                inner.finish();
            }
            FigureQueue.submit(() -> on.add(Thread.currentThread()));
            outer.finish();
        }
        assertEquals(1, on.size());
        assertNotEquals(Thread.currentThread(), on.get(0));
        FigureQueue.submit(() -> on.add(Thread.currentThread()));
        assertEquals(Thread.currentThread(), on.get(1));
    }
}
