package org.dysonsim.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * An embedded journal opened for reading only, so that {@code list}, {@code export} and
 * {@code replay} never change a byte of it and work on a read-only or full disk. Held open (one
 * connection) for as long as the reading lasts, through the first of:
 * <ol>
 *   <li>the file itself, read-only (no other process has it open; while it is held a writer
 *       starting on the same directory waits, see {@link Journal#open});</li>
 *   <li>the process serving the file (H2's automatic server on the loopback interface, found in
 *       {@code dyson.lock.db}): connected to directly, so this process never opens the file
 *       itself, even if that process exits meanwhile;</li>
 *   <li>a lock file left by a process that died (no server answers; a server that refuses
 *       connections twice, a pause apart, is known dead at once, without H2's seconds of
 *       retries), on a directory that may be read-only: the file read-only through
 *       {@link ReadOnlyFilePath}, which does not see it.</li>
 * </ol>
 */
final class ReadOnlyJournal implements AutoCloseable {

    private static final String READ_ONLY = ";DATABASE_TO_UPPER=false;ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0"
            + JournalConfig.LOB_TIMEOUT;
    private static final int ATTEMPTS = 3;
    private static final long PAUSE_MILLIS = 200;

    private final String url;
    private final Connection held;

    private ReadOnlyJournal(String url, Connection held) {
        this.url = url;
        this.held = held;
    }

    /** The URL every connection of the reading session uses. */
    String url() {
        return url;
    }

    /** @throws JournalException if the journal cannot be read (corrupted, another user's, ...) */
    static ReadOnlyJournal open(DataDirectory dir, EmbeddedJournal.Credentials credentials) {
        EmbeddedJournal.bindToLoopback();
        String file = "jdbc:h2:file:" + dir.databaseBase() + READ_ONLY;
        String refused = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return new ReadOnlyJournal(file, connect(file, credentials));
            } catch (SQLException e) {
                if (e.getErrorCode() != Journal.H2_DATABASE_ALREADY_OPEN) {
                    throw failure(dir, e);
                }
            }
            String served = EmbeddedJournal.servedUrl(dir);
            if (served != null && EmbeddedJournal.serverRefuses(dir)) {
                // refused twice, a pause apart, by the server of the same lock file: its writer is gone
                if (served.equals(refused)) break;
                refused = served;
            } else if (served != null) {
                try {
                    return new ReadOnlyJournal(served, connect(served, credentials));
                } catch (SQLException e) {
                    if (EmbeddedJournal.wrongPassword(e)) throw failure(dir, e);
                    // the serving process is gone, or its lock file is stale: look again
                }
            }
            pause();
        }
        return aroundStaleLock(dir, credentials);
    }

    private static ReadOnlyJournal aroundStaleLock(DataDirectory dir, EmbeddedJournal.Credentials credentials) {
        String url = "jdbc:h2:" + ReadOnlyFilePath.prefix() + dir.databaseBase() + READ_ONLY;
        try {
            return new ReadOnlyJournal(url, connect(url, credentials));
        } catch (SQLException e) {
            throw failure(dir, e);
        }
    }

    private static Connection connect(String url, EmbeddedJournal.Credentials credentials) throws SQLException {
        return DriverManager.getConnection(url, credentials.user(), credentials.password());
    }

    private static JournalException failure(DataDirectory dir, SQLException e) {
        if (EmbeddedJournal.wrongPassword(e)) {
            return new JournalException("the journal " + dir.databaseFile() + " refused its password ("
                    + dir.databaseFile().resolveSibling(EmbeddedJournal.PASSWORD_FILE) + ")", e);
        }
        return Journal.failure("jdbc:h2:file:" + dir.databaseBase() + READ_ONLY, e);
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException("interrupted while opening the journal", e);
        }
    }

    @Override
    public void close() {
        try {
            held.close();
        } catch (SQLException e) {
            // nothing was written through it
        }
    }
}
