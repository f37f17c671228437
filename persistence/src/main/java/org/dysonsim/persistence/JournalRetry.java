package org.dysonsim.persistence;

import com.typesafe.config.Config;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Riding out the moments when the embedded journal's file changes hands: another process opening
 * it at the same moment (AUTO_SERVER: one creates the directory or the lock file while the other
 * looks, or has not yet started its server), one killed a moment ago whose lock H2 takes over once
 * it sees the holder gone, and the process serving the file to this one exiting, after which the
 * next to connect serves it ({@link #handOver}). Such failures are tried again for some 20 s; any
 * other failure, and every failure of a database server, is reported at once.
 */
final class JournalRetry {

    private static final int H2_ERROR_OPENING = 8000;
    private static final int H2_FILE_CREATION_FAILED = 90062;
    private static final int H2_CONNECTION_BROKEN = 90067;
    private static final int H2_DATABASE_CALLED_AT_SHUTDOWN = 90121;
    /** How long a connection or a unit of work is tried again. */
    private static final long RETRY_MILLIS = 20_000;
    /** How many times a stream of events broken by hand-overs is taken up again (some 20 s of pauses). */
    static final int ATTEMPTS = 45;

    private JournalRetry() {}

    /** Work done on one connection of the journal. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection db) throws SQLException;
    }

    /** {@link Journal#connect}, tried again while the embedded file changes hands. Close it. */
    static Connection connect(Config config) throws SQLException {
        return retrying(config, () -> Journal.connect(config));
    }

    /**
     * {@code work} on a connection of its own, done again on a fresh connection while the embedded
     * file changes hands. Work that ended is not done again if only closing its connection fails.
     * Give it work that may be done twice: reads, or idempotent changes.
     */
    static <T> T withConnection(Config config, Work<T> work) throws SQLException {
        return retrying(config, () -> {
            Connection db = Journal.connect(config);
            try {
                return work.apply(db);
            } finally {
                closeQuietly(db);
            }
        });
    }

    private interface Attempt<T> {
        T run() throws SQLException;
    }

    private static <T> T retrying(Config config, Attempt<T> attempt) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS);
        for (int count = 1; ; count++) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (!(openRace(config, e) || handOver(config, e)) || System.nanoTime() > deadline) throw e;
                pause(count, "opening the journal");
            }
        }
    }

    /**
     * Whether {@code failure} is the hand-over of an embedded journal: the process that served the
     * file to this one exited, so its connections broke or are refused until the next process
     * serves it, a moment later. Worth doing the read again from where it broke.
     */
    static boolean handOver(Config config, Throwable failure) {
        if (Journal.embeddedPath(Journal.urlOf(config)) == null) return false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                switch (sql.getErrorCode()) {
                    case H2_CONNECTION_BROKEN, H2_DATABASE_CALLED_AT_SHUTDOWN:
                        return true;
                    default:
                        if (String.valueOf(sql.getMessage()).contains("Connection refused")) return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code failure} is the embedded file changing hands, by a hand-over ({@link #handOver})
     * or another process opening it at this moment: what a broken read takes up again.
     */
    static boolean changingHands(Config config, Throwable failure) {
        if (handOver(config, failure)) return true;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && openRace(config, sql)) return true;
        }
        return false;
    }

    /** Whether {@code e} is another process opening the same embedded file at this moment: worth a retry. */
    private static boolean openRace(Config config, SQLException e) {
        String path = Journal.embeddedPath(Journal.urlOf(config));
        // a full disk fails to write the lock file as a race would, for good
        if (path == null || Journal.diskFull(Path.of(path).getParent())) return false;
        return switch (e.getErrorCode()) {
            case Journal.H2_DATABASE_ALREADY_OPEN, H2_FILE_CREATION_FAILED -> true;
            // two processes taking over the lock file of one that exited: one of them wins
            case H2_ERROR_OPENING -> String.valueOf(e.getMessage()).contains("Lock file")
                    || String.valueOf(e.getMessage()).contains("Another process was faster");
            default -> false;
        };
    }

    /** A short, growing, randomised pause before attempt {@code attempt + 1}, so that racing processes fall out of step. */
    static Duration pauseBefore(int attempt) {
        return Duration.ofMillis(Math.min(500, 50L * attempt) + ThreadLocalRandom.current().nextLong(50));
    }

    /** Sleeps {@link #pauseBefore}{@code (attempt)}; {@code doing} names what an interruption stops. */
    static void pause(int attempt, String doing) {
        try {
            Thread.sleep(pauseBefore(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException("interrupted while " + doing, e);
        }
    }

    static void closeQuietly(Connection db) {
        try {
            db.close();
        } catch (SQLException e) {
            // a connection the serving process took with it is closed already
        }
    }
}
