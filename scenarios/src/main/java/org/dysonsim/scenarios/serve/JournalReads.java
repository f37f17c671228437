package org.dysonsim.scenarios.serve;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.function.Function;
import org.dysonsim.persistence.JournalException;
import org.dysonsim.persistence.JournalSession;

/**
 * The server's read-only session on a data directory's journal ({@link JournalSession#openForReading}),
 * opened again when a read fails: a read-only session on the embedded journal reads through the
 * process that served the file when it opened, so it breaks when that run ends, and a session
 * opened before anything was recorded sees no journal. One read at a time.
 */
final class JournalReads implements AutoCloseable {
    private final Path dataDir;
    private final Config overrides;
    private JournalSession session;

    /** @throws JournalException if the directory is not a data directory or its journal cannot be read */
    JournalReads(Path dataDir, Config overrides) {
        this.dataDir = dataDir;
        this.overrides = overrides;
        this.session = JournalSession.openForReading(dataDir, overrides);
    }

    /**
     * {@code read} on the session; once more on a new session if it fails with a
     * {@link JournalException}. A session opened before the journal held anything is opened again
     * first, until one sees the journal.
     */
    synchronized <T> T read(Function<JournalSession, T> read) {
        try {
            session.reader();
        } catch (JournalException nothingRecordedYet) {
            session.close();
            session = JournalSession.openForReading(dataDir, overrides);
        }
        try {
            return read.apply(session);
        } catch (JournalException first) {
            session.close();
            session = JournalSession.openForReading(dataDir, overrides);
            return read.apply(session);
        }
    }

    @Override
    public synchronized void close() {
        session.close();
    }
}
