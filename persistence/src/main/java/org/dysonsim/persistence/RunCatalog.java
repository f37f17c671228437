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
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The runs of a data directory with their status, steps done and size: what {@code dyson list}
 * prints. Reading a member costs three small queries (its first event, its last two and its size,
 * its checkpoint included),
 * never a replay of the trajectory. A run with a directory but nothing in the journal yet (killed
 * in its first seconds) is listed too, from its directory. Reads only.
 */
public final class RunCatalog {

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

    /** A run with a directory and no event in the journal: running if a live process holds it, else interrupted. */
    private static RunSummary unrecorded(DataDirectory dir, String runId, Config journal) {
        Path runDir = dir.runDirectory(runId);
        String scenario = "?";
        try {
            scenario = scenarioName(Files.readString(runDir.resolve(DataDirectory.SCENARIO)));
        } catch (IOException e) {
            // not written yet
        }
        RunStatus status = RunLock.isHeld(dir, runId, journal) ? RunStatus.RUNNING : RunStatus.INTERRUPTED;
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
        for (int member : members) {
            long last = reader.lastSequenceNumber(runId, member);
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
                for (int member : members) payload += payloadBytes(db, PersistenceIds.persistenceId(runId, member));
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

    private long payloadBytes(Connection db, String persistenceId) throws SQLException {
        Config config = system.settings().config();
        String journal = config.getString("jdbc-journal.tables.event_journal.tableName");
        String snapshots = config.getString("jdbc-snapshot-store.tables.snapshot.tableName");
        String states = config.getString("jdbc-durable-state-store.tables.durable_state.tableName");
        return sum(db, "SELECT SUM(OCTET_LENGTH(\"event_payload\")) FROM \"" + journal + "\" WHERE \"persistence_id\" = ?",
                persistenceId)
                + sum(db, "SELECT SUM(OCTET_LENGTH(\"snapshot_payload\")) FROM \"" + snapshots
                        + "\" WHERE \"persistence_id\" = ?", persistenceId)
                + sum(db, "SELECT SUM(OCTET_LENGTH(\"state_payload\")) FROM \"" + states
                        + "\" WHERE \"persistence_id\" = ?", CheckpointStore.persistenceId(persistenceId));
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
