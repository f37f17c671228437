package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dysonsim.persistence.JournalSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL mid-way and resumed ends bit-identical to the same run left alone:
 * the exported trajectories are the same bytes, and no recorded step is lost or duplicated.
 */
class ResumeIT {
    private static final int N = 256, MEMBERS = 2, STEPS = 60_000, EVERY = 500;
    /** Snapshots of member 0 in the journal before the kill: well into the run, far from its end. */
    private static final long KILL_AFTER = 4;

    @TempDir
    Path dir;

    private ProcessBuilder dyson(String name, String... args) {
        return DysonProcess.builder(dir, name, List.of(args));
    }

    private void finish(String name, String... args) throws IOException, InterruptedException {
        DysonProcess.finish(dir, name, dyson(name, args));
    }

    private static long snapshotsOfMember0(Path data, String runId) {
        try (JournalSession session = JournalSession.openForReading(data, ConfigFactory.empty());
             Stream<?> events = session.reader().events(runId, 0)) {
            return events.count() - 1; // less RunStarted
        } catch (RuntimeException e) {
            return 0; // the journal or the run is not there yet
        }
    }

    @Test
    void killedRunResumesBitIdentically() throws Exception {
        Path scenario = dir.resolve("long.conf");
        Files.writeString(scenario, String.join("\n",
                "name = long", "model = coulomb", "n = " + N, "steps = " + STEPS, "dt = 1e-5",
                "record-every = " + EVERY, "seed = 7", "ensemble.members = " + MEMBERS, "noise.g2 = 0.5",
                "drift { kind = harmonic, centre = 256.0, stiffness = 1.0 }",
                "init { kind = marchenko-pastur, rows = 512, sigma2 = 0.5 }",
                // error control's companion would double this test's cost; its resume is in ErrorControlTest
                "error-control.members = 0", ""));

        finish("reference", "run", scenario.toString(), "--data-dir", "reference", "--quiet");

        Path killed = dir.resolve("killed");
        Process victim = dyson("victim", "run", scenario.toString(), "--data-dir", "killed", "--quiet").start();
        String runId = null;
        long seen = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (victim.isAlive() && System.nanoTime() < deadline) {
            if (runId == null && Files.isDirectory(killed)) {
                runId = DysonProcess.runIds(killed).stream().findFirst().orElse(null);
            }
            if (runId != null && (seen = snapshotsOfMember0(killed, runId)) >= KILL_AFTER) break;
            Thread.sleep(200);
        }
        assertTrue(victim.isAlive(), "the run ended before it could be killed (" + seen + " snapshots seen)");
        victim.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertTrue(victim.waitFor(1, TimeUnit.MINUTES));
        long atKill = snapshotsOfMember0(killed, runId);
        assertTrue(atKill < STEPS / EVERY + 1, "killed mid-run: " + atKill + " snapshots recorded");

        finish("list", "list", "--data-dir", "killed");
        assertTrue(Files.readString(dir.resolve("list.out")).contains("interrupted"), Files.readString(dir.resolve("list.out")));

        finish("resume", "resume", runId, "--data-dir", "killed", "--quiet");
        finish("export-killed", "export", runId, "--data-dir", "killed", "--format", "csv", "--out", "killed.csv");
        String referenceId = DysonProcess.onlyRun(dir.resolve("reference"));
        finish("export-reference", "export", referenceId, "--data-dir", "reference", "--format", "csv", "--out",
                "reference.csv");

        List<String> resumed = Files.readAllLines(dir.resolve("killed.csv"));
        List<String> reference = Files.readAllLines(dir.resolve("reference.csv"));
        assertEquals(1 + MEMBERS * (STEPS / EVERY + 1) * N, reference.size(), "rows of the uninterrupted run");
        assertArrayEquals(reference.toArray(), resumed.toArray(), "the resumed trajectory, byte for byte");
        Set<String> keys = new HashSet<>();
        for (String row : resumed.subList(1, resumed.size())) {
            String[] f = row.split(",");
            assertTrue(keys.add(f[0] + "," + f[1] + "," + f[3]), "duplicated (member, step, index): " + row);
        }
        assertTrue(Files.readString(dir.resolve("killed").resolve(runId).resolve("report.json")).contains("\"completed\""));
    }
}
