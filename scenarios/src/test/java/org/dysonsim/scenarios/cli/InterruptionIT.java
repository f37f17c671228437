package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes, real signals: Ctrl-C and SIGTERM end a run with one line saying how to resume
 * it; the run's lock lives in the journal (deleting run.lock lets nobody in) and outlives a
 * SIGKILL only as a stale claim; {@code list} tells the truth about runs killed while their error
 * control ran or in their first seconds.
 */
class InterruptionIT {
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @TempDir
    Path dir;

    /** A run of a few tens of seconds that records a snapshot every fraction of a second. */
    private Path scenario(String name, int steps, int errorControlMembers) throws IOException {
        Path file = dir.resolve(name + ".conf");
        Files.writeString(file, String.join("\n",
                "name = " + name, "model = coulomb", "n = 128", "steps = " + steps, "dt = 1e-5", "record-every = 500",
                "seed = 7", "ensemble.members = 2", "noise.g2 = 0.5",
                "drift { kind = harmonic, centre = 256.0, stiffness = 1.0 }",
                "init { kind = marchenko-pastur, rows = 512, sigma2 = 0.5 }",
                "error-control.members = " + errorControlMembers, ""));
        return file;
    }

    /**
     * {@code dyson args}, with SIGINT back at its default: a process started in the background by
     * a shell inherits SIGINT ignored, and a JVM cannot take over an ignored signal.
     */
    private Process start(String name, String... args) throws IOException {
        ProcessBuilder pb = DysonProcess.builder(dir, name, List.of(args));
        pb.command().addAll(0, List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die \"exec: $!\""));
        return pb.start();
    }

    private void finish(String name, String... args) throws IOException, InterruptedException {
        DysonProcess.finish(dir, name, DysonProcess.builder(dir, name, List.of(args)));
    }

    /** {@code dyson list} as a process of its own, as a user lists a journal another process was killed writing. */
    private String list(String name, String data) throws IOException, InterruptedException {
        finish(name, "list", "--data-dir", data);
        return Files.readString(dir.resolve(name + ".out"));
    }

    private static String statusOf(String listing, String runId) {
        return listing.lines().filter(line -> line.startsWith(runId + " ")).map(line -> line.split("\\s+")[2])
                .findFirst().orElse("not listed: " + listing);
    }

    private static void await(Process process, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 3 * MINUTE;
        while (!condition.getAsBoolean()) {
            assertTrue(process.isAlive(), "the process ended before " + what);
            assertTrue(System.nanoTime() < deadline, "no " + what + " within 3 minutes");
            Thread.sleep(50);
        }
    }

    private String awaitRunId(Process process, Path data) throws InterruptedException {
        String[] runId = {null};
        await(process, () -> {
            try {
                runId[0] = Files.isDirectory(data) ? DysonProcess.runIds(data).stream().findFirst().orElse(null) : null;
            } catch (IOException e) {
                runId[0] = null;
            }
            return runId[0] != null;
        }, "run directory");
        return runId[0];
    }

    private static void signal(Process process, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        assertEquals(0, kill.waitFor(), "kill -" + signal);
    }

    @Test
    void ctrlCAndSigtermPrintOneLineSayingHowToResume() throws Exception {
        Path scenario = scenario("signalled", 60_000, 0);
        for (String signal : List.of("INT", "TERM")) {
            Path data = dir.resolve("sig" + signal);
            Process run = start("run-" + signal, "run", scenario.toString(), "--data-dir", data.toString(), "--quiet");
            String runId = awaitRunId(run, data);
            await(run, () -> DysonProcess.snapshotsOfMember0(data, runId) >= 2, "snapshots");
            signal(run, signal);
            assertTrue(run.waitFor(1, TimeUnit.MINUTES));
            assertEquals(signal.equals("INT") ? Interruption.SIGINT_EXIT : Interruption.SIGTERM_EXIT, run.exitValue());
            List<String> err = Files.readAllLines(dir.resolve("run-" + signal + ".err"));
            assertEquals(List.of("dyson: run " + runId + " interrupted; continue it with: dyson resume " + runId
                    + " --data-dir " + data.toAbsolutePath().normalize() + " (SIG" + signal + ")"), err, "exactly one line on stderr");
            assertEquals("interrupted", statusOf(list("list-" + signal, data.toString()), runId));
        }
        Path data = dir.resolve("sigINT");
        String runId = DysonProcess.onlyRun(data);
        finish("resume", "resume", runId, "--data-dir", data.toString(), "--quiet");
        assertEquals("completed", statusOf(list("list-resumed", data.toString()), runId));
    }

    @Test
    void deletingRunLockLetsNoSecondProcessInAndADeadHolderBlocksNothing() throws Exception {
        Path data = dir.resolve("deleted");
        Process run = start("run", "run", scenario("deleted", 60_000, 0).toString(), "--data-dir", data.toString(),
                "--quiet");
        String runId = awaitRunId(run, data);
        await(run, () -> DysonProcess.snapshotsOfMember0(data, runId) >= 1, "snapshots");
        Files.delete(data.resolve(runId).resolve("run.lock"));
        Process resume = DysonProcess.builder(dir, "resume-live", List.of("resume", runId, "--data-dir", data.toString()))
                .start();
        assertTrue(resume.waitFor(2, TimeUnit.MINUTES));
        String refused = Files.readString(dir.resolve("resume-live.err"));
        assertEquals(Main.BAD_INPUT, resume.exitValue(), refused);
        assertTrue(refused.contains(runId + " is still running"), refused);
        assertTrue(run.isAlive(), "the run goes on");

        run.destroyForcibly(); // SIGKILL: its row in the journal names a dead process now
        assertTrue(run.waitFor(1, TimeUnit.MINUTES));
        assertEquals("interrupted", statusOf(list("list-killed", data.toString()), runId));
        finish("resume", "resume", runId, "--data-dir", data.toString(), "--quiet");
        assertEquals("completed", statusOf(list("list-resumed", data.toString()), runId));
    }

    @Test
    void aRunKilledDuringErrorControlIsInterruptedUntilResumed() throws Exception {
        Path data = dir.resolve("control");
        // progress on stderr: one line when the members are done, then the companion runs
        Process run = DysonProcess.builder(dir, "run", List.of("run", scenario("control", 30_000, 2).toString(),
                "--data-dir", data.toString())).start();
        String runId = awaitRunId(run, data);
        Path err = dir.resolve("run.err");
        await(run, () -> {
            try {
                return Files.readString(err).contains(runId + ": completed");
            } catch (IOException e) {
                return false;
            }
        }, "members completed");
        run.destroyForcibly();
        assertTrue(run.waitFor(1, TimeUnit.MINUTES));
        assertFalse(Files.exists(data.resolve(runId).resolve("report.json")), "killed before its report");
        assertEquals("interrupted", statusOf(list("list-killed", data.toString()), runId));

        finish("resume", "resume", runId, "--data-dir", data.toString(), "--quiet");
        String report = Files.readString(data.resolve(runId).resolve("report.json"));
        assertTrue(report.contains("\"bias_se\""), "the resumed companion's step bias is in the report");
        assertEquals("completed", statusOf(list("list-resumed", data.toString()), runId));
    }

    @Test
    void aRunKilledInItsFirstSecondsIsListedAndResumes() throws Exception {
        Path scenario = scenario("early", 4_000, 0);
        // killed once its directory exists, and once its journal file exists (possibly without tables yet)
        for (String moment : List.of("directory", "journal")) {
            Path data = dir.resolve(moment);
            Process run = start("run-" + moment, "run", scenario.toString(), "--data-dir", data.toString(), "--quiet");
            String runId = awaitRunId(run, data);
            if (moment.equals("journal")) {
                await(run, () -> Files.exists(data.resolve("journal").resolve("dyson.mv.db")), "journal file");
            }
            run.destroyForcibly();
            assertTrue(run.waitFor(1, TimeUnit.MINUTES));
            assertEquals("interrupted", statusOf(list("list-" + moment, data.toString()), runId));
            finish("resume-" + moment, "resume", runId, "--data-dir", data.toString(), "--quiet");
            assertEquals("completed", statusOf(list("list-resumed-" + moment, data.toString()), runId));
        }
    }
}
