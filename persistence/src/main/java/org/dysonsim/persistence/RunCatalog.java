package org.dysonsim.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.dysonsim.protocol.TrajectoryEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * The runs of a data directory with their status, steps done and size: what {@code dyson list}
 * prints. Reading a member costs three small queries (its first event, its last two and its size,
 * its checkpoint included),
 * never a replay of the trajectory.
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

    /** Every run, sorted by run id. */
    public List<RunSummary> list() {
        List<RunSummary> runs = new ArrayList<>();
        for (String runId : reader.runIds()) {
            runs.add(describe(runId));
        }
        return runs;
    }

    /** @throws JournalException if the run is unknown */
    public RunSummary describe(String runId) {
        SortedSet<Integer> members = reader.members(runId);
        String scenario = "?";
        boolean anyFailed = false;
        boolean allCompleted = true;
        long stepsDone = Long.MAX_VALUE;
        long bytes = DataDirectory.sizeOf(dir.runDirectory(runId));
        try (Connection db = connect()) {
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
                bytes += payloadBytes(db, PersistenceIds.persistenceId(runId, member));
            }
        } catch (SQLException e) {
            throw new JournalException("cannot measure run " + runId + " in the journal: " + e.getMessage(), e);
        }
        RunStatus status = anyFailed ? RunStatus.FAILED
                : allCompleted ? RunStatus.COMPLETED
                : RunLock.isHeld(dir, runId, system.settings().config()) ? RunStatus.RUNNING
                : RunStatus.INTERRUPTED;
        return new RunSummary(runId, scenario, status, members.size(), stepsDone, bytes);
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

    private Connection connect() throws SQLException {
        return Journal.connect(system.settings().config());
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
