package org.dysonsim.scenarios.cli;

import org.dysonsim.scenarios.gallery.QuickSizes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.dysonsim.scenarios.FashionMnistInstalled;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden records of every shipped scenario: each one run through the command line (in this JVM)
 * at its shipped seed, shrunk by {@link #SHRINK}, must export the same CSV bytes (their SHA-256),
 * report the same comparisons (verdict, name, statistic, t, value, threshold) and the same numbers
 * in every block of report.json (a SHA-256 per block over its numeric leaves, text left out) as
 * recorded in {@code src/test/resources/golden/<scenario>.golden}; a sweep also its study verdict.
 * Refactorings must leave every bit alone; a change meant to alter results regenerates the
 * records, and the diff of the .golden files shows what moved:
 *
 * <pre>
 * mvn -B -o -pl scenarios -am test -Dtest=GoldenScenariosTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true
 * </pre>
 *
 * Two runs differ only in their run and study ids (they carry the wall-clock second: report.json
 * {@code run_id}, {@code study}, report.html) and in where they are: neither reaches a record.
 */
class GoldenScenariosTest {
    /** Tests run in the module directory; the scenario files sit in the repository's scenarios/. */
    private static final Path SCENARIOS = Path.of("").toAbsolutePath().getParent().resolve("scenarios");
    private static final Path GOLDEN = Path.of("src/test/resources/golden").toAbsolutePath();
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** Per shipped scenario, the overrides that make it quick ({@link QuickSizes}). */
    private static final Map<String, List<String>> SHRINK = QuickSizes.ALL;

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioReproducesItsGoldenRecord() throws IOException {
        return shippedScenarios().stream().map(name -> DynamicTest.dynamicTest(name, () -> checkAgainstGolden(name)));
    }

    @Test
    void everyGoldenRecordBelongsToAShippedScenario() throws IOException {
        List<String> shipped = shippedScenarios();
        assertTrue(Files.isDirectory(GOLDEN), GOLDEN + " is missing; record it with -Dgolden.update=true");
        try (Stream<Path> s = Files.list(GOLDEN)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString().replaceFirst("\\.golden$", "");
                assertTrue(shipped.contains(name), p + " has no scenario in " + SCENARIOS);
            }
        }
        assertEquals(new TreeSet<>(shipped), new TreeSet<>(SHRINK.keySet()), "every shipped scenario has its shrink overrides");
    }

    /**
     * The shipped scenarios run in one block; results must not depend on the block size
     * (README, "One large system split over nodes"), so pure-dyson split into four blocks must
     * reproduce its one-block golden record line for line, the header naming the overrides aside.
     */
    @Test
    void pureDysonInFourBlocksReproducesItsOneBlockGoldenRecord() throws Exception {
        assumeFalse(UPDATE, "records are being written, not compared");
        List<String> overrides = new ArrayList<>(SHRINK.get("pure-dyson"));
        overrides.add("blocks.size=8");
        long cpu = processCpuNanos();
        List<String> split = record("pure-dyson", overrides, temp.resolve("blocks"));
        System.out.printf("golden pure-dyson in four blocks: %.1f s of process CPU%n", (processCpuNanos() - cpu) / 1e9);
        List<String> golden = Files.readAllLines(GOLDEN.resolve("pure-dyson.golden"));
        assertSameLines(withoutComments(golden), withoutComments(split), GOLDEN.resolve("pure-dyson.golden"));
    }

    private static List<String> withoutComments(List<String> lines) {
        return lines.stream().filter(l -> !l.startsWith("#")).toList();
    }

    private static List<String> shippedScenarios() throws IOException {
        try (Stream<Path> s = Files.list(SCENARIOS)) {
            return s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".conf"))
                    .map(f -> f.substring(0, f.length() - ".conf".length())).sorted().toList();
        }
    }

    private void checkAgainstGolden(String name) throws Exception {
        List<String> overrides = SHRINK.get(name);
        if (overrides == null) fail("no shrink overrides for scenarios/" + name + ".conf: add them to SHRINK and record its golden file");
        FashionMnistInstalled.assume(name);
        long cpu = processCpuNanos();
        List<String> record = record(name, overrides, temp.resolve(name));
        System.out.printf("golden %s: %.1f s of process CPU%n", name, (processCpuNanos() - cpu) / 1e9);
        Path file = GOLDEN.resolve(name + ".golden");
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.write(file, record);
            return;
        }
        assertTrue(Files.exists(file), file + " is missing; record it with -Dgolden.update=true");
        assertSameLines(Files.readAllLines(file), record, file);
    }

    /** Runs the shrunk scenario, exports each run, and writes down what must not change. */
    private static List<String> record(String name, List<String> overrides, Path dir) throws Exception {
        Path data = dir.resolve("runs");
        List<String> args = new ArrayList<>(List.of("run", SCENARIOS.resolve(name + ".conf").toString(),
                "--data-dir", data.toString(), "--quiet"));
        for (String o : overrides) {
            args.add("--set");
            args.add(o);
        }
        InProcessDyson.Result run = InProcessDyson.run(args.toArray(String[]::new));
        assertEquals(Main.OK, run.exit(), name + ": " + run.err());

        List<String> out = new ArrayList<>();
        out.add("# scenarios/" + name + ".conf at its shipped seed with --set " + String.join(" --set ", overrides));
        out.add("# regenerate with -Dgolden.update=true on GoldenScenariosTest (see its comment)");
        for (String line : run.out().lines().toList()) {
            if (line.startsWith("report: ")) {
                Path runDir = Path.of(line.substring("report: ".length())).getParent();
                String runId = runDir.getFileName().toString();
                // the study id carries the wall-clock second; the sweep suffix -s<k> does not
                String suffix = runId.matches(".*-s\\d+$") ? runId.substring(runId.lastIndexOf("-s")) : "";
                out.add("run" + suffix);
                Path csv = dir.resolve(runId + ".csv");
                InProcessDyson.Result export = InProcessDyson.run("export", runId, "--format", "csv", "--out", csv.toString(),
                        "--data-dir", data.toString());
                assertEquals(Main.OK, export.exit(), name + " export: " + export.err());
                out.add("csv-sha256 " + sha256(csv));
                out.addAll(reportLines(runDir.resolve("report.json")));
            } else if (line.startsWith("study: ")) {
                Config study = ConfigFactory.parseFile(Path.of(line.substring("study: ".length())).toFile());
                out.add("study verdict " + text(study.root().get("verdict")));
                for (String check : List.of("comparison", "linearity")) out.add("study " + comparisonLine(study.getConfig(check)));
            }
        }
        assertTrue(out.stream().anyMatch(l -> l.startsWith("csv-sha256 ")), name + " reported no run: " + run.out());
        return out;
    }

    /** The report's overall verdict and each comparison, one line each, in the report's order. */
    private static List<String> reportLines(Path reportJson) {
        Config report = ConfigFactory.parseFile(reportJson.toFile());
        List<String> lines = new ArrayList<>();
        lines.add("status " + report.getString("status") + ", verdict " + text(report.root().get("verdict")));
        for (Config c : report.getConfigList("comparisons")) lines.add(comparisonLine(c));
        // every number of every block (statistics, monitoring, forecast, companion, ...), text aside
        StringBuilder scalars = new StringBuilder();
        for (String key : new TreeSet<>(report.root().keySet())) {
            ConfigValue v = report.root().get(key);
            if (v instanceof ConfigObject || v instanceof ConfigList) {
                StringBuilder numbers = new StringBuilder();
                collectNumbers(key, v, numbers);
                if (!numbers.isEmpty()) lines.add("numbers " + key + " " + sha256(numbers.toString()));
            } else {
                collectNumbers(key, v, scalars);
            }
        }
        lines.add("numbers top-level " + sha256(scalars.toString()));
        return lines;
    }

    /** Appends {@code path=value} for every number, boolean and null under {@code v}, keys sorted. */
    private static void collectNumbers(String path, ConfigValue v, StringBuilder out) {
        switch (v.valueType()) {
            case OBJECT -> {
                ConfigObject o = (ConfigObject) v;
                for (String k : new TreeSet<>(o.keySet())) collectNumbers(path + "." + k, o.get(k), out);
            }
            case LIST -> {
                ConfigList l = (ConfigList) v;
                for (int i = 0; i < l.size(); i++) collectNumbers(path + "[" + i + "]", l.get(i), out);
            }
            case NUMBER, BOOLEAN, NULL -> out.append(path).append('=').append(v.unwrapped()).append('\n');
            case STRING -> { }
        }
    }

    private static String comparisonLine(Config c) {
        return String.join(" | ", "comparison " + c.getString("verdict"), c.getString("name"), field(c, "statistic"),
                "t=" + field(c, "t"), "value=" + field(c, "value"), "threshold=" + field(c, "threshold"));
    }

    private static String field(Config c, String key) {
        ConfigValue v = c.root().get(key);
        return v == null ? "absent" : text(v);
    }

    private static String text(ConfigValue v) {
        Object o = v.unwrapped();
        return String.valueOf(o);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Fails with the first differing lines, expected against actual, so a report shows what moved. */
    private static void assertSameLines(List<String> expected, List<String> actual, Path file) {
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()) && diffs.size() < 20; i++) {
            String e = i < expected.size() ? expected.get(i) : "<none>";
            String a = i < actual.size() ? actual.get(i) : "<none>";
            if (!e.equals(a)) diffs.add("line " + (i + 1) + "\n  expected " + e + "\n  actual   " + a);
        }
        if (!diffs.isEmpty()) fail(file + " differs from this run:\n" + String.join("\n", diffs));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
