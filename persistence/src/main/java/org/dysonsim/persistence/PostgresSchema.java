package org.dysonsim.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * The journal's tables on PostgreSQL. The plugin's own script cannot be run twice (its ordering
 * index has no {@code IF NOT EXISTS}), names the {@code public} schema outright and builds indexes
 * {@code CONCURRENTLY}, which no transaction allows; this one is idempotent, uses the connection's
 * current schema (so {@code ?currentSchema=} in the URL gives each study or test its own tables)
 * and runs in one transaction. Nodes starting together are serialised by a transaction-scoped
 * advisory lock, since concurrent {@code CREATE TABLE IF NOT EXISTS} can still collide in the catalog.
 */
final class PostgresSchema {

    private static final String SCRIPT = "postgres-schema.sql";
    /** An arbitrary advisory-lock key owned by dysonsim's schema creation ("dysonsch" in ASCII). */
    private static final long SCHEMA_LOCK_KEY = 0x6479736f6e736368L;

    private PostgresSchema() {}

    static void create(Connection db) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (Statement statement = db.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK_KEY + ")");
            for (String sql : statements()) {
                statement.execute(sql);
            }
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    static List<String> statements() {
        try (InputStream in = PostgresSchema.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the persistence jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("(?m)^;\\s*$"))
                    .map(PostgresSchema::withoutComments)
                    .filter(sql -> !sql.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withoutComments(String sql) {
        return sql.lines().filter(line -> !line.stripLeading().startsWith("--"))
                .reduce("", (a, b) -> a + b + "\n").strip();
    }
}
