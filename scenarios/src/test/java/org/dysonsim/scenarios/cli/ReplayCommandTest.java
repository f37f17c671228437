package org.dysonsim.scenarios.cli;

import org.dysonsim.scenarios.RunDirectory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dysonsim.scenarios.report.predictions.Predictions;
import org.dysonsim.scenarios.report.rendering.RunReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code dyson replay}: the report rebuilt from the journal alone equals the live run's; --compare adds a prediction. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayCommandTest {
    private Path data;
    private String runId;
    private String live;

    private static InProcessDyson.Result dyson(String... args) {
        return InProcessDyson.run(args);
    }

    @BeforeAll
    void recordARun(@TempDir Path dir) throws IOException {
        data = dir.resolve("runs");
        Path scenario = dir.resolve("small.conf");
        // one harmonic well shared by 4 levels: the default comparisons are Marchenko–Pastur at t = 0
        // and the free convolution at every later record
        Files.writeString(scenario, "name = small\nn = 4\nsteps = 40\ndt = 0.01\nrecord-every = 10\nensemble.members = 6\n"
                + "noise.g2 = 0.5\ndrift { kind = harmonic, centre = 4.0, stiffness = 1.0 }\ninit { kind = marchenko-pastur, sigma2 = 0.5 }\n");
        InProcessDyson.Result run = dyson("run", scenario.toString(), "--data-dir", data.toString(), "--seed", "3", "--quiet");
        assertEquals(Main.OK, run.exit(), run.err());
        runId = dyson("list", "--data-dir", data.toString()).out().lines().toList().get(1).split("\\s+")[0];
        live = Files.readString(data.resolve(runId).resolve(RunDirectory.REPORT_JSON));
    }

    @Test
    void replayedReportJsonEqualsTheLiveRunsAfterTheLiveReportIsGone() throws IOException {
        Path json = data.resolve(runId).resolve(RunDirectory.REPORT_JSON);
        Files.delete(json);
        InProcessDyson.Result replay = dyson("replay", runId, "--data-dir", data.toString());
        assertEquals(Main.OK, replay.exit(), replay.err());
        assertTrue(live.contains("free convolution"), "the live report compares with the free convolution");
        assertTrue(live.contains("step bias: variance of level 0"), "and holds its step bias against its budget");
        assertTrue(Files.size(data.resolve(runId).resolve("overlay-2-1.png")) > 100, "an overlay per compared time");
        assertEquals(live, Files.readString(json));
    }

    @Test
    void compareAddsAPredictionAfterTheFact() throws IOException {
        InProcessDyson.Result replay = dyson("replay", runId, "--compare", "two-mode", "--data-dir", data.toString());
        assertEquals(Main.BAD_INPUT, replay.exit(), "two-mode needs pairs: " + replay.out());
        assertTrue(replay.err().startsWith("dyson: --compare: prediction \"two-mode\" does not apply"), replay.err());

        Path other = data.resolve(runId).resolve(RunDirectory.REPORT_JSON);
        InProcessDyson.Result unknown = dyson("replay", runId, "--compare", "nonsense", "--data-dir", data.toString());
        assertEquals(Main.BAD_INPUT, unknown.exit());
        assertTrue(unknown.err().contains("unknown prediction \"nonsense\""), unknown.err());
        assertEquals(live, Files.readString(other), "a refused replay leaves the report alone");
    }

    @Test
    void theScenarioNamesItsPredictions(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("named.conf");
        Files.writeString(scenario, "name = named\nn = 4\nsteps = 10\ndt = 0.01\nrecord-every = 5\nensemble.members = 2\n"
                + "report.predictions = [marchenko-pastur, two-mode]\n");
        Path runs = dir.resolve("runs");
        InProcessDyson.Result run = dyson("run", scenario.toString(), "--data-dir", runs.toString(), "--quiet");
        assertEquals(Main.OK, run.exit(), run.err());
        String id = dyson("list", "--data-dir", runs.toString()).out().lines().toList().get(1).split("\\s+")[0];
        com.typesafe.config.Config report = com.typesafe.config.ConfigFactory.parseFile(runs.resolve(id).resolve(RunDirectory.REPORT_JSON).toFile());
        assertTrue(report.getConfigList("comparisons").stream().noneMatch(c -> c.getString("name").startsWith("free convolution")),
                "only the named predictions");
        assertTrue(report.getConfigList("comparisons").get(0).getString("name").startsWith("Marchenko"));
        assertEquals(java.util.List.of("two-mode"), report.getStringList("predictions_not_applicable"));

        Files.writeString(scenario, "name = typo\nn = 4\nreport.predictions = [free-convolutoin]\n");
        InProcessDyson.Result typo = dyson("run", scenario.toString(), "--data-dir", runs.toString(), "--quiet");
        assertEquals(Main.BAD_INPUT, typo.exit());
        assertTrue(typo.err().contains("report.predictions: unknown prediction \"free-convolutoin\""), typo.err());
        assertEquals(2, dyson("list", "--data-dir", runs.toString()).out().lines().count(), "nothing ran");
    }

    @Test
    void aRunThatIsStillRunningIsNotReplayed() throws IOException {
        try (var lock = org.dysonsim.persistence.RunLock.acquire(org.dysonsim.persistence.DataDirectory.openExisting(data), runId)) {
            InProcessDyson.Result replay = dyson("replay", runId, "--data-dir", data.toString());
            assertEquals(Main.BAD_INPUT, replay.exit());
            assertTrue(replay.err().contains("still running"), replay.err());
        }
        assertEquals(live, Files.readString(data.resolve(runId).resolve(RunDirectory.REPORT_JSON)));
    }

    @Test
    void unknownRunIdIsBadInputInOneLine() {
        InProcessDyson.Result replay = dyson("replay", "no-such-run", "--data-dir", data.toString());
        assertEquals(Main.BAD_INPUT, replay.exit());
        assertEquals(1, replay.err().lines().count(), replay.err());
    }

    @Test
    void helpListsEveryPrediction() {
        InProcessDyson.Result help = dyson("replay", "--help");
        for (String name : Predictions.NAMES.keySet()) assertTrue(help.out().contains(name), name + " in " + help.out());
        assertNotEquals(0, Predictions.NAMES.size());
    }
}
