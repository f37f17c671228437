package org.dysonsim.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.RecorderCommand.Status;
import org.dysonsim.protocol.TrajectoryEvent;
import org.dysonsim.protocol.kryo.KryoSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.dysonsim.persistence.FixtureJournalWriter.RUN;
import static org.dysonsim.persistence.FixtureJournalWriter.expectedEvents;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads the journal committed under src/test/resources, written by an earlier build (see FixtureJournalWriter). */
class FixtureJournalTest {

    @Test
    void theCommittedJournalReadsBackEventByEvent(@TempDir Path root) throws Exception {
        Path data = copyFixture(root);
        try (JournalSession session = JournalSession.openForReading(data, ConfigFactory.empty())) {
            assertEquals(List.of(RUN), session.reader().runIds());
            assertEquals(new TreeSet<>(Set.of(0, 1)), session.reader().members(RUN));
            for (int member = 0; member < 2; member++) {
                try (Stream<TrajectoryEvent> events = session.reader().events(RUN, member)) {
                    List<TrajectoryEvent> read = events.toList();
                    List<TrajectoryEvent> expected = expectedEvents(member);
                    assertEquals(expected.size(), read.size());
                    for (int k = 0; k < expected.size(); k++) {
                        assertSameEvent(expected.get(k), read.get(k));
                    }
                }
            }
            RunSummary summary = session.list().get(0);
            assertEquals(new RunSummary(RUN, "fixture", RunStatus.FAILED, 2, 10, summary.bytesOnDisk()), summary);
        }
    }

    @Test
    void theCommittedJournalStoresKryoIdsNotClassNames(@TempDir Path root) throws Exception {
        Path data = copyFixture(root);
        DataDirectory dir = DataDirectory.openExisting(data);
        Set<String> manifests = new TreeSet<>();
        try (Connection db = Journal.connect(JournalConfig.forReading(dir, ConfigFactory.empty()));
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT \"event_ser_id\", \"event_ser_manifest\" FROM \"event_journal\"")) {
            while (rows.next()) {
                assertEquals(KryoSerializer.IDENTIFIER, rows.getInt(1));
                manifests.add(rows.getString(2));
            }
        }
        assertEquals(Set.of("100", "101", "102", "103"), manifests);
    }

    @Test
    void recordersRecoverFromTheCommittedSnapshotsAndEvents(@TempDir Path root) throws Exception {
        DataDirectory dir = DataDirectory.openExisting(copyFixture(root));
        Config config = JournalConfig.forWriting(dir, ConfigFactory.empty());
        ActorTestKit testKit = ActorTestKit.create("fixture-read", config);
        try {
            assertTrue(snapshotCount(dir) > 0, "the fixture holds Pekko snapshots of the recorder state");
            TestProbe<RecorderCommand.RecorderState> states = testKit.createTestProbe();
            testKit.spawn(TrajectoryRecorder.create(RUN, 0)).tell(new RecorderCommand.GetState(states.ref()));
            RecorderCommand.RecorderState completed = states.receiveMessage(JournalFixture.WRITE_TIMEOUT);
            assertEquals(Status.COMPLETED, completed.status());
            assertEquals(FixtureJournalWriter.started(0), completed.started());
            assertArrayEquals(FixtureJournalWriter.snapshot(0, 30).values(), completed.last().values());

            testKit.spawn(TrajectoryRecorder.create(RUN, 1)).tell(new RecorderCommand.GetState(states.ref()));
            RecorderCommand.RecorderState failed = states.receiveMessage(JournalFixture.WRITE_TIMEOUT);
            assertEquals(Status.FAILED, failed.status());
            assertEquals("fixture failure", failed.failure());
            assertEquals(10, failed.last().step());
        } finally {
            testKit.shutdownTestKit();
        }
    }

    private static void assertSameEvent(TrajectoryEvent expected, TrajectoryEvent read) {
        if (expected instanceof TrajectoryEvent.SnapshotRecorded snapshot) {
            var recorded = (TrajectoryEvent.SnapshotRecorded) read;
            assertEquals(snapshot.step(), recorded.step());
            assertEquals(snapshot.t(), recorded.t());
            assertArrayEquals(snapshot.values(), recorded.values());
        } else {
            assertEquals(expected, read);
        }
    }

    private static long snapshotCount(DataDirectory dir) throws SQLException {
        try (Connection db = Journal.connect(JournalConfig.forReading(dir, ConfigFactory.empty()));
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM \"snapshot\"")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A copy, so that no test can change the committed file. */
    private static Path copyFixture(Path root) throws IOException, URISyntaxException {
        Path fixture = Path.of(FixtureJournalTest.class.getResource("/fixture-journal/journal/dyson.mv.db").toURI())
                .getParent().getParent();
        Path copy = root.resolve("fixture-journal");
        Files.createDirectories(copy.resolve("journal"));
        Files.copy(fixture.resolve(DataDirectory.MARKER), copy.resolve(DataDirectory.MARKER));
        Files.copy(fixture.resolve("journal/dyson.mv.db"), copy.resolve("journal/dyson.mv.db"));
        return copy;
    }
}
