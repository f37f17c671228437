package org.dysonsim.persistence;

import com.typesafe.config.Config;
import org.apache.pekko.actor.typed.ActorSystem;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Path;
import java.util.List;

/**
 * Read access to the runs of a data directory for {@code dyson list}, {@code export} and
 * {@code replay}: its own small actor system on the journal, closed with the session. Opening
 * never creates or changes anything, not a byte of the embedded journal's file either (it is
 * opened read-only: {@link ReadOnlyJournal}), so a read-only or full disk can be read: a
 * directory that is not ours, a missing, corrupted or unreadable database is refused with a
 * {@link JournalException}.
 */
public final class JournalSession implements AutoCloseable {

    private final DataDirectory dir;
    private final Config config;
    private final ActorSystem<Void> system;
    private final TrajectoryReader reader;
    private final ReadOnlyJournal embedded;
    /** A connection held while the session lasts, or null (see {@link #openAsRecorder}). */
    private final Connection keeper;

    private JournalSession(DataDirectory dir, Config config, ActorSystem<Void> system, ReadOnlyJournal embedded) {
        this(dir, config, system, embedded, null);
    }

    private JournalSession(DataDirectory dir, Config config, ActorSystem<Void> system, ReadOnlyJournal embedded,
                           Connection keeper) {
        this.dir = dir;
        this.config = config;
        this.system = system;
        this.reader = system == null ? null : new TrajectoryReader(system);
        this.embedded = embedded;
        this.keeper = keeper;
    }

    /**
     * @param overrides configuration that wins over application.conf (e.g. {@code dysonsim.journal.url})
     * @throws JournalException if the directory or its journal cannot be read
     */
    public static JournalSession openForReading(Path dataDir, Config overrides) {
        DataDirectory dir = DataDirectory.openExisting(dataDir);
        if (JournalConfig.choosesEmbedded(overrides)) {
            if (!dir.journalStarted()) {
                return new JournalSession(dir, JournalConfig.forReading(dir, overrides), null, null); // nothing recorded yet
            }
            EmbeddedJournal.Credentials credentials = EmbeddedJournal.forReading(dir);
            ReadOnlyJournal journal;
            try {
                journal = ReadOnlyJournal.open(dir, credentials);
            } catch (JournalException e) {
                if (!needsAWriter(e)) throw e;
                // a file whose creator was killed while making it: only a writer can finish it, so
                // until one does (run, resume) its runs are listed from their directories
                return new JournalSession(dir, JournalConfig.forReading(dir, overrides), null, null);
            }
            try {
                Config config = JournalConfig.forReading(dir, overrides, journal, credentials);
                if (!Journal.hasTables(config)) {
                    journal.close(); // a journal killed right after its creation: nothing recorded yet
                    return new JournalSession(dir, config, null, null);
                }
                return new JournalSession(dir, config, FatalErrorActorSystem.start("dyson-read", config), journal);
            } catch (RuntimeException e) {
                journal.close();
                throw e;
            }
        }
        Config config = JournalConfig.forReading(dir, overrides);
        Journal.checkConnection(config);
        return opened(dir, config);
    }

    /**
     * H2 refused to open the file without writing to it: it says so (read-only database), or,
     * depending on where its creator was killed, a write reached the read-only file channel.
     */
    private static boolean needsAWriter(JournalException e) {
        if (e.getCause() instanceof java.sql.SQLException sql && sql.getErrorCode() == org.h2.api.ErrorCode.DATABASE_IS_READ_ONLY) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.NonWritableChannelException
                    || String.valueOf(t.getMessage()).contains("NonWritableChannelException")) return true;
        }
        return false;
    }

    /** A session on a journal that opens ({@code config}): none if nothing was recorded in it yet. */
    private static JournalSession opened(DataDirectory dir, Config config) {
        return opened(dir, config, null);
    }

    /** As above, holding {@code keeper} (if any) until the session closes; a session with nothing to read closes it at once. */
    private static JournalSession opened(DataDirectory dir, Config config, Connection keeper) {
        if (!Journal.hasTables(config)) {
            if (keeper != null) JournalRetry.closeQuietly(keeper);
            return new JournalSession(dir, config, null, null);
        }
        return new JournalSession(dir, config, FatalErrorActorSystem.start("dyson-read", config), null, keeper);
    }

    /**
     * Read access for a process that records into the directory ({@code run}, {@code resume}, a
     * locked {@code replay}): on the journal as its writers open it, not read-only. The read-only
     * session above connects to whichever process serves the embedded file when it opens, and a
     * read of it cannot go on once that process exits; on the writers' URL, the process that serves
     * the file next, or this one, serves the rest of the read (H2's AUTO_SERVER hand-over), so
     * several runs sharing a directory can each read their report while the others end.
     *
     * @throws JournalException if the directory or its journal cannot be read
     */
    public static JournalSession openAsRecorder(Path dataDir, Config overrides) {
        DataDirectory dir = DataDirectory.openExisting(dataDir);
        Config config = JournalConfig.forReading(dir, overrides);
        if (!JournalConfig.isEmbedded(config)) {
            return openForReading(dataDir, overrides); // a database server: read as any reader reads it
        }
        if (!Files.exists(dir.databaseFile()) || Journal.diskFull(dir.databaseFile().getParent())) {
            // nothing recorded yet; or a full disk, not even tried for writing: H2 would start its
            // threads on the file and fail in them
            return openForReading(dataDir, overrides);
        }
        try {
            Journal.checkConnection(config);
        } catch (JournalException e) {
            // a file this process cannot open for writing any more (the disk filled while it
            // recorded, say) is still read as any reader reads it
            return openForReading(dataDir, overrides);
        }
        // Every read opens a connection of its own; H2 closes an embedded database with its last
        // connection, so without one held here each member read opened the whole file again (a
        // quickstart replay spent most of its time in connect and close).
        Connection keeper;
        try {
            keeper = Journal.connect(config);
        } catch (SQLException e) {
            return openForReading(dataDir, overrides);
        }
        try {
            return opened(dir, config, keeper);
        } catch (RuntimeException e) {
            JournalRetry.closeQuietly(keeper);
            throw e;
        }
    }

    /**
     * Reads a whole run back (members and h/2 companions), checking every stored snapshot and
     * gradient record against its checksum: {@code run} does this before it reports a run,
     * {@code resume} before it continues one.
     *
     * @return what was read; {@link TrajectoryReader.ReadBack#NOTHING} if the journal holds nothing of the run (yet)
     * @throws JournalException naming the run, member and step of the first record that does not read back
     */
    public static TrajectoryReader.ReadBack verifyRun(Path dataDir, Config overrides, String runId) {
        try (JournalSession session = openForReading(dataDir, overrides)) {
            return session.verify(runId);
        }
    }

    /** As {@link #verifyRun}, in this session. */
    public TrajectoryReader.ReadBack verify(String runId) {
        return holds(runId) ? reader.verify(runId) : TrajectoryReader.ReadBack.NOTHING;
    }

    /** Whether the journal holds any event of the run. */
    public boolean holds(String runId) {
        return system != null && reader.runIds().contains(runId);
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
        try {
            SystemShutdown.await(system);
        } finally {
            if (embedded != null) embedded.close();
            if (keeper != null) JournalRetry.closeQuietly(keeper);
        }
    }
}
