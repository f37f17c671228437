package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run recorded before runs named their generator (the persistence module's committed fixture
 * journal, written by that build: its RunStarted scenario has no {@code rng}): {@code resume}
 * refuses it in one line, exit 2, before anything continues.
 */
class OldGeneratorRunTest {
    /** The committed journal of the persistence module (tests run in their module's directory). */
    private static final Path FIXTURE = Path.of("../persistence/src/test/resources/fixture-journal");
    private static final String RUN = "fixture-run";

    @Test
    void resumeOfARunRecordedWithTheOldGeneratorIsRefusedInOneLine(@TempDir Path root) throws IOException {
        Path data = root.resolve("data");
        Files.createDirectories(data.resolve("journal"));
        Files.copy(FIXTURE.resolve(".dysonsim"), data.resolve(".dysonsim"));
        Files.copy(FIXTURE.resolve("journal/dyson.mv.db"), data.resolve("journal/dyson.mv.db"));
        Files.createDirectories(data.resolve(RUN));
        Files.writeString(data.resolve(RUN).resolve("scenario.conf"), "name = fixture\nn = 3\n");

        InProcessDyson.Result resume = InProcessDyson.run("resume", RUN, "--data-dir", data.toString(), "--quiet");
        assertEquals(2, resume.exit(), resume.err());
        assertEquals(1, resume.err().lines().count(), resume.err());
        assertTrue(resume.err().startsWith("dyson: run " + RUN + ": rng: recorded with the generator splitmix64-rounds,"
                + " which this version no longer has"), resume.err());
        assertEquals("", resume.out());
    }
}
