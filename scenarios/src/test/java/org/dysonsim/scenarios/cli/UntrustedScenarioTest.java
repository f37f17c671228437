package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Scenarios and options a tester would try against {@code dyson run}: sizes that cannot fit,
 * wrong types, deep nesting, huge or missing includes, cycles, empty files, control characters,
 * bad options. Each is one line on stderr, exit code 2 and no data directory; a JVM error that
 * gets through anyway is one line and exit code 1.
 */
class UntrustedScenarioTest {
    private static final String TINY = "name = tiny\nn = 2\nsteps = 2\ninit { kind = explicit, values = [0, 1] }\n";

    @TempDir
    Path dir;

    private Path scenario(String text) throws IOException {
        Path f = dir.resolve("s.conf");
        Files.writeString(f, text);
        return f;
    }

    private Path data() {
        return dir.resolve("runs");
    }

    private InProcessDyson.Result run(Path scenario, String... more) {
        List<String> args = new ArrayList<>(List.of("run", scenario.toString(), "--data-dir", data().toString(), "--quiet"));
        args.addAll(List.of(more));
        return InProcessDyson.run(args.toArray(String[]::new));
    }

    /** Exit 2, one line naming the file and the key, no stack trace, and no data directory created. */
    private void assertRefused(InProcessDyson.Result result, String key, String problem) {
        assertEquals(Main.BAD_INPUT, result.exit(), result.err());
        assertEquals(1, result.err().strip().lines().count(), "one line: " + result.err());
        assertTrue(result.err().startsWith("dyson: "), result.err());
        if (key != null) assertTrue(result.err().contains(": " + key + ": "), "names " + key + ": " + result.err());
        assertTrue(result.err().contains(problem), result.err());
        assertFalse(result.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(data()), "nothing written before validation passed");
    }

    // item 5: sizes, memory, types, nesting, sweeps, includes

    @Test
    void sizesThatCannotFitAreRefusedNamingTheKey() throws IOException {
        assertRefused(run(scenario(TINY + "ensemble.members = 2147483647\n")), "ensemble.members", "must be ≤ 1000000");
        assertRefused(run(scenario("name = m\nmodel = matrix\nn = 8\nloss.kind = zero\nmatrix.rows = 100000000\n")), "matrix.rows",
                "of memory");
        assertRefused(run(scenario("name = m\nmodel = matrix\nn = 8\nmatrix.rows = 100000000\n")), "matrix.rows",
                "data.size × matrix.rows = 4096 × 100000000 values exceed the largest array");
        assertRefused(run(scenario("name = m\nmodel = matrix\nn = 8\ndata.size = 2000000000\n")), "data.size",
                "largest array");
        // a Marchenko–Pastur start of n = 40 000 (init.rows = 40 000) is drawn in O(n) memory and is not refused
        assertRefused(run(scenario("name = p\nn = 1000000\nensemble.members = 1000000\n")), "n", "more than the");
    }

    @Test
    void everyKeyIsTypeCheckedEvenWhereNothingReadsIt() throws IOException {
        assertRefused(run(scenario(TINY + "report.predictions = \"ks\"\n")), "report.predictions",
                "expected a list of names, got string \"ks\"");
        assertRefused(run(scenario(TINY + "report.predictions = [1]\n")), "report.predictions", "element 0 is not a name: 1");
        assertRefused(run(scenario(TINY + "step.adaptive = 3\n")), "step.adaptive", "expected true or false");
        // a sweep over the model: wishart.m is read by one run only, but its type is checked for both
        assertRefused(run(scenario(TINY + "wishart.m = [3]\nsweep.model = [coulomb, wishart]\n")), "wishart.m",
                "expected an integer, got a list");
    }

