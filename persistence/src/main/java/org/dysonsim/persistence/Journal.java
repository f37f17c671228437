package org.dysonsim.persistence;

import com.typesafe.config.Config;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Start-up of the journal: a connection check with clear errors, then the tables. */
public final class Journal {

    private static final long SCHEMA_TIMEOUT_SECONDS = 60;

    // H2 error codes (org.h2.api.ErrorCode) that mean something the user can act on.
    static final int H2_FILE_CORRUPTED = 90030;
    static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final int H2_DATABASE_NOT_FOUND = 90146;
    static final int H2_WRONG_FORMAT = 90048;
    static final int H2_FILE_VERSION = 90045;
    private static final int H2_WRONG_USER_OR_PASSWORD = 28000;
    /** Less room than this (H2 writes its lock file and a chunk of up to a few pages) counts as a full disk. */
    private static final long FULL_DISK_BYTES = 256 * 1024;

    static {
        EmbeddedJournal.bindToLoopback();
    }

    private Journal() {}

    /**
     * Creates the journal, snapshot and durable-state tables if they do not exist (safe on every
     * start) and waits for it.
     *
     * @throws JournalException if the database cannot be opened or the tables cannot be created
     */
    public static void ensureSchema(ActorSystem<?> system) {
        Config config = system.settings().config();
        checkConnection(config);
        if (isPostgres(config)) {
            try (Connection db = connect(config)) {
                PostgresSchema.create(db);
            } catch (SQLException e) {
                throw new JournalException("cannot create the journal tables at " + urlOf(config) + ": "
                        + firstLine(String.valueOf(e.getMessage())), e);
            }
            return;
        }
        try {
            SchemaUtils.createIfNotExists(system).toCompletableFuture().get(SCHEMA_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException("interrupted while creating the journal tables", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new JournalException("cannot create the journal tables at " + urlOf(system.settings().config())
                    + ": " + rootMessage(e), e);
        }
    }

    /**
     * Opens and closes one plain JDBC connection with the journal's settings, so that a missing,
     * corrupted or locked database is reported in one line before any actor touches it.
     *
     * @throws JournalException describing what is wrong
     */
    public static void checkConnection(Config config) {
        try (Connection ignored = open(config)) {
            // opened: the database is readable
        } catch (SQLException e) {
            throw new JournalException(describe(urlOf(config), e), e);
        }
    }

    /**
     * One plain JDBC connection with the journal's settings (close it), as {@link #checkConnection}
     * checks. An embedded file stays open, and served to other processes, while a connection of
     * this process is: hold one while the connection pool starts, so that the file is not closed
     * and opened again under processes starting beside this one. While another process is opening
     * the same embedded file at the same moment, opening is retried for a few seconds.
     *
     * @throws JournalException describing what is wrong
     */
    public static Connection open(Config config) {
        Connection db;
        try {
            db = JournalRetry.connect(config);
        } catch (SQLException e) {
            throw new JournalException(describe(urlOf(config), e), e);
        }
        String path = embeddedPath(urlOf(config));
        if (path != null && urlOf(config).contains(";AUTO_SERVER=TRUE")) {
            // a journal of an older build was created as the umask said
            EmbeddedJournal.restrictToOwner(Path.of(path).getParent());
            try {
                db = HaltedJournalCompaction.compactIfWasteful(db, config);
            } catch (SQLException e) {
                throw new JournalException(describe(urlOf(config), e), e);
            }
        }
        return db;
    }

    /**
     * Whether the journal's event table exists (in the connection's current schema). Reading a
     * PostgreSQL database that no run has written to yet finds none.
     *
     * @throws JournalException if the database cannot be asked
     */
    static boolean hasTables(Config config) {
        String table = config.getString("jdbc-journal.tables.event_journal.tableName");
        if (!isPostgres(config)) {
            try {
                return JournalRetry.withConnection(config, db -> {
                    try (ResultSet tables = db.getMetaData().getTables(null, null, table, null)) {
                        return tables.next();
                    }
                });
            } catch (SQLException e) {
                throw new JournalException(describe(urlOf(config), e), e);
            }
        }
        try (Connection db = connect(config);
             PreparedStatement query = db.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, table);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new JournalException(describe(urlOf(config), e), e);
        }
    }

    /** A plain JDBC connection with the journal's URL, user and password (close it). */
    static Connection connect(Config config) throws SQLException {
        String db = "pekko-persistence-jdbc.shared-databases.dyson.db";
        return DriverManager.getConnection(urlOf(config), config.getString(db + ".user"), config.getString(db + ".password"));
    }

    static boolean isPostgres(Config config) {
        return urlOf(config).startsWith("jdbc:postgresql:");
    }

    /** The file of an embedded H2 URL (in any of the ways this module opens it) without H2's suffix; null for a server. */
    static String embeddedPath(String url) {
        for (String scheme : List.of("file:", OwnerOnlyFilePath.SCHEME + ":", ReadOnlyFilePath.SCHEME + ":")) {
            if (url.startsWith("jdbc:h2:" + scheme)) {
                String rest = url.substring("jdbc:h2:".length() + scheme.length());
                int options = rest.indexOf(';');
                return options < 0 ? rest : rest.substring(0, options);
            }
        }
        return null;
    }

    /** A failure to open the database at {@code url}, as one line. */
    static JournalException failure(String url, SQLException e) {
        return new JournalException(describe(url, e), e);
    }

    static String urlOf(Config config) {
        return config.getString("pekko-persistence-jdbc.shared-databases.dyson.db.url");
    }

    private static String describe(String url, SQLException e) {
        String where = embeddedPath(url) != null ? embeddedPath(url) + ".mv.db" : url;
        if (embeddedPath(url) != null && diskFull(Path.of(embeddedPath(url)).getParent())) {
            return "the disk holding the journal " + where + " is full; nothing was written to the journal."
                    + " Free some space and start again (`dyson resume RUN-ID` continues a run that had begun)";
        }
        return switch (e.getErrorCode()) {
            case H2_FILE_CORRUPTED, H2_WRONG_FORMAT, H2_FILE_VERSION ->
                    "the journal " + where + " is corrupted or not an H2 database; it was left untouched";
            case H2_DATABASE_ALREADY_OPEN ->
                    "the journal " + where + " is locked by another process";
            case H2_DATABASE_NOT_FOUND -> "no journal at " + where;
            case H2_WRONG_USER_OR_PASSWORD -> "the journal " + where + " refused the user name or password";
            default -> "cannot open the journal " + where + ": " + firstLine(e.getMessage());
        };
    }

    /** Whether the file system holding {@code dir} has less room than H2 needs to open a database. */
    static boolean diskFull(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace() < FULL_DISK_BYTES;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return firstLine(String.valueOf(root.getMessage()));
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
