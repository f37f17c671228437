package org.dysonsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.dysonsim.scenarios.config.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario files at the repository root validate, and the README documents every key. */
class ShippedScenariosTest {
    /** Tests run in the module directory; the scenario files sit in the repository's scenarios/. */
    private static final Path SCENARIOS = Path.of("").toAbsolutePath().getParent().resolve("scenarios");

    @TempDir
    Path temp;

    @Test
    void everyShippedScenarioValidates() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(SCENARIOS)) {
            files = s.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("quickstart.conf", "wigner-pairs.conf", "rbm-scalar-field.conf",
                "wishart-gamma.conf", "pure-dyson.conf", "rbm-pcd.conf", "teacher-student.conf", "wishart-noise.conf",
                "rbm-pcd-scaling.conf")), names.toString());
        Path data = temp.resolve("runs");
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (!FashionMnistInstalled.available(name)) continue; // network scenarios need the data set to validate
            StudyPlan plan = StudyPlan.prepare(f, List.of(), data, Instant.EPOCH);
            // the scaling scenario is a sweep of 3 learning rates × 2 batch sizes, the edge scaling of 3 sizes, the network
            // sweep of 2 × 2; the others are single runs
            int runs = name.equals("edge-scaling.conf") ? 3 : name.endsWith("-scaling.conf") ? 6 : name.endsWith("-sweep.conf") ? 4 : 1;
            assertEquals(runs, plan.runs().size(), f.toString());
            assertFalse(Files.exists(data), "validation writes nothing");
        }
    }

    @Test
    void readmeDocumentsEveryKey() throws IOException {
        String readme = Files.readString(SCENARIOS.resolve("README.md"));
        for (String key : new ScenarioLoader().knownKeys()) {
            assertTrue(readme.contains("`" + key + "`"), "scenarios/README.md does not document " + key);
        }
        assertTrue(readme.contains("sweep {"));
    }
}
