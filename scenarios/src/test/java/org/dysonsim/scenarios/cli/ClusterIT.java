package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dysonsim.persistence.JournalSession;
import org.dysonsim.persistence.PostgresJournal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code dyson node} processes on 127.0.0.1 sharing a PostgreSQL journal; a study submitted
 * with {@code dyson run --cluster} while one node is killed with SIGKILL. The report equals the
 * report of the same study run locally, every recorded step is in the journal once, and a node
 * stopped with SIGTERM leaves the cluster and says so.
 */
class ClusterIT {
    private static final int MEMBERS = 12, STEPS = 30000, EVERY = 750;
    /** Snapshots of member 0 in the journal before the kill: every member is under way, none near its end. */
    private static final long KILL_AFTER = 3;
    private static final long MINUTES = 5;

    @RegisterExtension
    static final PostgresJournal POSTGRES = new PostgresJournal();

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) p.destroyForcibly();
        for (Process p : processes) p.waitFor(1, TimeUnit.MINUTES);
    }

    private Process dyson(String name, String... args) throws IOException {
        ProcessBuilder pb = DysonProcess.builder(dir, name, List.of(args));
        pb.environment().put("DYSON_JAVA_OPTS", "-Xmx256m");
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private String[] journal() throws IOException {
        Path password = dir.resolve("pg-password");
        Files.writeString(password, POSTGRES.server().password() + "\n");
        return new String[] {"--journal", "postgres", "--jdbc-url", POSTGRES.url(), "--jdbc-user", POSTGRES.server().user(),
                "--jdbc-password-file", password.toString()};
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(b, 0, all, 0, b.length);
        System.arraycopy(a, 0, all, b.length, a.length);
        return all;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts a node and waits for the line saying it is up (a node process has no other signal). */
    private Process node(String name, int port, String seeds) throws Exception {
        List<String> args = new ArrayList<>(List.of("node", "--port", Integer.toString(port), "--data-dir", "node-" + name));
        if (seeds != null) args.addAll(List.of("--seed-nodes", seeds));
        Process p = dyson(name, concat(journal(), args.toArray(new String[0])));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.readString(dir.resolve(name + ".out")).contains("dyson node up at 127.0.0.1:" + port)) {
            assertTrue(p.isAlive() && System.nanoTime() < deadline, name + " is not up: " + Files.readString(dir.resolve(name + ".err")));
            Thread.sleep(200);
        }
        return p;
    }

    /** The one run under {@code data}, or null while there is none. */
    private static String onlyRun(Path data) throws IOException {
        List<String> runs = DysonProcess.runIds(data);
        assertTrue(runs.size() <= 1, runs.toString());
        return runs.isEmpty() ? null : runs.get(0);
    }

    /** The steps member {@code member} recorded in the shared journal, read as `dyson` reads it for the data directory {@code data}. */
    private static List<Long> stepsOf(Path data, String runId, int member) {
        try (JournalSession session = JournalSession.openForReading(data, POSTGRES.overrides());
             Stream<org.dysonsim.protocol.TrajectoryEvent> events = session.reader().events(runId, member)) {
            return events.filter(e -> e instanceof org.dysonsim.protocol.TrajectoryEvent.SnapshotRecorded)
                    .map(e -> ((org.dysonsim.protocol.TrajectoryEvent.SnapshotRecorded) e).step()).toList();
        } catch (RuntimeException e) {
            return List.of(); // nothing recorded yet
        }
    }

    /**
     * The events of member {@code member} in the shared journal, counted with one query: cheap
     * enough to poll every 100 ms, so that a node dies while every member is still under way.
     */
    private static long eventsOf(String runId, int member) {
        try (Connection db = DriverManager.getConnection(POSTGRES.url(), POSTGRES.server().user(), POSTGRES.server().password());
             PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM event_journal WHERE persistence_id = ?")) {
            count.setString(1, "run|" + runId + "|" + member);
            try (ResultSet rows = count.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            return 0; // the tables are not there yet
        }
    }

    /** report.json without the lines that name the run. */
    private static List<String> report(Path runDir) throws IOException {
        return Files.readAllLines(runDir.resolve("report.json")).stream()
                .filter(line -> !line.contains("\"run_id\"") && !line.contains("\"study\"")).toList();
    }

    @Test
    void aStudySurvivesANodeKilledWithSigkillAndReportsAsOneMachineWould() throws Exception {
        Path scenario = dir.resolve("study.conf");
        Files.writeString(scenario, String.join("\n",
                "name = study", "model = coulomb", "n = 64", "steps = " + STEPS, "dt = 0.002",
                "record-every = " + EVERY, "seed = 11", "error-control.members = 2", "ensemble.members = " + MEMBERS, "noise.g2 = 0.5",
                "blocks.size = 32", "drift { kind = harmonic, centre = 64.0, stiffness = 1.0 }",
                "init { kind = marchenko-pastur, rows = 128, sigma2 = 0.5 }", ""));

        int first = freePort();
        node("node-1", first, null);
        String seed = "127.0.0.1:" + first;
        Process second = node("node-2", freePort(), seed);
        Process third = node("node-3", freePort(), seed);

        Process study = dyson("study", concat(journal(), "run", scenario.toString(), "--cluster", seed, "--data-dir", "study"));
        String runId = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(MINUTES);
        while (study.isAlive() && System.nanoTime() < deadline) {
            if (runId == null && Files.isDirectory(dir.resolve("study"))) runId = onlyRun(dir.resolve("study"));
            if (runId != null && eventsOf(runId, 0) >= 1 + KILL_AFTER) break; // RunStarted and the snapshots
            Thread.sleep(100);
        }
        assertTrue(study.isAlive(), "the study ended before a node could be killed");
        third.destroyForcibly(); // SIGKILL: no leaving, no handing over
        assertTrue(study.waitFor(MINUTES, TimeUnit.MINUTES), "the study did not finish");
        String err = Files.readString(dir.resolve("study.err"));
        assertEquals(0, study.exitValue(), err);
        assertTrue(err.contains("continued on another node after theirs left"), "no member moved: " + err);

        // one machine: in this JVM (a process of its own would only add its start-up)
        InProcessDyson.Result local = InProcessDyson.run("run", scenario.toString(), "--data-dir",
                dir.resolve("local").toString(), "--quiet");
        assertEquals(Main.OK, local.exit(), local.err());
        assertEquals(report(dir.resolve("local").resolve(onlyRun(dir.resolve("local")))),
                report(dir.resolve("study").resolve(runId)), "report.json of the cluster and of one machine");
        long[] expected = new long[STEPS / EVERY + 1];
        for (int k = 0; k < expected.length; k++) expected[k] = (long) k * EVERY;
        for (int m = 0; m < MEMBERS; m++) {
            assertArrayEquals(expected, stepsOf(dir.resolve("study"), runId, m).stream().mapToLong(Long::longValue).toArray(),
                    "every recorded step of member " + m + " once in the shared journal");
        }

        second.destroy(); // SIGTERM
        assertTrue(second.waitFor(2, TimeUnit.MINUTES), "node-2 did not stop on SIGTERM");
        assertTrue(Files.readString(dir.resolve("node-2.out")).contains("has left the cluster and stops"),
                Files.readString(dir.resolve("node-2.out")));
    }
}
