package org.dysonsim.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two processes record into one data directory at once (H2 AUTO_SERVER: the first to open the
 * file serves it to the other), including the case where the serving process exits while the
 * other is writing: that write fails, the recorder retries it, and nothing is lost; and a process
 * killed with SIGKILL right after its records were acknowledged has every one of them on disk.
 */
class ConcurrentProcessesTest {

    private static final int CHILD_RECORDS = 150;
    private static final int PARENT_RECORDS = 600;
    /** 600 records × 5 ms outlast the child's 150 × 5 ms by far. */
    private static final long PARENT_DELAY_MILLIS = 5;

    @Test
    void twoProcessesRecordIntoOneDataDirectoryAndNothingIsLost(@TempDir Path root) throws Exception {
        Path data = root.resolve("runs");
        // The child opens the journal first, so it serves the file, and it exits while we still write.
        Process child = new ProcessBuilder(javaBinary(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                RecordingProcess.class.getName(), data.toString(), "child-run", Integer.toString(CHILD_RECORDS), "5")
                .redirectErrorStream(true).start();
        BufferedReader childOut = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        awaitLine(childOut, "READY");

        try (JournalFixture journal = JournalFixture.open(data, "")) {
            // Paced so that the serving child exits while these writes go on: ours must survive it.
            TestProbe<RecorderCommand.Ack> acks = journal.testKit.createTestProbe();
            var recorder = journal.testKit.spawn(TrajectoryRecorder.create("parent-run", 0));
            recorder.tell(new RecorderCommand.Begin(JournalFixture.started("parent-run", 0, RecordingProcess.N), acks.ref()));
            for (int step = 0; step < PARENT_RECORDS; step++) {
                recorder.tell(new RecorderCommand.Record(JournalFixture.snapshot(0, step, RecordingProcess.N), acks.ref()));
                Thread.sleep(PARENT_DELAY_MILLIS);
            }
            acks.receiveSeveralMessages(PARENT_RECORDS + 1, JournalFixture.WRITE_TIMEOUT);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child exits");
            assertEquals(0, child.exitValue(), "the child recorded everything");
            // The serving process is gone: this one takes the file over and records on.
            journal.recordRun("parent-run", 1, RecordingProcess.N, PARENT_RECORDS - 1, 1, true);
        } finally {
            child.destroyForcibly();
        }

        try (JournalSession session = JournalSession.openForReading(data, ConfigFactory.empty())) {
            assertEquals(List.of("child-run", "parent-run"), session.reader().runIds());
            assertEquals(CHILD_RECORDS + 2, session.reader().lastSequenceNumber("child-run", 0));
            try (Stream<TrajectoryEvent> events = session.reader().events("child-run", 0)) {
                List<Long> steps = events.filter(e -> e instanceof TrajectoryEvent.SnapshotRecorded)
                        .map(e -> ((TrajectoryEvent.SnapshotRecorded) e).step()).toList();
                assertEquals(Stream.iterate(0L, s -> s + 1).limit(CHILD_RECORDS).toList(), steps);
            }
            assertEquals(PARENT_RECORDS + 1, session.reader().lastSequenceNumber("parent-run", 0));
            assertEquals(PARENT_RECORDS + 2, session.reader().lastSequenceNumber("parent-run", 1));
            assertEquals(RunStatus.COMPLETED, session.catalog().describe("child-run").status());
        }
    }

    @Test
    void aReadGoesOnWhenTheProcessServingTheFileIsKilled(@TempDir Path root) throws Exception {
        Path data = root.resolve("runs");
        int steps = 3000;
        try (JournalFixture journal = JournalFixture.open(data, "")) {
            journal.recordRun("long-run", 0, RecordingProcess.N, steps - 1, 1, true);
        }
        // The child opens the file now, so it serves it to this process until it exits mid-read.
        Process child = new ProcessBuilder(javaBinary(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                RecordingProcess.class.getName(), data.toString(), "--serve").redirectErrorStream(true).start();
        try {
            BufferedReader childOut = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            awaitLine(childOut, "READY");
            try (JournalFixture journal = JournalFixture.open(data, "")) {
                TrajectoryReader reader = new TrajectoryReader(journal.testKit.system());
                List<Long> seen = new java.util.ArrayList<>();
                try (Stream<TrajectoryEvent> events = reader.events("long-run", 0)) {
                    var it = events.iterator();
                    for (int k = 0; k < 10; k++) {
                        if (it.next() instanceof TrajectoryEvent.SnapshotRecorded s) seen.add(s.step());
                    }
                    child.destroyForcibly(); // its lock file stays behind until H2 sees it is stale
                    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the serving child ends");
                    while (it.hasNext()) {
                        if (it.next() instanceof TrajectoryEvent.SnapshotRecorded s) seen.add(s.step());
                    }
                }
                assertEquals(Stream.iterate(0L, s -> s + 1).limit(steps).toList(), seen, "every record, once, in order");
                assertEquals(steps + 2, reader.lastSequenceNumber("long-run", 0));
                assertEquals(List.of("long-run"), reader.runIds());
            }
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void whatWasAcknowledgedSurvivesSigkillAndTheNextWriterCompactingTheFile(@TempDir Path root) throws Exception {
        Path data = root.resolve("runs");
        Process child = new ProcessBuilder(javaBinary(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                RecordingProcess.class.getName(), data.toString(), "killed-run", Integer.toString(CHILD_RECORDS), "2",
                "--await-kill").redirectErrorStream(true).start();
        try {
            BufferedReader childOut = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            awaitLine(childOut, "ACKED");
            // At once: H2's default write delay would still hold the last half second in memory.
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child is gone");
        } finally {
            child.destroyForcibly();
        }
        // the halted writer left its garbage in the file; the next writer compacts it (at any size here)
        DataDirectory dir = DataDirectory.openExisting(data);
        long halted = Files.size(dir.databaseFile());
        Config compactAnySize = ConfigFactory.parseString(HaltedJournalCompaction.COMPACT_ABOVE + " = 0");
        try (Connection db = Journal.open(JournalConfig.forWriting(dir, compactAnySize))) {
            HaltedJournalCompaction.FileUse use = HaltedJournalCompaction.fileUse(db);
            assertTrue(use.bytes() < halted / 2, "compacted: " + halted + " bytes, now " + use);
        }
        try (JournalSession session = JournalSession.openForReading(data, ConfigFactory.empty())) {
            assertEquals(List.of("killed-run"), session.reader().runIds());
            assertEquals(CHILD_RECORDS + 1, session.reader().lastSequenceNumber("killed-run", 0),
                    "RunStarted and every acknowledged snapshot");
            assertEquals(CHILD_RECORDS + 1, session.reader().events("killed-run", 0).count(),
                    "every record, each read back against its checksum");
            assertEquals(RunStatus.INTERRUPTED, session.catalog().describe("killed-run").status());
        }
    }

    private static void awaitLine(BufferedReader out, String expected) throws IOException {
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals(expected)) {
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the child ended before printing " + expected + ":\n" + seen);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
