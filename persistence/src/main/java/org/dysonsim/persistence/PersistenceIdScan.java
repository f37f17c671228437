package org.dysonsim.persistence;

import com.typesafe.config.Config;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every persistence id of the journal, found one at a time through the event table's primary key
 * (persistence id, sequence number): each is the first id after the one before. The read
 * journal's own {@code currentPersistenceIds} asks for {@code SELECT DISTINCT}, which H2 answers by
 * reading every event of the journal (minutes and more than a 128 MB heap for a run of 10⁶
 * records); this reads one row per id, in the database's own order.
 */
final class PersistenceIdScan {

    private PersistenceIdScan() {}

    /**
     * @param config the configuration of an actor system on the journal ({@link JournalConfig})
     * @throws JournalException if the journal cannot be read
     */
    static List<String> all(Config config) {
        String name = EventTable.name(config);
        String column = EventTable.column(config, "persistenceId");
        String first = "SELECT " + column + " FROM " + name + " ORDER BY " + column + " LIMIT 1";
        String next = "SELECT " + column + " FROM " + name + " WHERE " + column + " > ? ORDER BY " + column + " LIMIT 1";
        try {
            return JournalRetry.withConnection(config, db -> {
                List<String> ids = new ArrayList<>();
                try (PreparedStatement firstId = db.prepareStatement(first);
                     PreparedStatement nextId = db.prepareStatement(next)) {
                    String id = single(firstId);
                    while (id != null) {
                        ids.add(id);
                        nextId.setString(1, id);
                        id = single(nextId);
                    }
                }
                return ids;
            });
        } catch (SQLException e) {
            throw new JournalException("cannot read the journal's members: " + firstLine(e), e);
        }
    }

    private static String single(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
