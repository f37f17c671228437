package org.dysonsim.scenarios;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.persistence.JournalSession;
import org.dysonsim.persistence.TrajectoryReader;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.protocol.TrajectoryEvent;
import org.dysonsim.scenarios.config.ScenarioException;
import org.dysonsim.scenarios.config.ScenarioLoader;
import org.dysonsim.scenarios.config.ScenarioValues;
import org.dysonsim.scenarios.importing.ImportedRunSpec;

/**
 * A run already recorded, for the commands that continue or re-analyse it (resume, replay). Its
 * one source is the resolved scenario its members recorded in the journal ({@code RunStarted}),
 * read back in memory and validated as any scenario is; {@code scenario.conf} in the run
 * directory is a copy for people to read.
 */
public final class StoredRun {
    /** The resolved scenario's key naming the generator a run draws from (CounterRng.NAME). */
    public static final String GENERATOR_KEY = "rng";
    /**
     * The generator of runs recorded before {@value #GENERATOR_KEY} was (keyed SplitMix64-finaliser
     * rounds). Their trajectories are in the journal, so they are listed, exported and replayed;
     * continuing one would need its generator, which this version no longer has.
     */
    public static final String OLD_GENERATOR = "splitmix64-rounds";

    private StoredRun() {}

    /** The generator a recorded resolved scenario names, {@link #OLD_GENERATOR} when it names none. */
    public static String generator(String recordedScenario) {
        try {
            Config stored = ConfigFactory.parseString(recordedScenario);
            return stored.hasPath(GENERATOR_KEY) ? stored.getString(GENERATOR_KEY) : OLD_GENERATOR;
        } catch (ConfigException e) {
            return OLD_GENERATOR;
        }
    }

    /**
     * The run's {@link RunSpec}, from the journal of a data directory.
     *
     * @param journalOverrides where the journal is, when it is not the directory's own (see JournalSession)
     * @throws org.dysonsim.persistence.JournalException if the journal cannot be read or holds nothing of the run
     * @throws ScenarioException if its recorded scenario is no longer valid (one line)
     */
    public static RunSpec read(Path dataDir, Config journalOverrides, String runId) {
        try (JournalSession session = JournalSession.openForReading(dataDir, journalOverrides)) {
            return read(session.reader(), runId);
        }
    }

    /**
     * The run's {@link RunSpec} for continuing it: from the journal, or, when nothing of the run
     * reached the journal (killed in its first moments), from {@code claimedScenario}, the resolved
     * scenario its directory was claimed with, which is the text its members record first. In the
     * same reading session every record of the run is checked against its checksum, so a corrupted
     * snapshot is found before any member continues from it.
     *
     * @throws org.dysonsim.persistence.JournalException naming the first record that does not read back
     */
    public static RunSpec forContinuing(Path dataDir, Config journalOverrides, String runId, Path claimedScenario) {
        try (JournalSession session = JournalSession.openForReading(dataDir, journalOverrides)) {
            if (session.holds(runId)) {
                String recorded = recordedScenario(session.reader(), runId).orElseThrow(() -> nothingRecorded(runId));
                RunSpec spec = spec(recorded, runId);
                // an imported run has nothing to continue, whatever drew it: the caller says so
                if (spec.model() == null) return spec;
                String generator = generator(recorded);
                if (!generator.equals(CounterRng.NAME)) {
                    throw new ScenarioException("run " + runId, GENERATOR_KEY, "recorded with the generator " + generator
                            + ", which this version no longer has (it draws from " + CounterRng.NAME + "), so it cannot"
                            + " be continued; replay and export still read it, and its scenario (scenario.conf in its run"
                            + " directory) runs again with the new generator");
                }
                session.verify(runId);
                return spec;
            }
        }
        String text;
        try {
            text = Files.readString(claimedScenario);
        } catch (IOException e) {
            throw new ScenarioException(runId, null, "nothing of this run is in the journal and its scenario cannot be"
                    + " read: " + e.getMessage());
        }
        return spec(text, runId);
    }

    /**
     * The run's {@link RunSpec}, from the first {@code RunStarted} event of its members in member order.
     *
     * @throws org.dysonsim.persistence.JournalException if the journal holds nothing of the run
     * @throws ScenarioException if no member recorded its start or its recorded scenario is no longer valid (one line)
     */
    public static RunSpec read(TrajectoryReader reader, String runId) {
        return spec(recordedScenario(reader, runId).orElseThrow(() -> nothingRecorded(runId)), runId);
    }

    /**
     * Whether the run records singular values s (a {@code wishart} run), whose spectrum is λ = s²;
     * false when nothing of it was recorded or its scenario no longer reads (only eigenvalue runs
     * depend on files that can go missing).
     */
    public static boolean recordsSingularValues(TrajectoryReader reader, String runId) {
        Optional<String> scenario = recordedScenario(reader, runId);
        if (scenario.isEmpty()) return false;
        try {
            return spec(scenario.get(), runId).coordinates() == RunSpec.Coordinates.SINGULAR_VALUES;
        } catch (ScenarioException e) {
            return false;
        }
    }

    private static ScenarioException nothingRecorded(String runId) {
        return new ScenarioException(runId, null, "no member of this run reached the journal, so there is nothing to"
                + " continue or report; run its scenario again (scenario.conf in its run directory)");
    }

    /** The resolved scenario of the first {@code RunStarted} event of the run's members in member order. */
    private static Optional<String> recordedScenario(TrajectoryReader reader, String runId) {
        for (int member : reader.members(runId)) {
            try (Stream<TrajectoryEvent> events = reader.events(runId, member)) {
                Optional<String> scenario = events.filter(e -> e instanceof TrajectoryEvent.RunStarted)
                        .map(e -> ((TrajectoryEvent.RunStarted) e).scenario()).findFirst();
                if (scenario.isPresent()) return scenario;
            }
        }
        return Optional.empty();
    }

    /**
     * The spec of a stored resolved scenario: unknown keys are refused as the loader refuses them
     * (a key renamed since the run was recorded fails here, naming it), keys added since fall
     * back to their defaults.
     */
    static RunSpec spec(String scenarioText, String runId) {
        String label = "run " + runId;
        ScenarioLoader loader = new ScenarioLoader();
        Config stored;
        try {
            stored = ConfigFactory.parseString(scenarioText);
        } catch (ConfigException e) {
            throw new ScenarioException(label, null, "its recorded scenario cannot be read: " + e.getMessage());
        }
        checkKnown(label, stored.root(), "", loader.knownKeys());
        Config resolved = stored.withFallback(ConfigFactory.parseResources(ScenarioLoader.class.getClassLoader(),
                ScenarioLoader.DEFAULTS)).resolve();
        if (ImportedRunSpec.isImported(resolved)) return ImportedRunSpec.read(new ScenarioValues(label, resolved), runId);
        return RunSpecReader.read(new ScenarioValues(label, resolved), runId);
    }

    private static void checkKnown(String label, ConfigObject object, String prefix, Set<String> known) {
        for (Map.Entry<String, ConfigValue> e : object.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof ConfigObject child && !child.isEmpty()) {
                checkKnown(label, child, key + ".", known);
            } else if (!known.contains(key)) {
                throw new ScenarioException(label, key, "unknown key in the recorded scenario (renamed or removed since"
                        + " the run was recorded)");
            }
        }
    }
}
