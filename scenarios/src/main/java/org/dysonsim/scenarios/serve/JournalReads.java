package org.dysonsim.scenarios.serve;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.function.Function;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.JournalException;
import org.dysonsim.persistence.JournalSession;

/**
 * The server's read-only sessions on a data directory's journal ({@link JournalSession#openForReading}).
 * A read-only session that finds no run serving the embedded file opens the file itself, and while
 * it is open no run can start in the directory; so a session is kept only while a watched run is
 * running (its process serves the file), and otherwise closed after each read. A session is opened
 * again when a read fails (it read through a run that has ended since) or saw nothing recorded yet.
 * One read at a time.
 */
final class JournalReads implements AutoCloseable {
    private final Path dataDir;
    private final Config overrides;
    private JournalSession session;
    private boolean keepOpen;

    /** @throws JournalException if the directory is not a data directory */
    JournalReads(Path dataDir, Config overrides) {
        this.dataDir = dataDir;
        this.overrides = overrides;
        DataDirectory.openExisting(dataDir);
    }

    /** {@code read} on a session; once more on a new session if it fails with a {@link JournalException}. */
    synchronized <T> T read(Function<JournalSession, T> read) {
        try {
            if (session == null) session = JournalSession.openForReading(dataDir, overrides);
            try {
                session.reader();
            } catch (JournalException nothingRecordedYet) {
                reopen();
            }
            try {
                return read.apply(session);
            } catch (JournalException first) {
                reopen();
                return read.apply(session);
            }
        } finally {
            if (!keepOpen) release();
        }
    }

    /** Whether to keep the session between reads: only while a watched run is running. */
    synchronized void keepOpen(boolean keep) {
        keepOpen = keep;
        if (!keep) release();
    }

    private void reopen() {
        release();
        session = JournalSession.openForReading(dataDir, overrides);
    }

    private void release() {
        if (session != null) session.close();
        session = null;
    }

    @Override
    public synchronized void close() {
        release();
    }
}
