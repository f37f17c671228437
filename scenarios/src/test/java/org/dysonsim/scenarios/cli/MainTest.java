package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process: exit codes and one-line errors. End to end through ./dyson: DysonIT. */
class MainTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int dyson(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void badScenarioIsExitTwoWithOneLineAndNothingWritten() throws IOException {
        Path f = dir.resolve("bad.conf");
        Files.writeString(f, "n = 4\nstpes = 10\n");
        Path data = dir.resolve("runs");
        assertEquals(Main.BAD_INPUT, dyson("run", f.toString(), "--data-dir", data.toString(), "--quiet"));
        assertEquals("dyson: " + f + ": stpes: unknown key (did you mean steps?)\n", err.toString());
        assertFalse(Files.exists(data));
    }

    @Test
    void badSeedOptionIsAUsageErrorOnOneLine() {
        assertEquals(Main.BAD_INPUT, dyson("run", "x.conf", "--seed", "abc"));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("dyson: "), err.toString());
    }

    @Test
    void unknownSubcommandAndMissingSubcommandAreUsageErrors() {
        assertEquals(Main.BAD_INPUT, dyson("frobnicate"));
        assertEquals(Main.BAD_INPUT, dyson());
    }

    @Test
    void aDataDirectoryThatIsNotOursIsRefusedAndLeftAlone() throws IOException {
        Path f = dir.resolve("ok.conf");
        Files.writeString(f, "n = 2\nsteps = 2\ninit { kind = explicit, values = [0, 1] }\n");
        Path foreign = dir.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("thesis.tex"), "x");
        assertEquals(Main.BAD_INPUT, dyson("run", f.toString(), "--data-dir", foreign.toString(), "--quiet"));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("not a dysonsim data directory"), err.toString());
        try (Stream<Path> entries = Files.list(foreign)) {
            assertEquals(1, entries.count());
        }
    }

    @Test
    void runWritesReportWithSeedFromTheOption() throws IOException {
        Path f = dir.resolve("tiny.conf");
        Files.writeString(f, "name = tiny\nn = 3\nsteps = 20\nrecord-every = 5\nensemble.members = 2\n"
                + "drift.kind = harmonic\ninit { kind = explicit, values = [-1, 0, 1] }\n");
        Path data = dir.resolve("runs");
        assertEquals(Main.OK, dyson("run", f.toString(), "--data-dir", data.toString(), "--seed", "99", "--quiet"), err.toString());
        assertEquals("", err.toString());
        Path run;
        try (Stream<Path> runs = Files.list(data)) {
            run = runs.filter(p -> Files.exists(p.resolve("scenario.conf"))).findFirst().orElseThrow();
        }
        assertTrue(run.getFileName().toString().startsWith("tiny-"));
        assertEquals("report: " + run.resolve("report.html"), out.toString().lines().findFirst().orElseThrow());
        assertTrue(out.toString().lines().skip(1).findFirst().orElseThrow()
                .startsWith("run " + run.getFileName() + ": "), "then its verdicts: " + out);
        assertTrue(Files.readString(run.resolve("scenario.conf")).contains("seed=99"));
        assertTrue(Files.readString(run.resolve("report.json")).contains("\"seed\": 99"));
    }
}
