package org.dysonsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunNamingTest {
    private static final Instant NOON = Instant.parse("2026-11-23T12:00:05Z");

    @TempDir
    Path data;

    @Test
    void namesBecomeJournalSafeRunIds() {
        for (String name : List.of("quickstart", "_my run/β=2", "..", "x".repeat(300))) {
            String id = RunNaming.study(data, name, NOON);
            assertEquals(id, org.dysonsim.persistence.PersistenceIds.check(id));
        }
        assertEquals("my-run-2", RunNaming.safeName("_my run/β=2"));
        assertEquals("run", RunNaming.safeName(".."));
    }

    @Test
    void sweepRunsShareTheStudyPrefixAndATakenStudyIdIsNotReused() throws IOException {
        String study = RunNaming.study(data, "q", NOON);
        assertEquals("q-20261123-120005", study);
        assertEquals(List.of(study), RunNaming.runs(study, 1));
        assertEquals(List.of(study + "-s1", study + "-s2", study + "-s3"), RunNaming.runs(study, 3));
        Files.createDirectories(data.resolve(study + "-s1"));
        assertEquals(study + "-2", RunNaming.study(data, "q", NOON));
        Files.createDirectories(data.resolve(study + "-2"));
        assertEquals(study + "-3", RunNaming.study(data, "q", NOON));
    }
}
