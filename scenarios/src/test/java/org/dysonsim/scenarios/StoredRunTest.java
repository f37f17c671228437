package org.dysonsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.scenarios.config.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredRunTest {
    @TempDir
    Path dir;

    @Test
    void theStoredResolvedScenarioGivesBackTheSameSpec() throws IOException {
        Path f = dir.resolve("s.conf");
        Files.writeString(f, "name = s\nmodel = sgd\nn = 3\nsgd { alpha = 0.05, batch = 2, g-tilde = [1, 2, 3] }\n"
                + "drift.kind = harmonic\ninit { kind = explicit, values = [1, 2, 3] }\n");
        RunSpec original = StudyPlan.prepare(f, List.of("seed=17"), dir.resolve("runs"), Instant.EPOCH).runs().get(0);
        Path runDir = dir.resolve("stored");
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("scenario.conf"), original.scenarioText());

        RunSpec again = StoredRun.spec(runDir, original.runId());
        assertEquals(original.runId(), again.runId());
        assertEquals(17, again.seed());
        assertEquals(original.dt(), again.dt());
        assertArrayEquals(((GasModel) original.model()).noise(), ((GasModel) again.model()).noise());
        assertEquals(original.scenarioText(), again.scenarioText());
    }

    @Test
    void aMissingStoredScenarioIsOneLine() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> StoredRun.spec(dir.resolve("nope"), "nope"));
        assertEquals(1, e.line().lines().count());
    }
}
