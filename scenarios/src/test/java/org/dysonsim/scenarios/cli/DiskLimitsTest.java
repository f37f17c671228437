package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dyson} on a data directory of its own small file system (tmpfs, mounted by the test as
 * root; skipped otherwise, CI runs as root): read-only, it is listed and exported without a byte of
 * the journal changing, even with the lock file of a process that died; full, reading still works,
 * a run fails with one line and the journal's earlier runs read back unchanged; filling up while a
 * run records, the run fails with that one line and no library's log line, keeps what it
 * recorded, and {@code resume} finishes it once there is space.
 */
class DiskLimitsTest {
    private static final String SCENARIO = "name = tiny\nn = 3\nsteps = 20\nrecord-every = 5\nensemble.members = 2\n"
            + "drift.kind = harmonic\ninit { kind = explicit, values = [-1, 0, 1] }\n";

    @TempDir
    Path dir;
    private Path mount;

    @BeforeEach
    void mountASmallFileSystem() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "skipped: mounting a small file system needs root (CI runs as root)");
        mount = dir.resolve("disk");
        Files.createDirectories(mount);
        Assumptions.assumeTrue(command("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.toString()) == 0,
                "skipped: this machine does not let the test mount a tmpfs");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) command("umount", "-l", mount.toString());
    }

    @Test
    void aReadOnlyDataDirectoryIsListedAndExportedUnchanged() throws Exception {
        Path data = mount.resolve("runs");
        String runId = recordARun(data);
        Path journal = data.resolve("journal/dyson.mv.db");
        Path csv = dir.resolve("before.csv");
        assertEquals(Main.OK, InProcessDyson.run("export", runId, "--format", "csv", "--out", csv.toString(),
                "--data-dir", data.toString()).exit());

        assertEquals(0, command("mount", "-o", "remount,ro", mount.toString()));
        String digest = digest(journal);
        assertReadable(data, runId, csv);
        assertEquals(digest, digest(journal), "reading a read-only journal");

        // as an archive of a machine that crashed: the lock file of a process that died
        assertEquals(0, command("mount", "-o", "remount,rw", mount.toString()));
        Files.writeString(data.resolve("journal/dyson.lock.db"),
                "#FileLock\nserver=localhost\\:1\nhostName=localhost\nmethod=file\nid=0123456789abcdef\n");
        assertEquals(0, command("mount", "-o", "remount,ro", mount.toString()));
        assertReadable(data, runId, csv);
        assertEquals(digest, digest(journal), "reading a read-only journal beside a dead process's lock file");
    }

    @Test
    void aFullDiskIsReadAndARunFailsWithOneLineLeavingTheJournalReadable() throws Exception {
        Path data = mount.resolve("runs");
        String runId = recordARun(data);
        Path csv = dir.resolve("before.csv");
        assertEquals(Main.OK, InProcessDyson.run("export", runId, "--format", "csv", "--out", csv.toString(),
                "--data-dir", data.toString()).exit());
        fill(mount.resolve("filler"));
        String digest = digest(data.resolve("journal/dyson.mv.db"));
        assertReadable(data, runId, csv);
        assertEquals(digest, digest(data.resolve("journal/dyson.mv.db")), "reading needs no free space");

        Path scenario = dir.resolve("tiny.conf");
        InProcessDyson.Result full = InProcessDyson.run("run", scenario.toString(), "--data-dir", data.toString(),
                "--seed", "6", "--quiet");
        assertNotEquals(Main.OK, full.exit(), full.err());
        List<String> lines = full.err().lines().toList();
        assertEquals(1, lines.size(), "one line: " + full.err());
        assertTrue(lines.get(0).startsWith("dyson: "), lines.get(0));
        assertFalse(lines.get(0).contains("internal error"), lines.get(0));
        assertTrue(lines.get(0).contains("is full"), lines.get(0));

        System.out.println("dyson run on a full disk: " + lines.get(0));

        Files.delete(mount.resolve("filler"));
        assertReadable(data, runId, csv);
        // a run that began before the disk filled is finished by resume once there is space again
        for (String stopped : DysonProcess.runIds(data)) {
            if (stopped.equals(runId)) continue;
            InProcessDyson.Result resumed = InProcessDyson.run("resume", stopped, "--data-dir", data.toString(), "--quiet");
            assertEquals(Main.OK, resumed.exit(), resumed.err());
            InProcessDyson.Result list = InProcessDyson.run("list", "--data-dir", data.toString());
            assertTrue(list.out().lines().anyMatch(row -> row.startsWith(stopped) && row.contains("completed")), list.out());
        }
    }

    @Test
    void aDiskThatFillsWhileARunRecordsGivesOneLineAndResumeFinishesTheRun() throws Exception {
        Path data = mount.resolve("runs");
        String first = recordARun(data);
        Path csv = dir.resolve("before.csv");
        assertEquals(Main.OK, InProcessDyson.run("export", first, "--format", "csv", "--out", csv.toString(),
                "--data-dir", data.toString()).exit());
        // about 1 MB left: the run below records some 2 MB, so the disk fills while it records
        Path reserve = mount.resolve("reserve");
        Files.write(reserve, new byte[1 << 20]);
        fill(mount.resolve("filler"));
        Files.delete(reserve);

        Path scenario = dir.resolve("long.conf");
        Files.writeString(scenario, "name = long\nn = 32\nsteps = 1500\nrecord-every = 1\nensemble.members = 2\n"
                + "drift.kind = harmonic\ninit { kind = marchenko-pastur, rows = 64, sigma2 = 0.5 }\n");
        // a process of its own: it ends, as the holder of the run's lock, and logs as dyson does
        ChildJvm.Result full = ChildJvm.run(List.of(), Main.class, "run", scenario.toString(),
                "--data-dir", data.toString(), "--quiet");
        assertEquals(Main.FAILED, full.exit(), full.err());
        List<String> lines = full.err().lines().toList();
        assertEquals(1, lines.size(), "one line, no library's: " + full.err());
        assertTrue(lines.get(0).startsWith("dyson: the disk is full"), lines.get(0));

        String stopped = DysonProcess.runIds(data).stream().filter(id -> !id.equals(first)).findFirst().orElseThrow();
        InProcessDyson.Result list = InProcessDyson.run("list", "--data-dir", data.toString());
        String row = list.out().lines().filter(line -> line.startsWith(stopped)).findFirst().orElseThrow();
        assertTrue(Long.parseLong(row.split("\\s+")[4]) > 0, "the disk filled while the run recorded: " + row);

        // space is back: the filler gone and the disk grown (the resumed run writes its plots too)
        Files.delete(mount.resolve("filler"));
        assertEquals(0, command("mount", "-o", "remount,size=96m", mount.toString()));
        InProcessDyson.Result resumed = InProcessDyson.run("resume", stopped, "--data-dir", data.toString(), "--quiet");
        assertEquals(Main.OK, resumed.exit(), resumed.err());
        list = InProcessDyson.run("list", "--data-dir", data.toString());
        assertTrue(list.out().lines().anyMatch(line -> line.startsWith(stopped) && line.contains("completed")
                && line.split("\\s+")[4].equals("1500")), list.out());
        assertReadable(data, first, csv);
    }

    private String recordARun(Path data) throws IOException {
        Path scenario = dir.resolve("tiny.conf");
        Files.writeString(scenario, SCENARIO);
        InProcessDyson.Result run = InProcessDyson.run("run", scenario.toString(), "--data-dir", data.toString(),
                "--seed", "5", "--quiet");
        assertEquals(Main.OK, run.exit(), run.err());
        return DysonProcess.onlyRun(data);
    }

    /** {@code list} shows the run completed and {@code export} writes the same CSV as {@code expected}. */
    private void assertReadable(Path data, String runId, Path expected) throws IOException {
        InProcessDyson.Result list = InProcessDyson.run("list", "--data-dir", data.toString());
        assertEquals(Main.OK, list.exit(), list.err());
        assertTrue(list.out().lines().anyMatch(row -> row.startsWith(runId) && row.contains("completed")), list.out());
        Path csv = dir.resolve("after.csv");
        Files.deleteIfExists(csv);
        InProcessDyson.Result export = InProcessDyson.run("export", runId, "--format", "csv", "--out", csv.toString(),
                "--data-dir", data.toString());
        assertEquals(Main.OK, export.exit(), export.err());
        assertEquals(Files.readString(expected), Files.readString(csv));
    }

    private static void fill(Path file) throws IOException {
        byte[] block = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) out.write(block);
        } catch (IOException full) {
            // the file system is full
        }
    }

    private static String digest(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static int command(String... line) throws Exception {
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", line) + ": " + output);
        return p.exitValue();
    }
}
