package org.dysonsim.scenarios.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.sql.Connection;
import java.sql.SQLException;
import org.dysonsim.actors.JournalRecorders;
import org.dysonsim.actors.RecorderFactory;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.actors.Simulation;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.Journal;
import org.dysonsim.persistence.JournalConfig;
import org.dysonsim.persistence.JournalException;

/** Runs on the actor engine ({@link Simulation}), one actor system for every run of a study. */
public final class ActorEngine implements RunEngine {
    /** The command line's settings of the actor system (quiet logging), over the modules' defaults. */
    public static final String SETTINGS = "dyson-cli.conf";

    private final Simulation simulation;
    private final RecorderFactory recorders;
    private final RecorderFactory fineRecorders;

    /** Step-size companions (error control) are kept in memory. */
    public ActorEngine(Config config, RecorderFactory recorders) {
        this(config, recorders, RecorderFactory.inMemory());
    }

    /** @param fineRecorders where the h/2 companions of error control are recorded, apart from the members */
    public ActorEngine(Config config, RecorderFactory recorders, RecorderFactory fineRecorders) {
        this.simulation = new Simulation(config);
        this.recorders = recorders;
        this.fineRecorders = fineRecorders;
    }

    /** Recording into, and reading back from, the journal that {@code config} selects. */
    private ActorEngine(Config config) {
        this.simulation = new Simulation(config);
        this.recorders = JournalRecorders.members(simulation.system());
        this.fineRecorders = JournalRecorders.fine(simulation.system());
    }

    /**
     * Every member's trajectory persisted in the data directory's journal (so a run can be resumed
     * and replayed), step-size companions under their fine persistence ids; the journal's tables are
     * created before the first run. A run's result is read back from the journal, the one source of
     * its trajectories, as replay reads it.
     *
     * @throws org.dysonsim.persistence.JournalException if the journal cannot be opened (one line)
     */
    public static ActorEngine recording(DataDirectory dataDir) {
        return recording(dataDir, ConfigFactory.empty());
    }

    /**
     * As {@link #recording(DataDirectory)}, on the journal that {@code journal} selects
     * ({@code dysonsim.journal.*}, e.g. a shared PostgreSQL database).
     */
    public static ActorEngine recording(DataDirectory dataDir, Config journal) {
        Config config = JournalConfig.forWriting(dataDir, journal.withFallback(ConfigFactory.parseResources(SETTINGS)));
        try (Connection held = Journal.open(config)) { // the file stays open while the pool starts
            ActorEngine engine = new ActorEngine(config);
            try {
                Journal.ensureSchema(engine.simulation.system());
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
            return engine;
        } catch (SQLException e) {
            throw new JournalException("cannot close a journal connection: " + e.getMessage(), e);
        }
    }

    @Override
    public RunResult run(RunSpec spec, RunListener listener) {
        return simulation.run(spec, recorders, listener);
    }

    @Override
    public RunResult resume(RunSpec spec, RunListener listener) {
        return simulation.resume(spec, recorders, listener);
    }

    @Override
    public RunResult runFine(RunSpec companion, RunListener listener, boolean resume) {
        return resume ? simulation.resume(companion, fineRecorders, listener)
                : simulation.run(companion, fineRecorders, listener);
    }

    @Override
    public void close() {
        simulation.close();
    }
}
