package org.dysonsim.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run lock's row in the embedded journal: it keeps a second holder out when run.lock is
 * deleted, a holder that died is recognised and taken over, and a run is finished only when its
 * holder says so, whatever its members recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunLockTest {

    private static final int N = 4;

    private Path data;
    private JournalFixture journal;
    private Config config;

    @BeforeAll
    void open(@TempDir Path root) {
        data = root.resolve("data");
        journal = JournalFixture.open(data, "");
        config = JournalConfig.forWriting(journal.dir, ConfigFactory.empty());
        journal.recordRun("done-unreported", 0, N, 20, 10, true);
        journal.recordRun("done-reported", 0, N, 20, 10, true);
        journal.recordRun("stale", 0, N, 20, 10, false);
    }

    @AfterAll
    void close() {
        journal.close();
    }

    @Test
    void deletingTheLockFileDoesNotLetASecondHolderIn() throws Exception {
        try (RunLock held = RunLock.acquire(journal.dir, "deleted-file", config)) {
            Files.delete(journal.dir.runDirectory("deleted-file").resolve(RunLock.FILE));
            assertFalse(RunLock.isHeld(journal.dir, "deleted-file"), "the file lock is gone");
            assertTrue(RunLock.isHeld(journal.dir, "deleted-file", config), "the journal still names the holder");
            var refused = assertThrows(JournalException.class, () -> RunLock.acquire(journal.dir, "deleted-file", config));
            assertTrue(refused.getMessage().contains("run deleted-file is being recorded by another process (pid "
                    + ProcessHandle.current().pid() + " on "), refused.getMessage());
        }
    }

    @Test
    void aRunLetGoBeforeItsReportIsInterruptedAlthoughEveryMemberCompleted() {
        RunLock.acquire(journal.dir, "done-unreported", config).close();
        try (RunLock lock = RunLock.acquire(journal.dir, "done-reported", config)) {
            lock.finished();
        }
        assertTrue(RunLock.isUnfinished(journal.dir, "done-unreported", config));
        assertFalse(RunLock.isUnfinished(journal.dir, "done-reported", config));
        try (JournalSession session = JournalSession.openForReading(data, ConfigFactory.empty())) {
            assertEquals(RunStatus.INTERRUPTED, session.catalog().describe("done-unreported").status());
            assertEquals(RunStatus.COMPLETED, session.catalog().describe("done-reported").status());
        }
        // taken again and finished: completed
        try (RunLock lock = RunLock.acquire(journal.dir, "done-unreported", config)) {
            assertTrue(lock.wasUnfinished());
            lock.finished();
        }
        try (JournalSession session = JournalSession.openForReading(data, ConfigFactory.empty())) {
            assertEquals(RunStatus.COMPLETED, session.catalog().describe("done-unreported").status());
        }
    }

    @Test
    void aHolderThatDiedIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(1, TimeUnit.MINUTES));
        long start = gone.info().startInstant().map(Instant::toEpochMilli).orElse(1L);
        String host = RunClaim.Holder.current().host();
        try (Connection db = Journal.connect(config)) {
            RunClaim.createTable(db);
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO \"" + RunClaim.TABLE + "\" (\"run_id\", \"holder\", \"since\") VALUES (?, ?, 0)")) {
                insert.setString(1, "stale");
                insert.setString(2, new RunClaim.Holder(gone.pid(), start, host).text());
                insert.executeUpdate();
            }
        }
        assertFalse(RunLock.isHeld(journal.dir, "stale", config), "a dead holder holds nothing");
        try (JournalSession session = JournalSession.openForReading(data, ConfigFactory.empty())) {
            assertEquals(RunStatus.INTERRUPTED, session.catalog().describe("stale").status());
        }
        try (RunLock lock = RunLock.acquire(journal.dir, "stale", config)) {
            assertTrue(lock.wasUnfinished());
            assertTrue(RunLock.isHeld(journal.dir, "stale", config));
        }
        // this (live) process under another start time is a reused pid, not the holder
        RunClaim.Holder me = RunClaim.Holder.current();
        long now = System.currentTimeMillis();
        assertFalse(new RunClaim.Holder(me.pid(), me.startMillis() - 60_000, host).isAlive(now));
        assertTrue(me.isAlive(now));
        assertTrue(me.isAlive(0), "on its own host a holder is asked, its heartbeat does not matter");
    }

    @Test
    void aHolderOnAnotherHostIsAliveWhileItsHeartbeatIsFreshAndTakenOverOnceItExpires() throws Exception {
        String far = new RunClaim.Holder(4242, 1, "another-host").text();
        try (Connection db = Journal.connect(config)) {
            RunClaim.createTable(db);
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO \"" + RunClaim.TABLE + "\" (\"run_id\", \"holder\", \"since\") VALUES (?, ?, ?)")) {
                insert.setString(1, "far");
                insert.setString(2, far);
                insert.setLong(3, System.currentTimeMillis());
                insert.executeUpdate();
            }
        }
        assertTrue(RunLock.isHeld(journal.dir, "far", config), "a fresh heartbeat from another host");
        var refused = assertThrows(JournalException.class, () -> RunLock.acquire(journal.dir, "far", config));
        assertTrue(refused.getMessage().contains("(pid 4242 on another-host)"), refused.getMessage());

        setSince("far", System.currentTimeMillis() - RunClaim.EXPIRY_MILLIS - 1_000);
        assertFalse(RunLock.isHeld(journal.dir, "far", config), "a heartbeat older than the expiry");
        try (RunLock lock = RunLock.acquire(journal.dir, "far", config)) {
            assertTrue(lock.wasUnfinished());
            assertTrue(RunLock.isHeld(journal.dir, "far", config));
        }
    }

    @Test
    void aHolderWritesItsHeartbeat() throws Exception {
        try (RunLock lock = RunLock.acquire(journal.dir, "beating", config)) {
            setSince("beating", 0);
            long before = System.currentTimeMillis();
            lock.beat();
            try (Connection db = Journal.connect(config);
                 PreparedStatement select = db.prepareStatement(
                         "SELECT \"since\" FROM \"" + RunClaim.TABLE + "\" WHERE \"run_id\" = 'beating'");
                 var row = select.executeQuery()) {
                assertTrue(row.next());
                assertTrue(row.getLong(1) >= before, "heartbeat at " + row.getLong(1) + ", before " + before);
            }
        }
    }

    private void setSince(String runId, long millis) throws Exception {
        try (Connection db = Journal.connect(config);
             PreparedStatement update = db.prepareStatement(
                     "UPDATE \"" + RunClaim.TABLE + "\" SET \"since\" = ? WHERE \"run_id\" = ?")) {
            update.setLong(1, millis);
            update.setString(2, runId);
            assertEquals(1, update.executeUpdate());
        }
    }

    @Test
    void aJournalWithoutTablesListsTheRunDirectories(@TempDir Path root) throws Exception {
        DataDirectory fresh = DataDirectory.createOrOpen(root.resolve("fresh"));
        // what a process killed right after creating the journal leaves: a database without tables
        DriverManager.getConnection(JournalConfig.h2Url(fresh, true)).close();
        Files.createDirectories(fresh.runDirectory("early-run"));
        Files.writeString(fresh.runDirectory("early-run").resolve(DataDirectory.SCENARIO), "name = early\n");
        Files.createDirectories(fresh.root().resolve("study-without-runs"));
        try (JournalSession session = JournalSession.openForReading(fresh.root(), ConfigFactory.empty())) {
            assertEquals(List.of(new RunSummary("early-run", "early", RunStatus.INTERRUPTED, 0, 0, 13)), session.list());
        }
    }

    @Test
    void aJournalKilledWhileWritingItsHeadersListsTheRunDirectoriesAndOpensForWriting(@TempDir Path root) throws Exception {
        for (long size : new long[] {100, 4096}) {
            DataDirectory early = DataDirectory.createOrOpen(root.resolve("early" + size));
            DriverManager.getConnection(JournalConfig.h2Url(early, true)).close();
            // what a process killed while H2 wrote the file's first header blocks leaves
            try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(early.databaseFile().toFile(), "rw")) {
                file.setLength(size);
            }
            Files.createDirectories(early.runDirectory("early-run"));
            Files.writeString(early.runDirectory("early-run").resolve(DataDirectory.SCENARIO), "name = early\n");
            try (JournalSession session = JournalSession.openForReading(early.root(), ConfigFactory.empty())) {
                assertEquals(List.of(new RunSummary("early-run", "early", RunStatus.INTERRUPTED, 0, 0, 13)), session.list(),
                        "a file of " + size + " bytes");
            }
            // a resume (a writer) can use the directory again
            try (JournalSession session = JournalSession.openAsRecorder(early.root(), ConfigFactory.empty())) {
                assertEquals(RunStatus.INTERRUPTED, session.list().get(0).status(), "a file of " + size + " bytes");
            }
        }
    }
}
