package org.dysonsim.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who can reach the embedded journal while a process serves it: its files are the owner's only,
 * H2's server listens on the loopback interface, and a connection needs the generated password:
 * the empty one, a wrong one and another OS user holding the server's key are all refused.
 */
class JournalAccessTest {

    private static final String RUN = "guarded-run";
    private static final String OTHER_USER = "dysonsim-other";

    @Test
    void theServedJournalIsTheOwnersOnlyAndListensOnLoopback(@TempDir Path root) throws Exception {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = root.resolve("data");
        try (JournalFixture journal = JournalFixture.open(data, "")) {
            journal.recordRun(RUN, 0, 4, 20, 10, true);
            Path dir = journal.dir.databaseFile().getParent();
            assertEquals("rwx------", permissions(dir));
            for (String file : List.of("password", "dyson.mv.db", "dyson.lock.db")) {
                assertEquals("rw-------", permissions(dir.resolve(file)), file);
            }
            Properties lock = lockFile(dir);
            String[] server = lock.getProperty("server").split(":");
            assertTrue(server[0].equals("localhost") || server[0].equals("127.0.0.1"), lock.toString());
            int port = Integer.parseInt(server[1]);
            for (InetAddress address : externalAddresses()) {
                assertFalse(reachable(address, port), "the journal's server answers on " + address);
            }
            assertTrue(reachable(InetAddress.getLoopbackAddress(), port));

            String served = "jdbc:h2:tcp://" + lock.getProperty("server") + "/" + lock.getProperty("id")
                    + ";DATABASE_TO_UPPER=false";
            String file = JournalConfig.h2Url(journal.dir, false);
            String password = Files.readString(dir.resolve("password")).strip();
            for (String url : List.of(served, file)) {
                assertRefused(url, "", "");
                assertRefused(url, "dyson", "");
                assertRefused(url, "dyson", password + "x");
                try (Connection db = DriverManager.getConnection(url, "dyson", password)) {
                    assertTrue(db.isValid(5), "the owner's password opens it: " + url);
                }
            }
        }
    }

    @Test
    void anotherUserWithTheServersKeyIsRefused(@TempDir Path root) throws Exception {
        Assumptions.assumeTrue(isRoot() && Files.isExecutable(Path.of("/usr/sbin/useradd")),
                "skipped: creating a second OS user needs root and useradd (CI runs as root)");
        createOtherUser();
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path tools = root.resolve("tools");
        Files.createDirectories(tools);
        Path h2 = tools.resolve("h2.jar");
        Files.copy(Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()), h2);
        Files.setPosixFilePermissions(h2, PosixFilePermissions.fromString("rw-r--r--"));
        Path data = root.resolve("data");
        try (JournalFixture journal = JournalFixture.open(data, "")) {
            journal.recordRun(RUN, 0, 4, 20, 10, true);
            Path dir = journal.dir.databaseFile().getParent();
            Result read = asOtherUser("cat", dir.resolve("dyson.lock.db").toString());
            assertNotEquals(0, read.exit(), "the other user reads the server's key: " + read.output());
            Result list = asOtherUser("ls", dir.toString());
            assertNotEquals(0, list.exit(), "the other user lists the journal directory: " + list.output());

            // Even with the key (leaked, say), the server wants the owner's password.
            Properties lock = lockFile(dir);
            String served = "jdbc:h2:tcp://" + lock.getProperty("server") + "/" + lock.getProperty("id")
                    + ";DATABASE_TO_UPPER=false";
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            for (String[] credentials : List.of(new String[] {"", ""}, new String[] {"dyson", ""},
                    new String[] {"dyson", "guess"})) {
                Result intrusion = asOtherUser(java, "-cp", h2.toString(), "org.h2.tools.Shell", "-url", served,
                        "-user", credentials[0], "-password", credentials[1], "-sql", "CREATE TABLE INTRUDER(X INT)");
                assertTrue(intrusion.output().contains("28000") || intrusion.output().contains("Wrong user name or password"),
                        "refused with the credentials " + List.of(credentials) + ": " + intrusion.output());
            }
            String password = Files.readString(dir.resolve("password")).strip();
            Result owner = asOtherUser(java, "-cp", h2.toString(), "org.h2.tools.Shell", "-url", served,
                    "-user", "dyson", "-password", password, "-sql", "CREATE TABLE WITH_PASSWORD(X INT)");
            assertEquals(0, owner.exit(), "the same command with the password is accepted: " + owner.output());
            Config config = journal.testKit.system().settings().config();
            try (Connection db = Journal.connect(config)) {
                assertFalse(tableExists(db, "INTRUDER"), "no table was created without the password");
                assertTrue(tableExists(db, "WITH_PASSWORD"), "the control command did reach the journal");
            }
        }
    }

    @Test
    void aJournalOfAnOlderBuildGetsAPasswordWhenFirstWritten(@TempDir Path root) throws Exception {
        Path data = root.resolve("data");
        DataDirectory dir = DataDirectory.createOrOpen(data);
        Files.createDirectories(dir.databaseFile().getParent());
        try (Connection db = DriverManager.getConnection(JournalConfig.h2Url(dir, true), "", "")) {
            db.createStatement().execute("CREATE TABLE OLD(X INT)");
        }
        try (Connection db = Journal.open(JournalConfig.forWriting(dir, ConfigFactory.empty()))) {
            assertTrue(tableExists(db, "OLD"));
        }
        Path journal = dir.databaseFile().getParent();
        assertEquals("rw-------", permissions(journal.resolve("password")));
        assertFalse(Files.exists(journal.resolve("password.pending")));
        assertRefused(JournalConfig.h2Url(dir, false), "", "");
        try (Connection db = Journal.open(JournalConfig.forReading(dir, ConfigFactory.empty()))) {
            assertTrue(tableExists(db, "OLD"), "readers find the password too");
        }
    }

    private static void assertRefused(String url, String user, String password) {
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, user, password).close(),
                "user \"" + user + "\" with password \"" + password + "\" at " + url);
        assertEquals(28000, refused.getErrorCode(), refused.getMessage());
    }

    private static boolean tableExists(Connection db, String table) throws SQLException {
        try (ResultSet tables = db.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }

    static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Properties lockFile(Path journal) throws IOException {
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(journal.resolve("dyson.lock.db"))) {
            lock.load(in);
        }
        return lock;
    }

    private static List<InetAddress> externalAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) continue;
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address) addresses.add(address);
            }
        }
        return addresses;
    }

    private static boolean reachable(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void createOtherUser() throws Exception {
        if (run(List.of("id", "-u", OTHER_USER)).exit() != 0) {
            Result created = run(List.of("/usr/sbin/useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", OTHER_USER));
            assertTrue(created.exit() == 0 || created.exit() == 9, "useradd: " + created.output());
        }
    }

    private record Result(int exit, String output) {}

    private static Result asOtherUser(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("runuser", "-u", OTHER_USER, "--"));
        line.addAll(List.of(command));
        return run(line);
    }

    private static Result run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "finished: " + command);
        return new Result(process.exitValue(), output);
    }
}
