package org.dysonsim.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;


/**
 * The actor-system configuration of the journal, snapshot store and read journal
 * (pekko-persistence-jdbc), all sharing one connection pool. By default an embedded H2 file
 * under the data directory, opened with {@code AUTO_SERVER=TRUE} so that a second process using
 * the same data directory connects through the first instead of being locked out (on the
 * loopback interface, with the owner's password: {@link EmbeddedJournal}). Setting
 * {@code dysonsim.journal.url} (with {@code user} and {@code password}) selects another
 * database, e.g. PostgreSQL for several nodes; nothing else changes.
 */
public final class JournalConfig {

    private static final String SHARED_DB = "pekko-persistence-jdbc.shared-databases.dyson";

    static {
        EmbeddedJournal.bindToLoopback();
    }

    private JournalConfig() {}

    /**
     * The complete, resolved configuration of an actor system that records into {@code dir}.
     * {@code overrides} (for instance the scenario's settings or a test's configuration) win over
     * application.conf and reference.conf, except for the journal wiring itself, which follows
     * {@code dysonsim.journal.*}.
     */
    public static Config forWriting(DataDirectory dir, Config overrides) {
        return resolve(dir, overrides, true, null);
    }

    /**
     * As {@link #forWriting}, but an embedded database that does not exist is never created, and
     * one that exists is opened by the owner's credentials as a writer would (readers that must
     * not change the file use {@link JournalSession}, which opens it read-only).
     */
    public static Config forReading(DataDirectory dir, Config overrides) {
        return resolve(dir, overrides, false, null);
    }

    /** The configuration of a reading session over an embedded journal opened by {@code journal}. */
    static Config forReading(DataDirectory dir, Config overrides, ReadOnlyJournal journal,
                             EmbeddedJournal.Credentials credentials) {
        return resolve(dir, overrides, false, new Reading(journal.url(), credentials));
    }

    /** Whether an embedded journal would be used with these overrides (before any resolution of the wiring). */
    static boolean choosesEmbedded(Config overrides) {
        return isEmbedded(overrides.withFallback(ConfigFactory.defaultApplication())
                .withFallback(ConfigFactory.defaultReference()).resolve());
    }

    private record Reading(String url, EmbeddedJournal.Credentials credentials) {}

    /**
     * How long H2 keeps each large value a query returned (every event's payload is one), so that a
     * client may still read it after its row: 10 s, not H2's default of 5 min. Every reader here
     * reads a payload as soon as it has its row, and in 5 min a report of a large run reads
     * hundreds of thousands of payloads, whose bookkeeping alone (about 100 bytes each) filled a
     * 150 MB heap before the report of a 10 000-member run was done. Kept 10 s, it holds what is
     * read in 10 s, whatever the number of members or records.
     */
    static final String LOB_TIMEOUT = ";LOB_TIMEOUT=10000";

    /**
     * The embedded H2 URL of a data directory. {@code WRITE_DELAY=0}: H2 keeps no redo log, and by
     * default it writes committed changes to the file up to half a second later, so a process
     * killed with SIGKILL loses what it had acknowledged in that time (a run killed early loses
     * everything, its start included). With 0 every commit is in the file (the operating
     * system's cache) before it is acknowledged; it costs well under a millisecond a commit.
     * {@link #LOB_TIMEOUT}: see there.
     */
    public static String h2Url(DataDirectory dir, boolean create) {
        return "jdbc:h2:" + OwnerOnlyFilePath.prefix() + dir.databaseBase()
                + ";DATABASE_TO_UPPER=false;AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;WRITE_DELAY=0" + LOB_TIMEOUT
                + (create ? "" : ";IFEXISTS=TRUE");
    }

    /** Whether this configuration uses the embedded H2 database of the data directory. */
    public static boolean isEmbedded(Config config) {
        return config.getString("dysonsim.journal.url").isEmpty();
    }

    // Merge first, resolve last: the plugin's reference.conf refers to its own keys through
    // ${...} substitutions, which resolve against whatever is merged at that point.
    private static Config resolve(DataDirectory dir, Config overrides, boolean create, Reading reading) {
        Config user = overrides.withFallback(ConfigFactory.defaultApplication())
                .withFallback(ConfigFactory.defaultReference()).resolve();
        boolean embedded = isEmbedded(user);
        String url;
        EmbeddedJournal.Credentials credentials;
        if (!embedded) {
            url = user.getString("dysonsim.journal.url");
            credentials = new EmbeddedJournal.Credentials(user.getString("dysonsim.journal.user"),
                    user.getString("dysonsim.journal.password"));
        } else if (reading != null) {
            url = reading.url();
            credentials = reading.credentials();
        } else {
            url = h2Url(dir, create);
            credentials = create ? EmbeddedJournal.forWriting(dir) : EmbeddedJournal.forReading(dir);
        }
        Config pool = user.getConfig("dysonsim.journal.pool");
        if (embedded) {
            // One connection, so one commit at a time reaches H2's store: see reference.conf
            int connections = user.getInt("dysonsim.journal.embedded-connections");
            pool = pool.withValue("numThreads", ConfigValueFactory.fromAnyRef(connections))
                    .withValue("maxConnections", ConfigValueFactory.fromAnyRef(connections))
                    .withValue("minConnections", ConfigValueFactory.fromAnyRef(Math.min(1, connections)));
        }
        pool = pool
                .withValue("connectionPool", ConfigValueFactory.fromAnyRef("HikariCP"))
                .withValue("url", ConfigValueFactory.fromAnyRef(url))
                .withValue("user", ConfigValueFactory.fromAnyRef(credentials.user()))
                .withValue("password", ConfigValueFactory.fromAnyRef(credentials.password()))
                .withValue("driver", ConfigValueFactory.fromAnyRef(driverOf(url)));
        Config database = ConfigFactory.empty()
                .withValue(SHARED_DB + ".profile", ConfigValueFactory.fromAnyRef(profileOf(url)))
                .withValue(SHARED_DB + ".db", pool.root());
        Config plugins = ConfigFactory.parseString("""
                pekko.persistence.journal.plugin = "jdbc-journal"
                pekko.persistence.snapshot-store.plugin = "jdbc-snapshot-store"
                pekko.persistence.state.plugin = "jdbc-durable-state-store"
                jdbc-journal.use-shared-db = "dyson"
                jdbc-snapshot-store.use-shared-db = "dyson"
                jdbc-read-journal.use-shared-db = "dyson"
                jdbc-durable-state-store.use-shared-db = "dyson"
                """);
        // The wiring comes first: overrides may be a fully loaded configuration (with the plugin's
        // null defaults) and must not undo it; they still choose the database via dysonsim.journal.
        return database
                .withFallback(plugins)
                .withFallback(overrides)
                .withFallback(ConfigFactory.defaultApplication())
                .withFallback(ConfigFactory.defaultReference())
                .resolve();
    }

    private static String profileOf(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return "slick.jdbc.H2Profile$";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "slick.jdbc.PostgresProfile$";
        }
        throw new JournalException("dysonsim.journal.url: unsupported database \"" + url
                + "\"; use jdbc:postgresql://host/db (or leave it empty for the embedded H2 journal)");
    }

    private static String driverOf(String url) {
        return url.startsWith("jdbc:h2:") ? "org.h2.Driver" : "org.postgresql.Driver";
    }
}
