package org.dysonsim.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.dysonsim.protocol.TrajectoryEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The runs of a data directory with their status, steps done and size: what {@code dyson list}
 * prints. Reading a member costs three small queries (its first event, its last two and its size,
 * its checkpoint included; the size of a long member estimated from a sample of its events),
 * never a replay of the trajectory. A run with a directory but nothing in the journal yet (killed
 * in its first seconds) is listed too, from its directory. Reads only.
 */
public final class RunCatalog {
    /** Events of a member up to which its size is summed over every payload. */
    static final long EXACT_SIZE_UP_TO = 20_000;
    /** Events read to estimate the size of a longer member. */
    static final int SIZE_SAMPLE = 1_000;

    private final DataDirectory dir;
    private final ActorSystem<?> system;
    private final TrajectoryReader reader;

    public RunCatalog(DataDirectory dir, ActorSystem<?> system, TrajectoryReader reader) {
        this.dir = dir;
        this.system = system;
        this.reader = reader;
    }

    /** Every run, recorded or with a run directory only, sorted by run id. */
    public List<RunSummary> list() {
        SortedSet<String> recorded = new TreeSet<>(hasJournalTable() ? reader.runIds() : List.of());
        SortedSet<String> all = new TreeSet<>(recorded);
        all.addAll(dir.runDirectories());
        List<RunSummary> runs = new ArrayList<>();
        for (String runId : all) {
            runs.add(recorded.contains(runId) ? describe(runId) : unrecorded(dir, runId, system.settings().config()));
        }
        return runs;
    }

    /**
     * The runs of a data directory whose journal holds nothing yet (no database, or no tables: a
     * journal killed right after its creation), from their run directories.
     */
    static List<RunSummary> unrecorded(DataDirectory dir, Config journal) {
        return dir.runDirectories().stream().map(runId -> unrecorded(dir, runId, journal)).toList();
    }

    /**
     * A run with a directory and no event in the journal: running if a live process holds it, else
     * interrupted. On the embedded journal that is the run's lock file alone (a process holding a
     * run holds it): a journal with nothing to read may be one whose creator was killed before H2
     * finished the file, which H2 opens only as a writer, and a reader must not write (opening it
     * so took over H2's stale lock, removed it and grew the file).
     */
    private static RunSummary unrecorded(DataDirectory dir, String runId, Config journal) {
        Path runDir = dir.runDirectory(runId);
        String scenario = "?";
        try {
            scenario = scenarioName(Files.readString(runDir.resolve(DataDirectory.SCENARIO)));
        } catch (IOException e) {
            // not written yet
        }
        boolean held = JournalConfig.isEmbedded(journal) ? RunLock.isHeld(dir, runId) : RunLock.isHeld(dir, runId, journal);
        RunStatus status = held ? RunStatus.RUNNING : RunStatus.INTERRUPTED;
        return new RunSummary(runId, scenario, status, 0, 0, DataDirectory.sizeOf(runDir));
    }

    /** @throws JournalException if the run is unknown */
    public RunSummary describe(String runId) {
        SortedSet<Integer> members = reader.members(runId);
        String scenario = "?";
        boolean anyFailed = false;
        boolean allCompleted = true;
        long stepsDone = Long.MAX_VALUE;
        long bytes = DataDirectory.sizeOf(dir.runDirectory(runId));
        Map<Integer, Long> lastEvents = new HashMap<>();
        for (int member : members) {
            long last = reader.lastSequenceNumber(runId, member);
            lastEvents.put(member, last);
            List<TrajectoryEvent> first = read(runId, member, 1, 1);
            if (!first.isEmpty() && first.get(0) instanceof TrajectoryEvent.RunStarted started && scenario.equals("?")) {
                scenario = scenarioName(started.scenario());
            }
            MemberProgress progress = MemberProgress.of(read(runId, member, Math.max(1, last - 1), last));
            anyFailed |= progress.failed;
            allCompleted &= progress.completed;
            stepsDone = Math.min(stepsDone, progress.step);
        }
        try {
            bytes += JournalRetry.withConnection(system.settings().config(), db -> {
                long payload = 0;
                for (int member : members) {
                    payload += payloadBytes(db, PersistenceIds.persistenceId(runId, member), lastEvents.get(member));
                }
                return payload;
            });
        } catch (SQLException e) {
            throw new JournalException("cannot measure run " + runId + " in the journal: " + e.getMessage(), e);
        }
        RunStatus status = status(RunLock.inspect(dir, runId, system.settings().config()), anyFailed, allCompleted);
        return new RunSummary(runId, scenario, status, members.size(), stepsDone, bytes);
    }

