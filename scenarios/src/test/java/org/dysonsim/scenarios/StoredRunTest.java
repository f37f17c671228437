package org.dysonsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.JournalException;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.scenarios.config.ScenarioException;
import org.dysonsim.scenarios.run.ActorEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredRunTest {
    @TempDir
    Path dir;

    private RunSpec prepared(String text) throws IOException {
        Path f = dir.resolve("s.conf");
        Files.writeString(f, text);
        return StudyPlan.prepare(f, List.of("seed=17"), dir.resolve("runs"), Instant.EPOCH).runs().get(0);
    }

    @Test
    void theStoredResolvedScenarioGivesBackTheSameSpec() throws IOException {
        RunSpec original = prepared("name = s\nmodel = sgd\nn = 3\nsgd { alpha = 0.05, batch = 2, g-tilde = [1, 2, 3] }\n"
                + "drift.kind = harmonic\ninit { kind = explicit, values = [1, 2, 3] }\nblocks.nodes = 2\n"
                + "report.predictions = [free-convolution]\nerror-control.members = 3\n");

        RunSpec again = StoredRun.spec(original.scenarioText(), original.runId());
        assertEquals(original.runId(), again.runId());
        assertEquals(17, again.seed());
        assertEquals(original.dt(), again.dt());
        assertArrayEquals(((GasModel) original.model()).noise(), ((GasModel) again.model()).noise());
        assertEquals(original.scenarioText(), again.scenarioText());
        assertEquals(original.placement(), again.placement());
        assertEquals(original.mapping(), again.mapping());
        assertEquals(original.checks().predictionNames(), again.checks().predictionNames());
        assertEquals(original.checks().errorControlMembers(), again.checks().errorControlMembers());
    }

    @Test
    void aRunNamesItsGeneratorAndARecordedScenarioWithoutOneIsTheOldGenerator() throws IOException {
        String text = prepared("name = s\nn = 3\n").scenarioText();
        assertEquals(org.dysonsim.physics.rng.CounterRng.NAME, StoredRun.generator(text));
        assertEquals(StoredRun.OLD_GENERATOR, StoredRun.generator("name = s\nn = 3\n"));
        // an old run's spec still reads (replay, export): the missing key falls back to its default
        assertEquals("s-1", StoredRun.spec("name = s\nn = 3\n", "s-1").runId());
    }

    @Test
    void aScenarioAskingForAnotherGeneratorIsRefused() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> prepared("name = s\nn = 3\nrng = " + StoredRun.OLD_GENERATOR + "\n"));
        assertEquals("rng", e.key(), e.line());
    }

    @Test
    void aKeyRenamedSinceTheRunWasRecordedFailsNamingIt() throws IOException {
        String stored = prepared("name = s\nn = 3\n").scenarioText().replace("error-control", "step-control");
        ScenarioException e = assertThrows(ScenarioException.class, () -> StoredRun.spec(stored, "s-1"));
        assertEquals("step-control.members", e.key(), e.line());
        assertEquals(1, e.line().lines().count());
    }

    @Test
    void theSpecIsReadFromTheJournalAloneInOnePlace() throws IOException {
        RunSpec original = prepared("name = j\nn = 3\nsteps = 4\nrecord-every = 2\nensemble.members = 2\n"
                + "report.predictions = [marchenko-pastur]\n");
        DataDirectory data = DataDirectory.createOrOpen(dir.resolve("data"));
        try (ActorEngine engine = ActorEngine.recording(data)) {
            engine.run(original, RunListener.NONE);
        }
        // no scenario.conf in the run directory: the journal is the one source
        RunSpec again = StoredRun.read(data.root(), ConfigFactory.empty(), original.runId());
        assertEquals(original.scenarioText(), again.scenarioText());
        assertEquals(original.checks().predictionNames(), again.checks().predictionNames());

        JournalException nothing = assertThrows(JournalException.class,
                () -> StoredRun.read(data.root(), ConfigFactory.empty(), "j-19700101-000000-9"));
        assertEquals(1, nothing.getMessage().lines().count(), nothing.getMessage());

        // to continue a run: from the journal, or from the scenario its directory was claimed with
        // when a kill came before its first record
        Path claimed = dir.resolve("claimed.conf");
        Files.writeString(claimed, "name = other\nn = 3\n");
        assertEquals(original.scenarioText(),
                StoredRun.forContinuing(data.root(), ConfigFactory.empty(), original.runId(), claimed).scenarioText());
        RunSpec unrecorded = StoredRun.forContinuing(data.root(), ConfigFactory.empty(), "j-19700101-000000-9", claimed);
        assertEquals("other", unrecorded.scenarioName());
        assertEquals("j-19700101-000000-9", unrecorded.runId());
    }
}
