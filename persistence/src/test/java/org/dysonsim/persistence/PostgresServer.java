package org.dysonsim.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The PostgreSQL server the tests use, one per test JVM: the one CI starts ({@code .ci/run} sets
 * {@link #URL_VARIABLE}, {@link #USER_VARIABLE}, {@link #PASSWORD_VARIABLE}), or on a developer
 * machine without them a private throw-away server started from Debian's binaries
 * ({@code /usr/lib/postgresql/VERSION/bin}) on a free port, stopped when the JVM exits.
 */
public record PostgresServer(String url, String user, String password) {

    public static final String URL_VARIABLE = "DYSON_TEST_PG_URL";
    public static final String USER_VARIABLE = "DYSON_TEST_PG_USER";
    public static final String PASSWORD_VARIABLE = "DYSON_TEST_PG_PASSWORD";

    private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");
    private static final long START_TIMEOUT_SECONDS = 60;
    private static Optional<PostgresServer> shared;

    /**
     * The server of this JVM, or empty if there is none and none can be started here. Never
     * empty when {@code CI=true}: CI must have one, so its absence is an error there.
     *
     * @throws IllegalStateException if CI set no server, or a private one does not start
     */
    public static synchronized Optional<PostgresServer> get() {
        if (shared == null) {
            shared = locate();
        }
        return shared;
    }

    /** A new JDBC connection to the server's database (close it). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static Optional<PostgresServer> locate() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return Optional.of(new PostgresServer(url, envOrEmpty(USER_VARIABLE), envOrEmpty(PASSWORD_VARIABLE)));
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but " + URL_VARIABLE + " is not set: .ci/run must install and start "
                    + "PostgreSQL and export its JDBC URL; the PostgreSQL tests may not be skipped in CI");
        }
        return binaries().map(PostgresServer::startPrivate);
    }

    private static String envOrEmpty(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }

    /** The newest Debian PostgreSQL installation's bin directory, if any. */
    private static Optional<Path> binaries() {
        if (!Files.isDirectory(DEBIAN_BINARIES)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(bin -> versionOf(bin.getParent())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // initdb refuses to run as root: as root the cluster belongs to the packaged "postgres" user.
    private static PostgresServer startPrivate(Path bin) {
        try {
            Path home = Files.createTempDirectory("dyson-pg-");
            Path data = home.resolve("data");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "postgres", home.toString()));
                run(List.of("chmod", "700", home.toString()));
            }
            int port = freePort();
            run(asServerUser(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "-A", "trust", "--no-sync", "-E", "UTF8")));
            run(asServerUser(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w",
                    "-t", Long.toString(START_TIMEOUT_SECONDS), "-l", home.resolve("server.log").toString(),
                    "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                    "start")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopPrivate(bin, home, data, root)));
            return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a private PostgreSQL server from " + bin, e);
        }
    }

    private static void stopPrivate(Path bin, Path home, Path data, boolean root) {
        try {
            run(asServerUser(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop")));
            try (Stream<Path> files = Files.walk(home)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the JVM is exiting; a left-over temporary directory is harmless
        }
    }

    private static List<String> asServerUser(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("`" + String.join(" ", command) + "` failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
