package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dysonsim.persistence.JournalException;
import org.dysonsim.persistence.JournalSession;
import org.dysonsim.persistence.PostgresJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a PostgreSQL journal ({@code --journal postgres --jdbc-url}, the password from
 * the environment): a run killed with SIGKILL mid-way, listed as interrupted and resumed, exports
 * byte for byte the trajectory of the same run left alone on the embedded H2 journal.
 */
class PostgresResumeIT {
    @RegisterExtension
    static final PostgresJournal POSTGRES = new PostgresJournal();

    private static final int N = 256, MEMBERS = 2, STEPS = 30_000, EVERY = 500;
    /** Snapshots of member 0 in the journal before the kill: well into the run, far from its end. */
    private static final long KILL_AFTER = 4;

    @TempDir
    Path dir;

    private List<String> postgres() {
        return List.of("--journal", "postgres", "--jdbc-url", POSTGRES.url(), "--jdbc-user", POSTGRES.server().user());
    }

    private ProcessBuilder dyson(String name, List<String> args) {
        ProcessBuilder pb = DysonProcess.builder(dir, name, args);
        pb.environment().remove("DYSON_JOURNAL_URL");
        pb.environment().put("DYSON_JOURNAL_PASSWORD", POSTGRES.server().password());
        return pb;
    }

    private void finish(String name, List<String> args) throws IOException, InterruptedException {
        DysonProcess.finish(dir, name, dyson(name, args));
    }

    private static List<String> with(List<String> first, List<String> more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(more);
        return all;
    }

    private static long snapshotsOfMember0(JournalSession session, String runId) {
        try (Stream<?> events = session.reader().events(runId, 0)) {
            return events.count() - 1; // less RunStarted
        } catch (RuntimeException e) {
            return 0; // the run is not in the journal yet
        }
    }

    /** A reading session on {@code data}'s journal once the run has created its tables (its directory comes first). */
    private static JournalSession openOnceTablesExist(Path data, Process victim, long deadline) throws InterruptedException {
        while (victim.isAlive() && System.nanoTime() < deadline) {
            JournalSession session = JournalSession.openForReading(data, POSTGRES.overrides());
            try {
                session.reader();
                return session;
            } catch (JournalException e) {
                session.close(); // nothing recorded yet
            }
            Thread.sleep(100);
        }
        return JournalSession.openForReading(data, POSTGRES.overrides());
    }

    @Test
    void killedRunOnPostgresResumesBitIdenticallyToAnUninterruptedRun() throws Exception {
        Path scenario = dir.resolve("long.conf");
        Files.writeString(scenario, String.join("\n",
                "name = long", "model = coulomb", "n = " + N, "steps = " + STEPS, "dt = 1e-5",
                "record-every = " + EVERY, "seed = 11", "ensemble.members = " + MEMBERS, "noise.g2 = 0.5",
                // Large enough that snapshots reach the journal one by one while the run goes on
                // (a small system is done before its first snapshots are written).
                "drift { kind = harmonic, centre = 256.0, stiffness = 1.0 }",
                "init { kind = marchenko-pastur, rows = 512, sigma2 = 0.5 }", ""));

        finish("reference", List.of("run", scenario.toString(), "--data-dir", "reference", "--quiet"));

        Path killed = dir.resolve("killed");
        Process victim = dyson("victim", with(List.of("run", scenario.toString(), "--data-dir", "killed", "--quiet"),
                postgres())).start();
        String runId = null;
        long seen = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (victim.isAlive() && runId == null && System.nanoTime() < deadline) {
            if (Files.isDirectory(killed)) {
                runId = DysonProcess.runIds(killed).stream().findFirst().orElse(null);
            }
            Thread.sleep(100);
        }
        try (JournalSession session = openOnceTablesExist(killed, victim, deadline)) {
            while (victim.isAlive() && runId != null && System.nanoTime() < deadline
                    && (seen = snapshotsOfMember0(session, runId)) < KILL_AFTER) {
                Thread.sleep(100);
            }
            assertTrue(victim.isAlive(), "the run ended before it could be killed (" + seen + " snapshots seen): "
                    + Files.readString(dir.resolve("victim.err")));
            victim.destroyForcibly(); // SIGKILL: no shutdown hook, the database session just drops
            assertTrue(victim.waitFor(1, TimeUnit.MINUTES));
            long atKill = snapshotsOfMember0(session, runId);
            assertTrue(atKill < STEPS / EVERY + 1, "killed mid-run: " + atKill + " snapshots recorded");
        }

        finish("list", with(List.of("list", "--data-dir", "killed"), postgres()));
        String list = Files.readString(dir.resolve("list.out"));
        String interrupted = runId;
        assertTrue(list.lines().anyMatch(line -> line.startsWith(interrupted) && line.contains("interrupted")), list);

        finish("resume", with(List.of("resume", runId, "--data-dir", "killed", "--quiet"), postgres()));
        finish("export-killed", with(List.of("export", runId, "--data-dir", "killed", "--format", "csv", "--out",
                "killed.csv"), postgres()));
        String referenceId = DysonProcess.onlyRun(dir.resolve("reference"));
        finish("export-reference", List.of("export", referenceId, "--data-dir", "reference", "--format", "csv", "--out",
                "reference.csv"));

        List<String> resumed = Files.readAllLines(dir.resolve("killed.csv"));
        List<String> reference = Files.readAllLines(dir.resolve("reference.csv"));
        assertEquals(1 + MEMBERS * (STEPS / EVERY + 1) * N, reference.size(), "rows of the uninterrupted run");
        assertArrayEquals(reference.toArray(), resumed.toArray(), "the resumed trajectory, byte for byte");
        assertTrue(Files.readString(killed.resolve(runId).resolve("report.json")).contains("\"completed\""));
    }
}
