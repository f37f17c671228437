package org.dysonsim.persistence;

import com.typesafe.config.Config;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Read access to the runs of a data directory for {@code dyson list}, {@code export} and
 * {@code replay}: its own small actor system on the journal, closed with the session. Opening
 * never creates or changes anything: a directory that is not ours, a missing, corrupted or
 * locked database is refused with a {@link JournalException}.
 */
public final class JournalSession implements AutoCloseable {

    private static final Duration TERMINATION_TIMEOUT = Duration.ofSeconds(30);

    private final DataDirectory dir;
    private final Config config;
    private final ActorSystem<Void> system;
    private final TrajectoryReader reader;

    private JournalSession(DataDirectory dir, Config config, ActorSystem<Void> system) {
        this.dir = dir;
        this.config = config;
        this.system = system;
        this.reader = system == null ? null : new TrajectoryReader(system);
    }

    /**
     * @param overrides configuration that wins over application.conf (e.g. {@code dysonsim.journal.url})
     * @throws JournalException if the directory or its journal cannot be read
     */
    public static JournalSession openForReading(Path dataDir, Config overrides) {
        DataDirectory dir = DataDirectory.openExisting(dataDir);
        Config config = JournalConfig.forReading(dir, overrides);
        if (JournalConfig.isEmbedded(config) && !Files.exists(dir.databaseFile())) {
            return new JournalSession(dir, config, null); // nothing recorded yet
        }
        Journal.checkConnection(config);
        if (!JournalConfig.isEmbedded(config) && !Journal.hasTables(config)) {
            return new JournalSession(dir, config, null); // a shared database nothing was recorded in yet
        }
        return new JournalSession(dir, config, ActorSystem.create(Behaviors.empty(), "dyson-read", config));
    }

    public DataDirectory directory() {
        return dir;
    }

    /** Every run of the directory, sorted by id; those not in the journal yet from their run directories. */
    public List<RunSummary> list() {
        return system == null ? RunCatalog.unrecorded(dir, config) : catalog().list();
    }

    public RunCatalog catalog() {
        return new RunCatalog(dir, requireJournal(), reader());
    }

    /** @throws JournalException if nothing was recorded in this directory yet */
    public TrajectoryReader reader() {
        requireJournal();
        return reader;
    }

    public TrajectoryExporter exporter() {
        return new TrajectoryExporter(reader());
    }

    private ActorSystem<Void> requireJournal() {
        if (system == null) {
            throw new JournalException("no run has been recorded in " + dir.root() + " yet");
        }
        return system;
    }

    @Override
    public void close() {
        if (system == null) {
            return;
        }
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(TERMINATION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            // the process is ending anyway; nothing was written by this session
        }
    }
}
