package org.dysonsim.persistence;

import com.typesafe.config.Config;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The stored events of one persistence id, read a page of {@link #PAGE} rows at a time in the
 * order of the event table's primary key (persistence id, sequence number). The read journal's own
 * query orders by the sequence number alone, which H2 does not see is the key's order: for every
 * page it reads and sorts all of the member's later events, so reading a member of R records costs
 * O(R²/page) rows and holds up to R of them (a member of 10⁶ records did not fit a 128 MB heap).
 * Ordered by the whole key, each page is a range of the key read in place: O(R) and a page held.
 */
final class EventPages {
    /** Rows read per query (the read journal's own page, {@code max-buffer-size}). */
    static final int PAGE = 500;

    private EventPages() {}

    /** One stored event: its sequence number and the event deserialized. */
    record StoredEvent(String persistenceId, long sequenceNr, Object event) {}

    /** Events of {@code persistenceId} with sequence numbers in [from, to], in order; the cursor is closed at the end. */
    static Source<StoredEvent, NotUsed> of(ActorSystem<?> system, String persistenceId, long from, long to) {
        Config config = system.settings().config();
        Serialization serialization = SerializationExtension.get(system.classicSystem());
        return Source.unfoldResource(() -> new Cursor(config, serialization, persistenceId, Math.max(from, 1), to),
                Cursor::next, Cursor::close);
    }

    /**
     * The highest sequence number of {@code persistenceId}'s events, 0 when it has none: the first
     * row of the key read backwards. The read journal's query for it took tens of seconds on a
     * member of 3·10⁵ records, reading every row of the member.
     */
    static long lastSequenceNumber(Config config, String persistenceId) throws SQLException {
        String id = EventTable.column(config, "persistenceId"), seq = EventTable.column(config, "sequenceNumber");
        String sql = "SELECT " + seq + " FROM " + EventTable.name(config) + " WHERE " + id + " = ? AND "
                + EventTable.column(config, "deleted") + " = FALSE ORDER BY " + id + " DESC, " + seq + " DESC LIMIT 1";
        return JournalRetry.withConnection(config, db -> {
            try (PreparedStatement query = db.prepareStatement(sql)) {
                query.setString(1, persistenceId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0L;
                }
            }
        });
    }

    /** A connection and the page being read. */
    private static final class Cursor {
        private final Serialization serialization;
        private final String persistenceId;
        private final long to;
        private final Connection db;
        private final PreparedStatement query;
        private ResultSet page;
        private int rowsInPage;
        private long next;

        Cursor(Config config, Serialization serialization, String persistenceId, long from, long to) throws SQLException {
            this.serialization = serialization;
            this.persistenceId = persistenceId;
            this.to = to;
            this.next = from;
            String id = EventTable.column(config, "persistenceId"), seq = EventTable.column(config, "sequenceNumber");
            String sql = "SELECT " + seq + ", " + EventTable.column(config, "eventPayload") + ", "
                    + EventTable.column(config, "eventSerId") + ", " + EventTable.column(config, "eventSerManifest")
                    + " FROM " + EventTable.name(config) + " WHERE " + id + " = ? AND " + EventTable.column(config, "deleted")
                    + " = FALSE AND " + seq + " >= ? AND " + seq + " <= ? ORDER BY " + id + ", " + seq + " LIMIT " + PAGE;
            this.db = JournalRetry.connect(config);
            try {
                this.query = db.prepareStatement(sql);
                query.setString(1, persistenceId);
                query.setLong(3, to);
            } catch (SQLException e) {
                JournalRetry.closeQuietly(db);
                throw e;
            }
        }

        Optional<StoredEvent> next() throws SQLException {
            while (true) {
                if (page != null && page.next()) {
                    rowsInPage++;
                    long sequenceNr = page.getLong(1);
                    Object event = serialization.deserialize(page.getBytes(2), page.getInt(3), page.getString(4)).get();
                    next = sequenceNr + 1;
                    return Optional.of(new StoredEvent(persistenceId, sequenceNr, event));
                }
                boolean lastPage = page != null && rowsInPage < PAGE;
                if (page != null) page.close();
                page = null;
                if (lastPage || next > to) return Optional.empty();
                query.setLong(2, next);
                page = query.executeQuery();
                rowsInPage = 0;
            }
        }

        void close() {
            try {
                if (page != null) page.close();
                query.close();
            } catch (SQLException ignored) {
                // the connection is closed next, which closes what is left
            } finally {
                JournalRetry.closeQuietly(db);
            }
        }
    }
}
