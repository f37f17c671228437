package org.dysonsim.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;

/**
 * Who may open the embedded H2 journal of a data directory, and how a reader opens it without
 * changing it. A writer serves the file to the other processes of the machine (H2's automatic
 * server): that server listens on the loopback interface only (system property
 * {@code h2.bindAddress}), and the database's only user, {@value #USER}, has a generated password
 * kept in {@code journal/password}; the journal directory is the owner's alone (0700) and its files
 * are the owner's (0600), the key H2 writes into {@code dyson.lock.db} included. A journal of an
 * older build (user "" without password) gets the password the first time a writer opens it.
 */
final class EmbeddedJournal {

    static final String USER = "dyson";
    static final String PASSWORD_FILE = "password";
    /** A password being given to an older journal: kept until the journal has it, so it is never lost. */
    private static final String PENDING_FILE = "password.pending";
    private static final String OLD_USER = "";
    private static final int PASSWORD_BYTES = 24;
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        bindToLoopback();
    }

    private EmbeddedJournal() {}

    record Credentials(String user, String password) {}

    /**
     * H2 reads {@code h2.bindAddress} once, when its settings class loads: call this before any H2
     * connection is made (the journal's classes do). A value set on the command line wins.
     */
    static void bindToLoopback() {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /**
     * The credentials a writer opens the journal with: the journal directory is created for the
     * owner alone, the password generated on first use, and an older journal's empty password
     * replaced.
     *
     * @throws JournalException if the directory or password file cannot be created or read
     */
    static Credentials forWriting(DataDirectory dir) {
        Path journal = dir.databaseFile().getParent();
        try {
            if (!Files.isDirectory(journal)) {
                createOwnerDirectory(journal);
            }
            Path file = journal.resolve(PASSWORD_FILE);
            if (!Files.exists(file) && Files.exists(dir.databaseFile())) {
                Path pending = journal.resolve(PENDING_FILE);
                setPassword(dir, createOnce(pending));
                publish(pending, file);
            }
            return new Credentials(USER, Files.exists(file) ? read(file) : createOnce(file));
        } catch (IOException e) {
            throw new JournalException("cannot set up the journal's credentials in " + journal + ": " + e, e);
        }
    }

    /**
     * The credentials a reader opens the journal with: those in the password file, or the empty
     * ones of a journal no writer of this build has opened yet.
     *
     * @throws JournalException if the password file exists but cannot be read (another user's journal)
     */
    static Credentials forReading(DataDirectory dir) {
        Path file = dir.databaseFile().resolveSibling(PASSWORD_FILE);
        try {
            return Files.exists(file) ? new Credentials(USER, read(file)) : new Credentials(OLD_USER, "");
        } catch (AccessDeniedException e) {
            throw new JournalException("cannot read " + file + ": permission denied (the journal is its owner's only)", e);
        } catch (IOException e) {
            throw new JournalException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Makes the journal directory and the files in it the owner's only; files of other owners are left alone. */
    static void restrictToOwner(Path journal) {
        setPermissions(journal, OWNER_DIRECTORY);
        try (var files = Files.list(journal)) {
            files.filter(Files::isRegularFile).forEach(file -> setPermissions(file, OWNER_FILE));
        } catch (IOException e) {
            // the directory is already the owner's only, which keeps its files from others
        }
    }

    /** Gives an older journal its password (idempotent: a journal that has it already is left as it is). */
    private static void setPassword(DataDirectory dir, String password) {
        String url = JournalConfig.h2Url(dir, false);
        try (Connection ignored = DriverManager.getConnection(url, USER, password)) {
            return; // an earlier attempt got this far
        } catch (SQLException e) {
            if (!wrongPassword(e)) {
                throw Journal.failure(url, e);
            }
        }
        try (Connection db = DriverManager.getConnection(url, OLD_USER, "");
             Statement statement = db.createStatement()) {
            statement.execute("CREATE USER IF NOT EXISTS \"" + USER.toUpperCase() + "\" PASSWORD '" + password + "' ADMIN");
            statement.execute("ALTER USER \"" + OLD_USER + "\" SET PASSWORD '" + generate() + "'");
        } catch (SQLException e) {
            throw new JournalException("cannot give the journal " + dir.databaseFile() + " a password: " + firstLine(e), e);
        }
    }

    static boolean wrongPassword(SQLException e) {
        return e.getErrorCode() == 28000;
    }

    /**
     * The content of {@code file}, created with a new password if it does not exist. Processes
     * creating it at the same moment agree on one: the file appears complete or not at all.
     */
    private static String createOnce(Path file) throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        Path draft = ownerFile(file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp"));
        try {
            Files.writeString(draft, generate() + "\n", StandardCharsets.US_ASCII);
            publish(draft, file);
        } finally {
            Files.deleteIfExists(draft);
        }
        return read(file);
    }

    /** {@code from} becomes {@code to} unless {@code to} exists (another process published first). */
    private static void publish(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (FileAlreadyExistsException e) {
            // the other process's file is complete: it was linked, never written in place
        } catch (UnsupportedOperationException e) {
            if (!Files.exists(to)) Files.move(from, to);
        }
        Files.deleteIfExists(from);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }

    private static String generate() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Path ownerFile(Path file) throws IOException {
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        } catch (UnsupportedOperationException e) {
            return Files.createFile(file);
        }
    }

    private static void createOwnerDirectory(Path dir) throws IOException {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
        } catch (FileAlreadyExistsException e) {
            // created by a process starting beside this one
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
        setPermissions(dir, OWNER_DIRECTORY); // the umask may have taken some away
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> permissions) {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not ours (then not ours to change) or not a POSIX file system
        }
    }

    /** The address H2's lock file announces for the process serving the journal, or null. */
    static String servedUrl(DataDirectory dir) {
        Properties lock = lockFile(dir);
        String server = lock.getProperty("server");
        String key = lock.getProperty("id");
        return server == null || key == null ? null
                : "jdbc:h2:tcp://" + server + "/" + key + ";DATABASE_TO_UPPER=false";
    }

    /**
     * Whether the lock file names a server that refuses connections: the process that wrote it
     * is gone (killed; one that closes the journal deletes the file), unless it is closing it this
     * moment. A plain connection answers at once, where H2's own keeps trying for some seconds.
     */
    static boolean serverRefuses(DataDirectory dir) {
        String server = lockFile(dir).getProperty("server");
        int colon = server == null ? -1 : server.lastIndexOf(':');
        if (colon < 0) return false;
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(server.substring(0, colon),
                    Integer.parseInt(server.substring(colon + 1))), SERVER_PROBE_MILLIS);
            return false;
        } catch (java.net.ConnectException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // no answer in time, or an address that does not parse: not known to be gone
        }
    }

    private static final int SERVER_PROBE_MILLIS = 1000;

    /** H2's lock file of the journal ({@code dyson.lock.db}), empty if there is none or it cannot be read. */
    private static Properties lockFile(DataDirectory dir) {
        Path lock = dir.databaseFile().resolveSibling(DataDirectory.DATABASE_NAME + ".lock.db");
        Properties properties = new Properties();
        try (var in = Files.newInputStream(lock)) {
            properties.load(in);
        } catch (IOException e) {
            return new Properties();
        }
        return properties;
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
