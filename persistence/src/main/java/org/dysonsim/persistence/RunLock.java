package org.dysonsim.persistence;
// Over 300 lines: the file lock and the journal row are taken, inspected and released
// together; split apart, one could change without the other.

import com.typesafe.config.Config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The mark of a live process recording a run, held from before its first step until its report
 * and error control are written. Two marks, so that losing one does not let a second process in:
 * <ul>
 *   <li>an OS file lock on {@code <data-dir>/<run-id>/run.lock}, which the OS releases when the
 *       process dies however it dies (SIGKILL included);</li>
 *   <li>the run's row in the journal ({@link RunClaim}), naming this process, with a heartbeat
 *       this process writes every {@link RunClaim#HEARTBEAT_MILLIS}. On the embedded journal a
 *       row naming a dead process is stale and taken over (a holder on another host, which
 *       cannot be asked, once its heartbeat is {@link RunClaim#EXPIRY_MILLIS} old); on a shared PostgreSQL
 *       journal, where the run may be recorded from another machine, a session-level advisory lock
 *       keyed by the run id, held on a connection of its own, tells whether the holder lives (the
 *       server releases it when that connection ends, which a dead process's does).</li>
 * </ul>
 * The row outlives the lock until {@link #finished()}: a run let go or killed before its report
 * was written stays unfinished ({@link RunStatus#INTERRUPTED}) even when every member completed.
 */
public final class RunLock implements AutoCloseable {

    static final String FILE = "run.lock";
    /** Advisory locks are per database: the schema is part of the key, so studies in other schemas never collide. */
    private static final String KEY = "hashtextextended('dysonsim run|' || current_schema() || '|' || ?, 0)";

    private final FileChannel channel;
    private final FileLock lock;
    /** PostgreSQL: the session that holds the advisory lock; embedded: null, a connection is opened per change. */
    private final Connection database;
    private final Config journal;
    private final String runId;
    private final boolean embedded;
    private final boolean wasUnfinished;
    private final RunClaim.Holder me = RunClaim.Holder.current();
    private final LockHeartbeat heartbeat;
    private boolean finished;

    private RunLock(FileChannel channel, FileLock lock, Connection database, Config journal, String runId,
                    boolean embedded, boolean wasUnfinished) {
        this.channel = channel;
        this.lock = lock;
        this.database = database;
        this.journal = journal;
        this.runId = runId;
        this.embedded = embedded;
        this.wasUnfinished = wasUnfinished;
        this.heartbeat = journal == null ? null : new LockHeartbeat(runId, this::beat);
    }

    /** Writes this holder's heartbeat into the run's row now. */
    void beat() throws SQLException {
        change(db -> RunClaim.beat(db, runId, me));
    }

    /**
     * Takes the run's lock for this process: the file lock and the run's row in the journal that
     * {@code journal} (a configuration resolved by {@link JournalConfig}) names, with, on
     * PostgreSQL, the journal's advisory lock.
     *
     * @throws JournalException if another live process (or this one) holds it
     */
    public static RunLock acquire(DataDirectory dir, String runId, Config journal) {
        RunLock local = acquire(dir, runId);
        boolean embedded = JournalConfig.isEmbedded(journal);
        Connection db = null;
        try {
            db = Journal.open(journal);
            if (embedded) {
                // Not held after this: the process serving the embedded file to this one may exit
                // before this run ends, and its connections with it; each change opens its own, and
                // is done again on the next server if the one serving it exits meanwhile. Held while
                // the row is taken, so that the file is not closed and opened again in between.
                try (Connection held = db) {
                    db = null;
                    boolean unfinished = JournalRetry.withConnection(journal, claim -> {
                        RunClaim.createTable(claim);
                        return RunClaim.take(claim, runId, RunClaim.Holder.current(), true);
                    });
                    return new RunLock(local.channel, local.lock, null, journal, runId, true, unfinished);
                }
            }
            if (!tryAdvisoryLock(db, runId)) {
                throw new JournalException("run " + runId + " is being recorded by another process on the journal "
                        + Journal.urlOf(journal) + "; wait for it or stop it first");
            }
            RunClaim.createTable(db);
            // with the advisory lock taken, a holder named in the row is a dead process
            boolean unfinished = RunClaim.take(db, runId, RunClaim.Holder.current(), false);
            return new RunLock(local.channel, local.lock, db, journal, runId, false, unfinished);
        } catch (SQLException e) {
            closeQuietly(db);
            local.close();
            throw new JournalException("cannot lock run " + runId + " in the journal " + Journal.urlOf(journal)
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(db);
            local.close();
            throw e;
        }
    }

    /** Whether a live process holds the run's lock, here or (on PostgreSQL) anywhere; changes nothing. */
    public static boolean isHeld(DataDirectory dir, String runId, Config journal) {
        return inspect(dir, runId, journal) == RunClaim.State.HELD;
    }

    /**
     * Whether the run was taken by a process and not finished: its report or error control was
     * never written (or it is being written now). Changes nothing.
     */
    public static boolean isUnfinished(DataDirectory dir, String runId, Config journal) {
        return inspect(dir, runId, journal) != RunClaim.State.NONE;
    }

    /** The run's state in the journal and its file lock; changes nothing. */
    static RunClaim.State inspect(DataDirectory dir, String runId, Config journal) {
        if (isHeld(dir, runId)) {
            return RunClaim.State.HELD;
        }
        boolean embedded = JournalConfig.isEmbedded(journal);
        if (embedded && !dir.journalStarted()) {
            return RunClaim.State.NONE;
        }
        try {
            return JournalRetry.withConnection(journal, db -> {
                RunClaim.State claim = RunClaim.read(db, runId, embedded);
                if (embedded || claim == RunClaim.State.HELD) {
                    return claim;
                }
                if (!tryAdvisoryLock(db, runId)) {
                    return RunClaim.State.HELD;
                }
                try (PreparedStatement unlock = db.prepareStatement("SELECT pg_advisory_unlock(" + KEY + ")")) {
                    unlock.setString(1, runId);
                    unlock.execute();
                }
                return claim;
            });
        } catch (SQLException e) {
            throw new JournalException("cannot read the lock of run " + runId + " in the journal "
                    + Journal.urlOf(journal) + ": " + e.getMessage(), e);
        }
    }

    /** Whether the run was unfinished (interrupted) when this lock took it. */
    public boolean wasUnfinished() {
        return wasUnfinished;
    }

    /**
     * Marks the run finished in the journal: its report and error control are written. Without
     * this, closing the lock leaves the run unfinished, and {@code dyson list} shows it interrupted.
     *
     * @throws JournalException if the journal cannot be written
     */
    public void finished() {
        if (journal == null) {
            finished = true;
            return;
        }
        try {
            change(db -> RunClaim.finish(db, runId, me));
            finished = true;
        } catch (SQLException | JournalException e) {
            throw new JournalException("cannot mark run " + runId + " finished in the journal: " + e.getMessage(), e);
        }
    }

    /** A change of the run's row. */
    @FunctionalInterface
    private interface RowChange {
        void apply(Connection db) throws SQLException;
    }

    /**
     * On the lock's own session (PostgreSQL), or on a connection opened for it (embedded), done again
     * if a neighbour serving the embedded file exits meanwhile: every change of the row may be.
     */
    private synchronized void change(RowChange change) throws SQLException {
        if (database != null) {
            change.apply(database);
            return;
        }
        JournalRetry.withConnection(journal, db -> {
            change.apply(db);
            return null;
        });
    }

    private static boolean tryAdvisoryLock(Connection db, String runId) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("SELECT pg_try_advisory_lock(" + KEY + ")")) {
            statement.setString(1, runId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /**
     * Takes the run's lock for this process, creating the run's directory if needed.
     *
     * @throws JournalException if another live process (or this one) holds it
     */
    public static RunLock acquire(DataDirectory dir, String runId) {
        Path file = dir.runDirectory(runId).resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = readHolder(channel);
                channel.close();
                throw new JournalException("run " + runId + " is being recorded by another process"
                        + (holder.isEmpty() ? "" : " (pid " + holder + ")") + "; wait for it or stop it first");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new RunLock(channel, lock, null, null, runId, true, false);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new JournalException("cannot lock run " + runId + " (" + file + "): " + e.getMessage(), e);
        }
    }

    /** Whether a live process holds the run's lock; changes nothing on disk. */
    public static boolean isHeld(DataDirectory dir, String runId) {
        Path file = dir.runDirectory(runId).resolve(FILE);
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (heartbeat != null) heartbeat.close();
        if (journal != null && !finished) {
            try {
                change(db -> RunClaim.release(db, runId, me));
            } catch (SQLException | JournalException e) {
                // the row keeps naming this process, which is dead to later readers once it exits
            }
        }
        if (database != null) {
            if (!embedded) {
                // Released here, before anyone is told the run ended: closing the connection would
                // release it too, but only once the server has noticed, a moment later.
                try (PreparedStatement unlock = database.prepareStatement("SELECT pg_advisory_unlock(" + KEY + ")")) {
                    unlock.setString(1, runId);
                    unlock.execute();
                } catch (SQLException e) {
                    // the session ends below, and its lock with it
                }
            }
            closeQuietly(database);
        }
        try {
            lock.release();
        } catch (IOException e) {
            // the lock goes with the channel anyway
        }
        closeQuietly(channel);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very process
        }
    }

    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
    }

    private static void closeQuietly(Connection db) {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException e) {
                // the server ends the session, and its lock, on its own
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