    @Test
    void deepNestingHugeSweepsAndHugeIncludesAreRefused() throws IOException {
        String deep = "a {".repeat(3000) + "}".repeat(3000);
        assertRefused(run(scenario(TINY + deep)), null, "nested too deeply");
        String dotted = IntStream.range(0, 5000).mapToObj(i -> "a").collect(Collectors.joining(".")) + " = 1\n";
        assertRefused(run(scenario(TINY + dotted)), null, "nested too deeply");

        String thousand = IntStream.range(0, 1000).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        assertRefused(run(scenario(TINY + "sweep { seed = [" + thousand + "], steps = [" + thousand.replace("0,", "1,")
                + "] }\n")), "sweep", "more than 10000 combinations");

        Path big = dir.resolve("big.conf");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(400L << 20); // sparse: 400 MB on paper, nothing on disk
        }
        assertRefused(run(scenario(TINY + "include \"big.conf\"\n")), null, "include \"big.conf\": 419430400 bytes");
    }

    // item 6: silent acceptance

    @Test
    void emptyFilesMissingIncludesAndCyclesAreRefused() throws IOException {
        assertRefused(run(scenario("")), null, "the scenario is empty");
        assertRefused(run(scenario("# only a comment\n")), null, "the scenario is empty");
        assertRefused(run(scenario(TINY + "include \"missing.conf\"\n")), null, "include \"missing.conf\": no such file");
        assertRefused(run(scenario(TINY + "include required(file(\"missing.conf\"))\n")), null, "no such file");
        assertRefused(run(scenario(TINY + "include classpath(\"scenario-defaults.conf\")\n")), null,
                "only files can be included");
        assertRefused(run(scenario(TINY + "steps = ${dt}\ndt = ${steps}\n")), "line 5", "cycle");
    }

    @Test
    void anIncludedFileBesideTheScenarioIsRead() throws IOException {
        Files.createDirectories(dir.resolve("parts"));
        Files.writeString(dir.resolve("parts").resolve("size.conf"), "n = 3\ninclude \"steps.conf\"\n");
        Files.writeString(dir.resolve("parts").resolve("steps.conf"), "steps = 4\n");
        InProcessDyson.Result result = run(scenario("name = inc\ninclude \"parts/size.conf\"\n"
                + "init { kind = explicit, values = [0, 1, 2] }\nerror-control.members = 0\n"));
        assertEquals(Main.OK, result.exit(), result.err());
        String stored = Files.readString(onlyRun().resolve("scenario.conf"));
        assertTrue(stored.contains("n=3") || stored.contains("n = 3"), stored);
    }

    @Test
    void everySixtyFourBitSeedIsAccepted() throws IOException {
        InProcessDyson.Result result = run(scenario(TINY + "error-control.members = 0\nseed = 9223372036854775807\n"));
        assertEquals(Main.OK, result.exit(), result.err());
        assertTrue(Files.readString(onlyRun().resolve("scenario.conf")).contains("9223372036854775807"));
        InProcessDyson.Result negative = run(scenario(TINY + "error-control.members = 0\n"), "--seed", "-9223372036854775808");
        assertEquals(Main.OK, negative.exit(), negative.err());
    }

    @Test
    void aSeedBeyondSixtyFourBitsIsRefused() throws IOException {
        assertRefused(run(scenario(TINY + "seed = 1e20\n")), "seed", "expected an integer from -9223372036854775808");
        assertRefused(run(scenario(TINY + "seed = 9223372036854775808\n")), "seed", "expected an integer");
    }

    // item 9: options checked before the data directory is created

    @Test
    void badJournalAndClusterOptionsLeaveNoDataDirectory() throws IOException {
        Path f = scenario(TINY);
        assertRefused(run(f, "--journal", "mysql"), null, "--journal: unknown journal");
        assertRefused(run(f, "--jdbc-url", "jdbc:h2:mem:x"), null, "is not a PostgreSQL JDBC URL");
        assertRefused(run(f, "--journal", "postgres", "--jdbc-url", "jdbc:postgresql://localhost/x",
                "--jdbc-password-file", dir.resolve("nope").toString()), null, "--jdbc-password-file: cannot read");
        assertRefused(run(f, "--cluster", "127.0.0.1:2551", "--cluster-host", "not a host"), null, "--cluster-host:");
        assertRefused(run(f, "--cluster", "nonsense"), null, "--cluster:");
        String[] nodes = {"not a host", "192.0.2.1", "0.0.0.0"}; // 192.0.2.0/24 is reserved for documentation
        for (String host : nodes) {
            assertRefused(InProcessDyson.run("node", "--port", "2599", "--host", host, "--data-dir", data().toString()),
                    null, "--host: ");
        }
        assertRefused(InProcessDyson.run("node", "--port", "2599", "--journal", "mysql", "--data-dir", data().toString()),
                null, "--journal: unknown journal");
    }

    // item 10: control characters never reach the terminal

    @Test
    void controlCharactersFromTheScenarioAreEscaped() throws IOException {
        InProcessDyson.Result value = run(scenario(TINY + "model = \"co\\u001b[31mulomb\\r\"\n"));
        assertRefused(value, "model", "unknown value \"co\\e[31mulomb\\r\"");
        InProcessDyson.Result key = run(scenario(TINY + "\"st\\u0007eps\\u202e\" = 3\n"));
        assertRefused(key, "st\\u0007eps\\u202e", "unknown key");
        InProcessDyson.Result set = run(scenario(TINY), "--set", "name\u001b]0;owned\u0007");
        assertRefused(set, null, "--set name\\e]0;owned\\u0007: expected key=value");
        for (InProcessDyson.Result r : List.of(value, key, set)) {
            assertFalse(r.err().chars().anyMatch(c -> c < 0x20 && c != '\n'), r.err());
        }
    }

    @Test
    void aScenarioNameWithControlCharactersIsListedEscaped() throws IOException {
        Path f = scenario("name = \"evil\\u001b[2J\\u0007 run\"\nn = 2\nsteps = 2\nerror-control.members = 0\n"
                + "init { kind = explicit, values = [0, 1] }\n");
        InProcessDyson.Result result = run(f);
        assertEquals(Main.OK, result.exit(), result.err());
        InProcessDyson.Result list = InProcessDyson.run("list", "--data-dir", data().toString());
        assertEquals(Main.OK, list.exit(), list.err());
        assertTrue(list.out().contains(" evil\\e[2J\\u0007_run "), list.out());
        assertFalse(list.out().chars().anyMatch(c -> c < 0x20 && c != '\n'), list.out());
    }

    // item 5: a JVM error that gets past validation is one line and exit code 1

    @CommandLine.Command(name = "overflow")
    static final class Overflow implements Callable<Integer> {
        @Override
        public Integer call() {
            return recurse(0);
        }

        private static int recurse(int depth) {
            return recurse(depth + 1) + 1;
        }
    }

    /** An out-of-memory error that reaches the command as the cause of a failed run's exception. */
    @CommandLine.Command(name = "exhaust")
    static final class Exhaust implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a member failed", new OutOfMemoryError("Java heap space"));
        }
    }

    @Test
    void aStackOverflowOrOutOfMemoryIsOneLineAndExitOne() {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand(new Overflow());
        cl.addSubcommand(new Exhaust());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(Main.FAILED, Main.execute(cl, "overflow"));
        assertEquals(Main.FAILED, Main.execute(cl, "exhaust"));
        assertEquals("dyson: stack overflow (input nested too deeply?)\n"
                + "dyson: out of memory (Java heap space); give the JVM more with DYSON_JAVA_OPTS=-Xmx... or make the scenario"
                + " smaller\n", err.toString());
    }

    private Path onlyRun() throws IOException {
        try (var runs = Files.list(data())) {
            return runs.filter(p -> Files.exists(p.resolve("scenario.conf"))).findFirst().orElseThrow();
        }
    }
}
