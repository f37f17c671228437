package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.Journal;
import org.dysonsim.persistence.JournalConfig;
import org.dysonsim.physics.rng.CounterRng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL mid-way and resumed ends bit-identical to the same run left alone:
 * the exported trajectories are the same bytes, and no recorded step is lost or duplicated. A
 * matrix-level run does the same, with the checkpoints it saved in the journal beside it, and so
 * does a network run (one actor per weight matrix), from the layers' checkpoints.
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

        String runId = killResumeAndCompare(scenario, "", KILL_AFTER, STEPS / EVERY + 1, (data, id) -> { });
        List<String> resumed = Files.readAllLines(dir.resolve("killed.csv"));
        assertEquals(1 + MEMBERS * (STEPS / EVERY + 1) * N, resumed.size(), "rows of the uninterrupted run");
        assertUniqueRows(resumed);
        assertTrue(Files.readString(dir.resolve("killed").resolve(runId).resolve("report.json")).contains("\"completed\""));
    }

    @Test
    void killedMatrixRunResumesBitIdenticallyFromItsCheckpoints() throws Exception {
        int steps = 4000, every = 200, n = 32;
        Path scenario = dir.resolve("matrix.conf");
        Files.writeString(scenario, String.join("\n",
                "name = matrix-long", "model = matrix", "n = " + n, "steps = " + steps, "record-every = " + every,
                "seed = 11", "ensemble.members = " + MEMBERS, "drift.kind = zero", "error-control.members = 0",
                // a step slow enough (256×32, |B| = 64) to be killed mid-run with room to spare
                "matrix { rows = 256, checkpoint-every = 500 }", "loss.kind = teacher-student",
                // momentum: a checkpoint must carry it too
                "sgd { alpha = 0.002, batch = 64, momentum = 0.5 }", "data.size = 256", ""));
        // killed at step 1000 or later: member 0 has saved its checkpoint of step 500 (or later) by then
        String runId = killResumeAndCompare(scenario, "matrix-", 6, steps / every + 1, (data, id) -> {
            List<String> ids = checkpointIds(data);
            assertTrue(ids.contains("run|" + id + "|0|checkpoint"), "a checkpoint of member 0 to resume from: " + ids);
        });
        assertUniqueRows(Files.readAllLines(dir.resolve("matrix-killed.csv")));
        assertEquals(List.of("run|" + runId + "|0|checkpoint", "run|" + runId + "|1|checkpoint"),
                checkpointIds(dir.resolve("matrix-killed")), "each member's checkpoint, beside its trajectory");
    }

    @Test
    void killedNetworkRunResumesBitIdenticallyFromItsCheckpoints() throws Exception {
        int steps = 4000, every = 200;
        Path images = images(dir.resolve("images"), 8, 8, 10, 200);
        Path scenario = dir.resolve("network.conf");
        Files.writeString(scenario, String.join("\n",
                "name = network-long", "model = network", "steps = " + steps, "record-every = " + every, "seed = 13",
                "ensemble.members = 1", "error-control.members = 0", "data.path = \"" + images + "\"",
                "network { widths = [64, 48, 10], train-size = 200, test-size = 50, checkpoint-every = 200 }",
                // momentum: the layers' checkpoints must carry it too
                "sgd { alpha = 0.05, batch = 32, momentum = 0.5 }", ""));
        // killed at step 1000 or later: a checkpoint is saved by then (of 200, 400, 600 or 800, each sent
        // once its snapshot is durable, to a store apart from the trajectory's journal)
        String runId = killResumeAndCompare(scenario, "network-", 6, steps / every + 1, (data, id) -> {
            List<String> ids = checkpointIds(data);
            assertTrue(ids.contains("run|" + id + "|0|checkpoint"), "a checkpoint of the network to resume from: " + ids);
        });
        assertUniqueRows(Files.readAllLines(dir.resolve("network-killed.csv")));
        assertTrue(Files.readString(dir.resolve("network-killed").resolve(runId).resolve("report.json")).contains("\"completed\""));
    }

    /**
     * IDX train and test files in {@code dir} of {@code count} images of {@code rows} × {@code cols}
     * pixels and labels 0 … classes − 1, a label brightening every classes-th pixel over a fixed noise.
     */
    private static Path images(Path dir, int rows, int cols, int classes, int count) throws IOException {
        Files.createDirectories(dir);
        int pixels = rows * cols;
        for (String part : List.of("train", "t10k")) {
            ByteBuffer image = ByteBuffer.allocate(16 + count * pixels).putInt(0x803).putInt(count).putInt(rows).putInt(cols);
            ByteBuffer label = ByteBuffer.allocate(8 + count).putInt(0x801).putInt(count);
            for (int i = 0; i < count; i++) {
                int c = (i * 7 + part.length()) % classes;
                label.put((byte) c);
                for (int p = 0; p < pixels; p++) {
                    int noise = (int) (CounterRng.uniform(3, i, p, 0, part.length()) * 100);
                    image.put((byte) (noise + (p % classes == c ? 150 : 0)));
                }
            }
            Files.write(dir.resolve(part + "-images-idx3-ubyte"), image.array());
            Files.write(dir.resolve(part + "-labels-idx1-ubyte"), label.array());
        }
        return dir;
    }

    /** The persistence ids with a checkpoint in the embedded journal of {@code data}, which no process has open. */
    private static List<String> checkpointIds(Path data) throws SQLException {
        try (Connection db = Journal.open(JournalConfig.forReading(DataDirectory.openExisting(data), ConfigFactory.empty()));
             ResultSet saved = db.createStatement().executeQuery(
                     "SELECT \"persistence_id\" FROM \"durable_state\" ORDER BY \"persistence_id\"")) {
            List<String> ids = new ArrayList<>();
            while (saved.next()) ids.add(saved.getString(1));
            return ids;
        }
    }

    /**
     * Runs {@code scenario} to its end into {@code <prefix>reference}, and again into
     * {@code <prefix>killed} killed with SIGKILL once member 0 has {@code killAfter} snapshots,
     * then resumed; both exported to CSV ({@code <prefix>reference.csv}, {@code <prefix>killed.csv})
     * must be the same bytes; {@code afterKill} looks at the killed data directory before the
     * resume. Returns the killed run's id.
     */
    private String killResumeAndCompare(Path scenario, String prefix, long killAfter, long records, KilledCheck afterKill)
            throws Exception {
        // the reference, the listing, the resume and the exports run in this JVM: only the killed
        // run needs a process of its own (each process start costs seconds of CPU)
        inProcess("run", scenario.toString(), "--data-dir", dir.resolve(prefix + "reference").toString(), "--quiet");

        Path killed = dir.resolve(prefix + "killed");
        ProcessBuilder run = dyson(prefix + "victim", "run", scenario.toString(), "--data-dir", prefix + "killed", "--quiet");
        // each snapshot durable before the member goes on: the snapshots after a checkpoint's step then
        // take a record interval each to reach the journal, and the checkpoint store has that time
        run.environment().put("DYSON_JAVA_OPTS", "-Ddysonsim.engine.record-backlog=1");
        Process victim = run.start();
        String runId = null;
        long seen = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (victim.isAlive() && System.nanoTime() < deadline) {
            if (runId == null && Files.isDirectory(killed)) {
                runId = DysonProcess.runIds(killed).stream().findFirst().orElse(null);
            }
            if (runId != null && (seen = DysonProcess.snapshotsOfMember0(killed, runId)) >= killAfter) break;
            Thread.sleep(200);
        }
        assertTrue(victim.isAlive(), "the run ended before it could be killed (" + seen + " snapshots seen)");
        victim.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertTrue(victim.waitFor(1, TimeUnit.MINUTES));
        long atKill = DysonProcess.snapshotsOfMember0(killed, runId);
        assertTrue(atKill >= killAfter && atKill < records, "killed mid-run: " + atKill + " snapshots recorded");
        afterKill.check(killed, runId);

        String listed = inProcess("list", "--data-dir", killed.toString());
        assertTrue(listed.contains("interrupted"), listed);

        inProcess("resume", runId, "--data-dir", killed.toString(), "--quiet");
        inProcess("export", runId, "--data-dir", killed.toString(), "--format", "csv", "--out",
                dir.resolve(prefix + "killed.csv").toString());
        String referenceId = DysonProcess.onlyRun(dir.resolve(prefix + "reference"));
        inProcess("export", referenceId, "--data-dir", dir.resolve(prefix + "reference").toString(), "--format", "csv",
                "--out", dir.resolve(prefix + "reference.csv").toString());

        List<String> resumed = Files.readAllLines(dir.resolve(prefix + "killed.csv"));
        List<String> reference = Files.readAllLines(dir.resolve(prefix + "reference.csv"));
        assertArrayEquals(reference.toArray(), resumed.toArray(), "the resumed trajectory, byte for byte");
        return runId;
    }

    /** {@code dyson args} in this JVM, exit 0: what it printed on stdout. */
    private static String inProcess(String... args) {
        InProcessDyson.Result result = InProcessDyson.run(args);
        assertEquals(Main.OK, result.exit(), String.join(" ", args) + ": " + result.err());
        return result.out();
    }

    /** A look at a killed run's data directory and id, before it is resumed. */
    @FunctionalInterface
    private interface KilledCheck {
        void check(Path data, String runId) throws Exception;
    }

    private static void assertUniqueRows(List<String> csv) {
        Set<String> keys = new HashSet<>();
        for (String row : csv.subList(1, csv.size())) {
            String[] f = row.split(",");
            assertTrue(keys.add(f[0] + "," + f[1] + "," + f[3]), "duplicated (member, step, index): " + row);
        }
    }
}
