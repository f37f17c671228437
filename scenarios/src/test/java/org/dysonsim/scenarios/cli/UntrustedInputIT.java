package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of a tester, through {@code ./dyson} in a JVM of 256 MB: inputs that used to pass
 * validation and then crash the process (out of memory, stack overflow, JVM abort), and an
 * export aimed at the journal. Each must be one line and exit code 2, with nothing written.
 */
class UntrustedInputIT {
    @TempDir
    Path dir;

    record Outcome(int exit, String out, String err) {}

    private Outcome dyson(String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = DysonProcess.builder(dir, "dyson", List.of(args));
        pb.environment().put("DYSON_JAVA_OPTS", "-Xmx256m");
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "dyson did not finish");
        return new Outcome(p.exitValue(), Files.readString(dir.resolve("dyson.out")), Files.readString(dir.resolve("dyson.err")));
    }

    private void assertRefused(String scenario, String expected) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("s.conf"), scenario);
        Outcome o = dyson("run", "s.conf", "--data-dir", "data", "--quiet");
        assertEquals(2, o.exit(), scenario.length() < 200 ? scenario + ": " + o.err() : o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().startsWith("dyson: s.conf: ") && o.err().contains(expected), o.err());
        assertFalse(Files.exists(dir.resolve("data")), "nothing written");
    }

    @Test
    void inputsThatUsedToCrashTheProcessAreOneLineAndExitTwo() throws Exception {
        String tiny = "name = t\nn = 4\nsteps = 10\n";
        assertRefused(tiny + "ensemble.members = 2147483647\n", "ensemble.members: ");
        assertRefused("name = m\nmodel = matrix\nn = 8\nloss.kind = zero\nmatrix.rows = 100000000\n", "matrix.rows: ");
        assertRefused("name = m\nmodel = matrix\nn = 8\ndata.size = 2000000000\n", "data.size: ");
        assertRefused("name = big\nn = 1000000\nensemble.members = 1000000\n", "n: the run needs about");
        assertRefused(tiny + "report.predictions = \"ks\"\n", "report.predictions: expected a list of names");
        assertRefused(tiny + "a {".repeat(3000) + "}".repeat(3000), "nested too deeply");
        String thousand = IntStream.range(1, 1001).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        assertRefused(tiny + "sweep { seed = [" + thousand + "], record-every = [" + thousand + "] }\n", "sweep: more than");
        try (RandomAccessFile big = new RandomAccessFile(dir.resolve("big.conf").toFile(), "rw")) {
            big.setLength(400L << 20);
        }
        assertRefused(tiny + "include \"big.conf\"\n", "include \"big.conf\": 419430400 bytes");
        assertRefused(tiny + "include \"missing.conf\"\n", "include \"missing.conf\": no such file");
        assertRefused("", "the scenario is empty");
    }

    @Test
    void anExportAimedAtTheJournalIsRefusedAndEveryRunSurvives() throws Exception {
        Files.writeString(dir.resolve("t.conf"), "name = t\nn = 2\nsteps = 4\ninit { kind = explicit, values = [0, 1] }\n"
                + "error-control.members = 0\n");
        assertEquals(0, dyson("run", "t.conf", "--data-dir", "data", "--quiet").exit());
        String run = DysonProcess.onlyRun(dir.resolve("data"));
        Path journal = dir.resolve("data").resolve("journal").resolve("dyson.mv.db");
        byte[] before = Files.readAllBytes(journal);

        Outcome o = dyson("export", run, "--format", "csv", "--out", "data/journal/dyson.mv.db", "--force", "--data-dir", "data");
        assertEquals(2, o.exit(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().contains("inside the data directory"), o.err());
        assertArrayEquals(before, Files.readAllBytes(journal));

        Outcome list = dyson("list", "--data-dir", "data");
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains(run + " "), list.out());
    }
}