    /**
     * A live holder makes a run running; a run taken and not finished (killed while simulating,
     * writing its report or running error control) is interrupted whatever its members say.
     */
    static RunStatus status(RunClaim.State claim, boolean anyFailed, boolean allCompleted) {
        return switch (claim) {
            case HELD -> RunStatus.RUNNING;
            case UNFINISHED -> RunStatus.INTERRUPTED;
            case NONE -> anyFailed ? RunStatus.FAILED : allCompleted ? RunStatus.COMPLETED : RunStatus.INTERRUPTED;
        };
    }

    /** Whether the journal has its event table: a journal killed right after its creation has none. */
    private boolean hasJournalTable() {
        String table = system.settings().config().getString("jdbc-journal.tables.event_journal.tableName");
        try {
            return JournalRetry.withConnection(system.settings().config(), db -> {
                try (var probe = db.createStatement()) {
                    probe.executeQuery("SELECT 1 FROM \"" + table + "\" WHERE 1 = 0").close();
                    return true;
                }
            });
        } catch (SQLException e) {
            return false;
        }
    }

    private List<TrajectoryEvent> read(String runId, int member, long from, long to) {
        return TrajectoryReader.await(reader.source(runId, member, from, to).runWith(Sink.seq(), system));
    }

    private record MemberProgress(boolean completed, boolean failed, long step) {

        /** From a member's last two events: a terminal event, if any, follows the last snapshot. */
        static MemberProgress of(List<TrajectoryEvent> lastEvents) {
            boolean completed = false;
            boolean failed = false;
            long step = 0;
            for (TrajectoryEvent event : lastEvents) {
                if (event instanceof TrajectoryEvent.SnapshotRecorded snapshot) {
                    step = snapshot.step();
                } else if (event instanceof TrajectoryEvent.RunCompleted done) {
                    completed = true;
                    step = Math.max(step, done.step());
                } else if (event instanceof TrajectoryEvent.RunFailed) {
                    failed = true;
                }
            }
            return new MemberProgress(completed, failed, step);
        }
    }

    static String scenarioName(String scenario) {
        try {
            Config parsed = ConfigFactory.parseString(scenario);
            return parsed.hasPath("name") ? parsed.getString("name") : "?";
        } catch (ConfigException e) {
            return "?";
        }
    }

    private long payloadBytes(Connection db, String persistenceId, long lastEvent) throws SQLException {
        Config config = system.settings().config();
        String snapshots = config.getString("jdbc-snapshot-store.tables.snapshot.tableName");
        String states = config.getString("jdbc-durable-state-store.tables.durable_state.tableName");
        return eventBytes(db, config, persistenceId, lastEvent, EXACT_SIZE_UP_TO, SIZE_SAMPLE)
                + sum(db, "SELECT SUM(OCTET_LENGTH(\"snapshot_payload\")) FROM \"" + snapshots
                        + "\" WHERE \"persistence_id\" = ?", persistenceId)
                + sum(db, "SELECT SUM(OCTET_LENGTH(\"state_payload\")) FROM \"" + states
                        + "\" WHERE \"persistence_id\" = ?", CheckpointStore.persistenceId(persistenceId));
    }

    /**
     * The bytes of a member's event payloads: summed over every event up to {@code exactUpTo}
     * events; beyond, its first event (the run's start, which carries the scenario) plus the mean of
     * {@code sample} later events at evenly spread sequence numbers (the second and the last included) times their
     * number, read by key. Summing every payload of a member of 10⁶ records read all of its 2 GB and
     * took 23 s; the later events are a member's records, all alike.
     */
    static long eventBytes(Connection db, Config config, String persistenceId, long lastEvent, long exactUpTo,
                           int sample) throws SQLException {
        String payload = "SUM(OCTET_LENGTH(" + EventTable.column(config, "eventPayload") + "))";
        String seq = EventTable.column(config, "sequenceNumber");
        String where = " FROM " + EventTable.name(config) + " WHERE " + EventTable.column(config, "persistenceId") + " = ?";
        if (lastEvent <= exactUpTo) return sum(db, "SELECT " + payload + where, persistenceId);
        long first = sum(db, "SELECT " + payload + where + " AND " + seq + " = 1", persistenceId);
        StringBuilder keys = new StringBuilder();
        for (int k = 0; k < sample; k++) { // from the second event to the last
            keys.append(k == 0 ? "" : ", ").append(2 + Math.round((double) k * (lastEvent - 2) / Math.max(1, sample - 1)));
        }
        try (PreparedStatement statement = db.prepareStatement("SELECT COUNT(*), " + payload + where + " AND " + seq
                + " IN (" + keys + ")")) {
            statement.setString(1, persistenceId);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next() || result.getLong(1) == 0) return first;
                return first + Math.round((double) result.getLong(2) / result.getLong(1) * (lastEvent - 1));
            }
        }
    }

    private static long sum(Connection db, String sql, String persistenceId) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, persistenceId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getLong(1) : 0;
            }
        }
    }
}
