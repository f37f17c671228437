package org.dysonsim.persistence;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.dysonsim.persistence.JournalFixture.WRITE_TIMEOUT;
import static org.dysonsim.persistence.JournalFixture.snapshot;
import static org.dysonsim.persistence.JournalFixture.started;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunCatalogTest {

    private static final int N = 16;

    private Path data;
    private JournalFixture journal;
    private RunLock liveRun;

    @BeforeAll
    void record(@TempDir Path root) {
        data = root.resolve("data");
        journal = JournalFixture.open(data, "");
        journal.recordRun("a-completed", 0, N, 100, 10, true);
        journal.recordRun("a-completed", 1, N, 100, 10, true);
        // Member 1 of this run is behind: the run has done as many steps as its slowest member.
        journal.recordRun("b-interrupted", 0, N, 70, 10, false);
        journal.recordRun("b-interrupted", 1, N, 40, 10, false);
        journal.recordRun("c-running", 0, N, 20, 10, false);
        liveRun = RunLock.acquire(journal.dir, "c-running");
        journal.recordRun("d-failed", 0, N, 100, 10, true);
        recordFailure("d-failed", 1);
        journal.recordRun("e-released", 0, N, 10, 10, false);
        RunLock.acquire(journal.dir, "e-released").close();
    }

    @AfterAll
    void close() {
        liveRun.close();
        journal.close();
    }

    @Test
    void listsEveryRunWithScenarioStatusStepsAndSize() {
        try (JournalSession session = JournalSession.openForReading(data, ConfigFactory.empty())) {
            List<RunSummary> runs = session.list();
            assertEquals(List.of("a-completed", "b-interrupted", "c-running", "d-failed", "e-released"),
                    runs.stream().map(RunSummary::runId).toList());
            assertEquals(List.of(RunStatus.COMPLETED, RunStatus.INTERRUPTED, RunStatus.RUNNING, RunStatus.FAILED,
                            RunStatus.INTERRUPTED),
                    runs.stream().map(RunSummary::status).toList());
            assertEquals(List.of(100L, 40L, 20L, 30L, 10L), runs.stream().map(RunSummary::stepsDone).toList());
            assertEquals(List.of(2, 2, 1, 2, 1), runs.stream().map(RunSummary::members).toList());
            runs.forEach(run -> assertEquals("harmonic test", run.scenario()));
            // Each recorded value is 8 bytes in the journal: 2 members × 11 records × 16 values at least.
            assertTrue(runs.get(0).bytesOnDisk() >= 2L * 11 * N * 8, () -> "size " + runs.get(0).bytesOnDisk());
            assertTrue(runs.get(0).bytesOnDisk() > runs.get(2).bytesOnDisk());
        }
    }

    @Test
    void aLongMembersSizeIsEstimatedFromEvenlySpreadEvents() throws Exception {
        com.typesafe.config.Config config = journal.testKit.system().settings().config();
        String member = PersistenceIds.persistenceId("a-completed", 0);
        long last;
        try (JournalSession session = JournalSession.openForReading(data, ConfigFactory.empty())) {
            last = session.reader().lastSequenceNumber("a-completed", 0);
        }
        long events = last;
        long exact = JournalRetry.withConnection(config, db -> RunCatalog.eventBytes(db, config, member, events, events, 1000));
        // a sample at least as large as the member reads every event: the estimate is the sum
        long everyEvent = JournalRetry.withConnection(config, db -> RunCatalog.eventBytes(db, config, member, events, 0, 1000));
        assertEquals(exact, everyEvent);
        // the run's start is counted exactly; of the 12 later events, 11 snapshots of size s and the
        // smaller end c, four are read (the end among them): 12·(3s + c)/4 − (11s + c) = −2(s − c),
        // low by less than two snapshots, each less than a 11th of the whole
        long fromFour = JournalRetry.withConnection(config, db -> RunCatalog.eventBytes(db, config, member, events, 0, 4));
        assertTrue(fromFour < exact && exact - fromFour < 2.0 * exact / 11, () -> fromFour + " estimated for " + exact);
        assertTrue(exact >= 11L * N * 8, () -> "size " + exact);
    }

    @Test
    void aRunWhoseLockIsReleasedIsInterrupted() {
        try (JournalSession session = JournalSession.openForReading(data, ConfigFactory.empty())) {
            assertEquals(RunStatus.INTERRUPTED, session.catalog().describe("e-released").status());
        }
    }

    @Test
    void aSecondLockOnALiveRunIsRefused() {
        var refused = assertThrows(JournalException.class, () -> RunLock.acquire(journal.dir, "c-running"));
        assertTrue(refused.getMessage().contains("run c-running is being recorded by another process (pid "
                + ProcessHandle.current().pid() + ")"), refused.getMessage());
    }

    @Test
    void anUnknownRunIdIsRefused() {
        try (JournalSession session = JournalSession.openForReading(data, ConfigFactory.empty())) {
            var refused = assertThrows(JournalException.class, () -> session.catalog().describe("zzz"));
            assertEquals("unknown run id \"zzz\"; `dyson list` shows the recorded runs", refused.getMessage());
        }
    }

    private void recordFailure(String runId, int member) {
        TestProbe<RecorderCommand.Ack> acks = journal.testKit.createTestProbe();
        var recorder = journal.testKit.spawn(TrajectoryRecorder.create(runId, member));
        recorder.tell(new RecorderCommand.Begin(started(runId, member, N), acks.ref()));
        for (long step = 0; step <= 30; step += 10) {
            recorder.tell(new RecorderCommand.Record(snapshot(member, step, N), acks.ref()));
        }
        recorder.tell(new RecorderCommand.Fail(new TrajectoryEvent.RunFailed(34, "collision"), acks.ref()));
        acks.receiveSeveralMessages(6, WRITE_TIMEOUT);
        journal.testKit.stop(recorder);
    }
}
