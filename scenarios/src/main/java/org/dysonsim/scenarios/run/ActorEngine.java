package org.dysonsim.scenarios.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.dysonsim.actors.RecorderFactory;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.actors.Simulation;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.Journal;
import org.dysonsim.persistence.JournalConfig;
import org.dysonsim.persistence.TrajectoryRecorder;

/** Runs on the actor engine ({@link Simulation}), one actor system for every run of a study. */
public final class ActorEngine implements RunEngine {
    /** The command line's settings of the actor system (quiet logging), over the modules' defaults. */
    public static final String SETTINGS = "dyson-cli.conf";

    private final Simulation simulation;
    private final RecorderFactory recorders;

    public ActorEngine(Config config, RecorderFactory recorders) {
        this.simulation = new Simulation(config);
        this.recorders = recorders;
    }

    /**
     * Every member's trajectory persisted in the data directory's journal (so a run can be resumed
     * and replayed); the journal's tables are created before the first run.
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
        Journal.checkConnection(config);
        ActorEngine engine = new ActorEngine(config, TrajectoryRecorder::create);
        try {
            Journal.ensureSchema(engine.simulation.system());
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        return engine;
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
    public void close() {
        simulation.close();
    }
}
