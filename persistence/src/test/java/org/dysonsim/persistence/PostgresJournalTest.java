package org.dysonsim.persistence;

import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.dysonsim.persistence.JournalFixture.WRITE_TIMEOUT;
import static org.dysonsim.persistence.JournalFixture.snapshot;
import static org.dysonsim.persistence.JournalFixture.started;
import static org.dysonsim.persistence.JournalFixture.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal on a real PostgreSQL server: two actor systems ("nodes", each with its own data
 * directory as on two machines) recording members of one run at the same time, read back,
 * listed and exported from a third; the run lock seen across data directories.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresJournalTest {

    @RegisterExtension
    static final PostgresJournal POSTGRES = new PostgresJournal();

    private static final int N = 6;
    private static final long STEPS = 300;
    private static final long EVERY = 10;
    private static final int MEMBERS = 6;
    private static final String RUN = "pg-shared";
    /** A shared server on a machine shared with other builds can take long; the wait only bounds a hang. */
    private static final java.time.Duration SERVER_TIMEOUT = java.time.Duration.ofMinutes(3);

    private Path root;
    private JournalFixture nodeA;
    private JournalFixture nodeB;
    private JournalSession reading;

    @BeforeAll
    void record(@TempDir Path root) {
        this.root = root;
        nodeA = JournalFixture.open(root.resolve("a"), POSTGRES.overrides(), "", "node-a");
        nodeB = JournalFixture.open(root.resolve("b"), POSTGRES.overrides(), "", "node-b");
        // Even members on node a, odd ones on node b, every command sent before any Ack is awaited.
        List<TestProbe<RecorderCommand.Ack>> acks = new ArrayList<>();
        for (int member = 0; member < MEMBERS; member++) {
            JournalFixture node = member % 2 == 0 ? nodeA : nodeB;
            TestProbe<RecorderCommand.Ack> probe = node.testKit.createTestProbe();
            acks.add(probe);
            var recorder = node.testKit.spawn(TrajectoryRecorder.create(RUN, member));
            recorder.tell(new RecorderCommand.Begin(started(RUN, member, N), probe.ref()));
            for (long step = 0; step <= STEPS; step += EVERY) {
                recorder.tell(new RecorderCommand.Record(snapshot(member, step, N), probe.ref()));
            }
            recorder.tell(new RecorderCommand.Complete(new TrajectoryEvent.RunCompleted(STEPS, 0.01 * STEPS), probe.ref()));
        }
        for (TestProbe<RecorderCommand.Ack> probe : acks) {
            probe.receiveSeveralMessages((int) (STEPS / EVERY) + 3, SERVER_TIMEOUT);
        }
        nodeA.recordRun("pg-interrupted", 0, N, 40, 10, false);
        reading = JournalSession.openForReading(DataDirectory.createOrOpen(root.resolve("c")).root(), POSTGRES.overrides());
    }

    @AfterAll
    void close() {
        if (reading != null) {
            reading.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void creatingTheTablesAgainIsHarmless() {
        Journal.ensureSchema(nodeA.testKit.system());
        Journal.ensureSchema(nodeB.testKit.system());
        assertEquals((STEPS / EVERY) + 3, reading.reader().lastSequenceNumber(RUN, 0));
    }

    @Test
    void everyMemberWrittenByEitherNodeReadsBackCompleteAndInOrder() {
        TrajectoryReader reader = reading.reader();
        SortedSet<Integer> expected = new TreeSet<>();
        for (int member = 0; member < MEMBERS; member++) {
            expected.add(member);
        }
        assertEquals(expected, reader.members(RUN));
        for (int member = 0; member < MEMBERS; member++) {
            try (Stream<TrajectoryEvent> events = reader.events(RUN, member)) {
                List<TrajectoryEvent> all = events.toList();
                assertEquals(started(RUN, member, N), all.get(0));
                long step = 0;
                for (TrajectoryEvent event : all.subList(1, all.size() - 1)) {
                    var recorded = (TrajectoryEvent.SnapshotRecorded) event;
                    assertEquals(step, recorded.step(), "member " + member);
                    assertArrayEquals(snapshot(member, step, N).values(), recorded.values());
                    step += EVERY;
                }
                assertEquals(STEPS + EVERY, step, "member " + member + " has every snapshot");
                assertEquals(new TrajectoryEvent.RunCompleted(STEPS, 0.01 * STEPS), all.get(all.size() - 1));
            }
        }
    }

    @Test
    void aRecorderRecoversItsStateFromTheOtherNodesWrites() {
        TestProbe<RecorderCommand.RecorderState> probe = nodeA.testKit.createTestProbe();
        // Member 1 was written by node b; node a recovers it from the shared journal.
        nodeA.testKit.spawn(TrajectoryRecorder.create(RUN, 1)).tell(new RecorderCommand.GetState(probe.ref()));
        RecorderCommand.RecorderState state = probe.receiveMessage(WRITE_TIMEOUT);
        assertEquals(RecorderCommand.Status.COMPLETED, state.status());
        assertArrayEquals(snapshot(1, STEPS, N).values(), state.last().values());
    }

    @Test
    void theCatalogListsRunsWithStatusAndSteps() {
        List<RunSummary> runs = reading.list();
        assertEquals(List.of("pg-interrupted", RUN), runs.stream().map(RunSummary::runId).toList());
        assertEquals(RunStatus.INTERRUPTED, runs.get(0).status());
        assertEquals(40, runs.get(0).stepsDone());
        assertEquals(RunStatus.COMPLETED, runs.get(1).status());
        assertEquals(MEMBERS, runs.get(1).members());
        assertEquals(STEPS, runs.get(1).stepsDone());
        assertTrue(runs.get(1).bytesOnDisk() > MEMBERS * (STEPS / EVERY) * N * Double.BYTES,
                "the size counts every recorded value's payload");
    }

    @Test
    void csvExportHoldsEveryValueOfEveryMember() throws IOException {
        Path out = root.resolve("all.csv");
        ExportSummary summary = reading.exporter().export(RUN, ExportOptions.all(ExportFormat.CSV), out);
        List<String> lines = Files.readAllLines(out);
        long records = STEPS / EVERY + 1;
        assertEquals(MEMBERS * records * N, summary.values());
        assertEquals(MEMBERS * records * N + 1, lines.size());
        String[] last = lines.get(lines.size() - 1).split(",");
        assertEquals(value(MEMBERS - 1, STEPS, N - 1), Double.parseDouble(last[4]));
    }

    @Test
    void aRunLockedOnOneMachineIsHeldForEveryMachineSharingTheJournal() {
        var config = nodeA.testKit.system().settings().config();
        DataDirectory otherMachine = DataDirectory.createOrOpen(root.resolve("other"));
        try (RunLock lock = RunLock.acquire(nodeA.dir, "pg-interrupted", config)) {
            assertTrue(RunLock.isHeld(otherMachine, "pg-interrupted", config));
            assertEquals(RunStatus.RUNNING, reading.catalog().describe("pg-interrupted").status());
            var refused = assertThrows(JournalException.class, () -> RunLock.acquire(otherMachine, "pg-interrupted", config));
            assertTrue(refused.getMessage().contains("being recorded by another process"), refused.getMessage());
        }
        assertFalse(RunLock.isHeld(otherMachine, "pg-interrupted", config));
        assertEquals(RunStatus.INTERRUPTED, reading.catalog().describe("pg-interrupted").status());
    }
}
