package org.dysonsim.persistence;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * A run's row in the journal's table {@code dyson_run_lock}: written when a process takes the
 * run, and deleted only once its report and error control are written. While that process lives
 * the row names it (pid, process start, host) and its column {@code since} holds the holder's
 * last heartbeat ({@link #beat}, every {@link #HEARTBEAT_MILLIS}); when it lets the run go
 * unfinished the name is cleared; a process that dies leaves its name behind, which a later
 * reader recognises as dead: on its own host by its pid and start time, from another host once
 * its heartbeat is older than {@link #EXPIRY_MILLIS}.
 * So the row says two things a file lock cannot: that the run is unfinished although every member
 * completed (killed while writing the report), and, on the embedded journal, who holds it even if
 * {@code run.lock} was deleted.
 */
final class RunClaim {

    static final String TABLE = "dyson_run_lock";
    private static final String NOBODY = "";
    private static final int ATTEMPTS = 5;
    /** Two readings of one process's start time differ by the clock tick at most. */
    private static final long START_TOLERANCE_MILLIS = 1000;
    /** How often a live holder writes its heartbeat. */
    static final long HEARTBEAT_MILLIS = 10_000;
    /**
     * How old the heartbeat of a holder on another host may be before that holder counts as dead:
     * twelve missed heartbeats, so a busy machine or a clock a minute off never loses its lock.
     */
    static final long EXPIRY_MILLIS = 120_000;

    private static final String HOST = hostName();

    private RunClaim() {}

    /** What the journal says about a run: no row, a row nobody live holds, or a row a live process holds. */
    enum State { NONE, UNFINISHED, HELD }

    /** A process as the row names it: {@code pid start-millis host}. */
    record Holder(long pid, long startMillis, String host) {

        static Holder current() {
            ProcessHandle self = ProcessHandle.current();
            return new Holder(self.pid(), self.info().startInstant().map(Instant::toEpochMilli).orElse(0L), HOST);
        }

        String text() {
            return pid + " " + startMillis + " " + host;
        }

        static Optional<Holder> parse(String text) {
            String[] parts = text.trim().split(" ", 3);
            if (parts.length < 3) return Optional.empty();
            try {
                return Optional.of(new Holder(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /**
         * Whether this process still runs. A process on another host cannot be checked: it counts
         * as alive while its heartbeat, written at {@code lastBeatMillis}, is at most
         * {@link #EXPIRY_MILLIS} old.
         */
        boolean isAlive(long lastBeatMillis) {
            if (!host.equals(HOST)) return System.currentTimeMillis() - lastBeatMillis <= EXPIRY_MILLIS;
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty() || !process.get().isAlive()) return false;
            if (startMillis == 0) return true;
            // a pid reused by a later process is not the holder
            return process.get().info().startInstant()
                    .map(start -> Math.abs(start.toEpochMilli() - startMillis) <= START_TOLERANCE_MILLIS)
                    .orElse(true);
        }

        @Override
        public String toString() {
            return "pid " + pid + " on " + host;
        }
    }

    static void createTable(Connection db) throws SQLException {
        try (Statement create = db.createStatement()) {
            create.execute("CREATE TABLE IF NOT EXISTS \"" + TABLE + "\" (\"run_id\" VARCHAR(255) PRIMARY KEY,"
                    + " \"holder\" VARCHAR(512) NOT NULL, \"since\" BIGINT NOT NULL)");
        } catch (SQLException e) {
            // two processes creating the table at one moment: the other one made it
            if (!tableExists(db)) throw e;
        }
    }

    /**
     * The run's state; a journal without the table (written before it existed, or by a reader only)
     * has no rows. Reads only.
     *
     * @param checkHolder whether a named holder's liveness is judged here (the embedded journal);
     *                    otherwise a named holder counts as unfinished, and the caller checks liveness
     */
    static State read(Connection db, String runId, boolean checkHolder) throws SQLException {
        Optional<Row> row = rowOf(db, runId);
        if (row.isEmpty()) return State.NONE;
        if (checkHolder && row.get().liveHolder().isPresent()) return State.HELD;
        return State.UNFINISHED;
    }

    /** A run's row: who holds it ("" once let go) and that holder's last heartbeat. */
    private record Row(String holder, long since) {
        Optional<Holder> liveHolder() {
            return Holder.parse(holder).filter(h -> h.isAlive(since));
        }
    }

    /**
     * Writes {@code me} as the run's holder.
     *
     * @param checkHolder as in {@link #read}; false when the caller already knows nobody else holds the run
     * @return whether the run was already claimed and unfinished (interrupted) before
     * @throws JournalException if a live process holds it
     */
    static boolean take(Connection db, String runId, Holder me, boolean checkHolder) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            Optional<Row> current = rowOf(db, runId);
            if (current.isEmpty()) {
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO \"" + TABLE
                        + "\" (\"run_id\", \"holder\", \"since\") VALUES (?, ?, ?)")) {
                    insert.setString(1, runId);
                    insert.setString(2, me.text());
                    insert.setLong(3, System.currentTimeMillis());
                    insert.executeUpdate();
                    return false;
                } catch (SQLException e) {
                    if (!isDuplicateKey(e) || attempt == ATTEMPTS) throw e; // another process inserted first: look again
                    continue;
                }
            }
            Optional<Holder> holder = current.get().liveHolder();
            if (checkHolder && holder.isPresent()) {
                throw new JournalException("run " + runId + " is being recorded by another process (" + holder.get()
                        + "); wait for it or stop it first");
            }
            try (PreparedStatement update = db.prepareStatement("UPDATE \"" + TABLE
                    + "\" SET \"holder\" = ?, \"since\" = ? WHERE \"run_id\" = ? AND \"holder\" = ?")) {
                update.setString(1, me.text());
                update.setLong(2, System.currentTimeMillis());
                update.setString(3, runId);
                update.setString(4, current.get().holder());
                if (update.executeUpdate() == 1) return true;
            }
            if (attempt == ATTEMPTS) {
                throw new JournalException("run " + runId + " is being taken by another process at this moment; try again");
            }
        }
    }

    /** Writes {@code me}'s heartbeat into the run's row, if {@code me} still holds it. */
    static void beat(Connection db, String runId, Holder me) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE \"" + TABLE
                + "\" SET \"since\" = ? WHERE \"run_id\" = ? AND \"holder\" = ?")) {
            update.setLong(1, System.currentTimeMillis());
            update.setString(2, runId);
            update.setString(3, me.text());
            update.executeUpdate();
        }
    }

    /** Clears {@code me} from the run's row, which stays: the run is unfinished. */
    static void release(Connection db, String runId, Holder me) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE \"" + TABLE
                + "\" SET \"holder\" = ? WHERE \"run_id\" = ? AND \"holder\" = ?")) {
            update.setString(1, NOBODY);
            update.setString(2, runId);
            update.setString(3, me.text());
            update.executeUpdate();
        }
    }

    /** Deletes the run's row: its report and error control are written. */
    static void finish(Connection db, String runId, Holder me) throws SQLException {
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM \"" + TABLE
                + "\" WHERE \"run_id\" = ? AND \"holder\" = ?")) {
            delete.setString(1, runId);
            delete.setString(2, me.text());
            delete.executeUpdate();
        }
    }

    private static Optional<Row> rowOf(Connection db, String runId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT \"holder\", \"since\" FROM \"" + TABLE
                + "\" WHERE \"run_id\" = ?")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Row(row.getString(1), row.getLong(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            if (isMissingTable(e)) return Optional.empty();
            throw e;
        }
    }

    private static boolean tableExists(Connection db) {
        try (Statement probe = db.createStatement()) {
            probe.executeQuery("SELECT COUNT(*) FROM \"" + TABLE + "\" WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    // SQL states shared by H2 and PostgreSQL
    private static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    private static boolean isMissingTable(SQLException e) {
        // H2: 42102 table not found, 42104 the same in a database without any table
        return e.getErrorCode() == 42102 || e.getErrorCode() == 42104 || "42P01".equals(e.getSQLState());
    }

    /** The kernel's host name (no DNS look-up, which can hang), else Java's. */
    private static String hostName() {
        Path kernel = Path.of("/proc/sys/kernel/hostname");
        try {
            if (Files.isReadable(kernel)) return Files.readString(kernel, StandardCharsets.US_ASCII).trim();
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
