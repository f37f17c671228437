package org.dysonsim.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL journal for one test class, in a schema of its own that is dropped afterwards, so
 * that classes sharing a server never see each other's runs. Register it as a static field:
 * <pre>
 *   &#64;RegisterExtension static final PostgresJournal POSTGRES = new PostgresJournal();
 *   ... JournalConfig.forWriting(dir, POSTGRES.overrides().withFallback(...))
 * </pre>
 * Every actor system given {@link #overrides()} (several "nodes" included) shares the one journal.
 * Without a server the class is skipped on a developer machine; with {@code CI=true} it fails
 * ({@link PostgresServer#get()}).
 */
public final class PostgresJournal implements BeforeAllCallback, AfterAllCallback {

    private PostgresServer server;
    private String schema;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        server = PostgresServer.get().orElse(null);
        Assumptions.assumeTrue(server != null, "no PostgreSQL: set " + PostgresServer.URL_VARIABLE
                + " or install Debian's postgresql package; skipping the PostgreSQL tests");
        schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection db = server.connect(); Statement statement = db.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (schema == null) {
            return;
        }
        try (Connection db = server.connect(); Statement statement = db.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
        schema = null;
    }

    /** The JDBC URL of this class's journal (its own schema on the server). */
    public String url() {
        String base = server.url();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public PostgresServer server() {
        return server;
    }

    /** {@code dysonsim.journal.*} selecting this journal; put it in front of a system's configuration. */
    public Config overrides() {
        return ConfigFactory.empty()
                .withValue("dysonsim.journal.url", ConfigValueFactory.fromAnyRef(url()))
                .withValue("dysonsim.journal.user", ConfigValueFactory.fromAnyRef(server.user()))
                .withValue("dysonsim.journal.password", ConfigValueFactory.fromAnyRef(server.password()));
    }
}
