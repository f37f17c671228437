package org.dysonsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.scenarios.config.ScenarioException;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertThrows;
import org.junit.jupiter.api.io.TempDir;

/** Each point of a sweep draws its own noise, reproducibly from the seed and its swept values. */
class StudyPlanSeedsTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private List<RunSpec> plan(String sweep, String... overrides) throws Exception {
        Path file = dir.resolve("sweep.conf");
        Files.writeString(file, "name = s\nmodel = sgd\nn = 2\nsteps = 10\nseed = 7\ninit { kind = explicit, values = [1, 2] }\n" + sweep);
        return StudyPlan.prepare(file, List.of(overrides), dir.resolve("runs"), NOW).runs();
    }

    @Test
    void everyPointHasItsOwnSeedAndNoise() throws Exception {
        List<RunSpec> runs = plan("sweep { sgd.alpha = [0.01, 0.02], sgd.batch = [1, 4] }");
        assertEquals(4, new HashSet<>(runs.stream().map(RunSpec::seed).toList()).size(), "four points, four seeds");
        // the noise of level 0 at step 0 of member 0 differs between two points
        assertNotEquals(CounterRng.gaussian(runs.get(0).seed(), 0, 0, 0, 0), CounterRng.gaussian(runs.get(1).seed(), 0, 0, 0, 0));
        // recorded in the resolved scenario, so the point runs again alone with its own noise
        assertTrue(runs.get(1).scenarioText().contains("seed=" + runs.get(1).seed()) || runs.get(1).scenarioText().contains("seed = " + runs.get(1).seed()),
                runs.get(1).scenarioText());
        assertEquals(SweepSeeds.of(7, Map.of("sgd.alpha", "0.01")), plan("sweep { sgd.alpha = [0.01, 0.03] }").get(0).seed());
        // reproducible, and a point's seed does not depend on the other values of its axis
        assertEquals(runs.get(0).seed(), plan("sweep { sgd.alpha = [0.01, 0.02], sgd.batch = [1, 4] }").get(0).seed());
        assertEquals(runs.get(1).seed(), plan("sweep { sgd.alpha = [0.01, 0.5, 0.02], sgd.batch = [1, 4] }").get(1).seed());
        assertNotEquals(runs.get(0).seed(), plan("sweep { sgd.alpha = [0.01, 0.02], sgd.batch = [1, 4] }", "seed=8").get(0).seed());
    }

    @Test
    void commonNoiseOrASweptSeedKeepsTheSeedsAsGiven() throws Exception {
        for (RunSpec run : plan("sweep { sgd.alpha = [0.01, 0.02], common-noise = true }")) assertEquals(7, run.seed());
        assertEquals(List.of(3L, 4L), plan("sweep { seed = [3, 4] }").stream().map(RunSpec::seed).toList());
        assertEquals(7, plan("").get(0).seed(), "a single run keeps its seed");
        ScenarioException e = assertThrows(ScenarioException.class, () -> plan("sweep { sgd.alpha = [0.01], common-noise = yes }"));
        assertTrue(e.line().endsWith(": sweep.common-noise: expected true or false"), e.line());
    }
}
