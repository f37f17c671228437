package org.dysonsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.scenarios.config.ScenarioException;
import org.dysonsim.scenarios.config.ScenarioLoader;
import org.dysonsim.scenarios.config.ScenarioValues;
import org.dysonsim.scenarios.config.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only the scenario reader touches key names: every key the engine and the reports act on is
 * read into a typed field of {@link RunSpec}, so a key renamed or dropped fails in the reader,
 * naming it, instead of quietly switching a placement, a check or a prediction off.
 */
class RunSpecKeysTest {
    /** Main code that may name scenario keys: the reader, its checks and the config layer. */
    private static final Set<String> READERS = Set.of("RunSpecReader.java", "MatrixSpecReader.java", "UnusedKeys.java",
            "InitialCheck.java", "NetworkSpecReader.java", "ImportedRunSpec.java", "ScenarioParameters.java");
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern LITERAL = Pattern.compile("\"([a-z0-9-]+(?:\\.[a-z0-9-]+)+)\"");

    /** Each key the engine or a report acts on, with a scenario where it applies. */
    private static final Map<String, String> USED = Map.of(
            "blocks.size", "n = 4",
            "blocks.nodes", "n = 4",
            "report.predictions", "n = 4",
            "error-control.members", "n = 4",
            "sgd.alpha", "model = sgd\nn = 4",
            "sgd.batch", "model = sgd\nn = 4",
            "wishart.eta", "model = wishart\nn = 4",
            "wishart.d", "model = wishart\nn = 4",
            "drift.kind", "model = wishart\nn = 4");

    @TempDir
    Path dir;

    private Config resolved(String text, String... overrides) throws IOException {
        Path f = dir.resolve("s.conf");
        Files.writeString(f, text);
        Study study = new ScenarioLoader().load(f, List.of(overrides));
        return study.runs().get(0);
    }

    private static RunSpec read(Config resolved) {
        return RunSpecReader.read(new ScenarioValues("s.conf", resolved), "id");
    }

    @Test
    void everyKeyTheReportSummaryShowsIsAScenarioKey() {
        Config defaults = com.typesafe.config.ConfigFactory.parseResources(
                org.dysonsim.scenarios.config.ScenarioLoader.DEFAULTS);
        List<String> unknown = ScenarioParameters.keys().stream().filter(key -> !defaults.hasPathOrNull(key)).toList();
        assertEquals(List.of(), unknown, "keys the summary names that no scenario has");
    }

    @Test
    void everyKeyTheEngineAndTheReportsUseIsATypedField() throws IOException {
        RunSpec spec = read(resolved("n = 4\n", "blocks.size=2", "blocks.nodes=3", "error-control.members=5",
                "report.predictions=[free-convolution, marchenko-pastur]"));
        assertEquals(new RunSpec.Placement(2, 3), spec.placement());
        assertEquals(5, spec.checks().errorControlMembers());
        assertEquals(List.of("free-convolution", "marchenko-pastur"), spec.checks().predictionNames());
        assertEquals(new RunSpec.Mapping.Direct(), spec.mapping());

        RunSpec sgd = read(resolved("model = sgd\nn = 3\n", "sgd.alpha=0.02", "sgd.batch=4"));
        assertEquals(new RunSpec.Mapping.Sgd(0.02, 4), sgd.mapping());

        RunSpec wishart = read(resolved("model = wishart\nn = 3\n", "wishart.m=7", "wishart.eta=0.03", "wishart.d=2.0"));
        assertEquals(new RunSpec.Mapping.Wishart(7, 0.03, 2.0), wishart.mapping());
        assertEquals(new RunSpec.Mapping.Wishart(3, 0.01, 1.0), read(resolved("model = wishart\nn = 3\n")).mapping(),
                "m = null is m = n");
        assertEquals(new RunSpec.Mapping.Direct(), read(resolved("model = matrix\nn = 2\n")).mapping(),
                "a matrix run keeps its SGD settings in its model");
    }

    @Test
    void aKeyGoneFromTheResolvedScenarioFailsInTheReaderNamingIt() throws IOException {
        for (Map.Entry<String, String> used : USED.entrySet()) {
            Config renamed = resolved(used.getValue()).withoutPath(used.getKey());
            ScenarioException e = assertThrows(ScenarioException.class, () -> read(renamed), used.getKey());
            assertEquals(used.getKey(), e.key(), e.line());
        }
    }

    @Test
    void predictionNamesAreCheckedWhereTheyAreRead() throws IOException {
        ScenarioException unknown = assertThrows(ScenarioException.class,
                () -> read(resolved("n = 4\n", "report.predictions=[free-convolutoin]")));
        assertEquals("report.predictions", unknown.key());
        assertTrue(unknown.problem().startsWith("unknown prediction \"free-convolutoin\""), unknown.line());
        ScenarioException string = assertThrows(ScenarioException.class, () -> read(resolved("n = 4\n", "report.predictions=two-mode")));
        assertEquals("report.predictions", string.key());
        assertEquals(1, string.line().lines().count());
    }

    @Test
    void noMainCodeOutsideTheReaderNamesAScenarioKey() throws IOException {
        Set<String> known = new ScenarioLoader().knownKeys();
        List<String> found = new ArrayList<>();
        for (String module : List.of("actors", "scenarios", "bench")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (READERS.contains(file.getFileName().toString()) || file.getParent().endsWith("config")) continue;
                    String source = Files.readString(file);
                    Matcher m = LITERAL.matcher(source);
                    while (m.find()) {
                        if (known.contains(m.group(1))) found.add(ROOT.relativize(file) + ": \"" + m.group(1) + "\"");
                    }
                }
            }
        }
        assertTrue(found.size() == 0, "scenario keys read outside the scenario reader: " + found);
    }
}
