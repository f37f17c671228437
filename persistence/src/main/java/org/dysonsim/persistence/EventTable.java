package org.dysonsim.persistence;

import com.typesafe.config.Config;

/**
 * The event table of the JDBC journal as the journal's configuration names it
 * ({@code jdbc-journal.tables.event_journal}), quoted for SQL written here: its name with its
 * schema, and its columns.
 */
final class EventTable {
    private static final String PATH = "jdbc-journal.tables.event_journal";

    private EventTable() {}

    /** The table's quoted name, with its schema when one is configured. */
    static String name(Config config) {
        String schema = config.getString(PATH + ".schemaName");
        return (schema.isEmpty() ? "" : quoted(schema) + ".") + quoted(config.getString(PATH + ".tableName"));
    }

    /** The quoted column the journal's configuration names {@code key} ({@code persistenceId}, {@code sequenceNumber}, …). */
    static String column(Config config, String key) {
        return quoted(config.getString(PATH + ".columnNames." + key));
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
