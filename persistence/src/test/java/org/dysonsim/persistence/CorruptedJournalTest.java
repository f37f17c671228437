package org.dysonsim.persistence;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One flipped bit inside a stored value of the H2 file (H2 itself does not notice it) is found by
 * the checksum on every read: export, the reader's full check, and the member's own event stream,
 * each with one line naming the run, member and step; the other members still read.
 */
class CorruptedJournalTest {

    private static final String RUN = "corrupt-run";
    private static final int N = 4;

    @Test
    void aFlippedBitInAStoredValueIsReportedWithItsRunMemberAndStep(@TempDir Path root) throws Exception {
        Path data = root.resolve("data");
        try (JournalFixture journal = JournalFixture.open(data, "")) {
            journal.recordRun(RUN, 0, N, 50, 10, true);
            journal.recordRun(RUN, 1, N, 50, 10, true);
        }
        Path file = DataDirectory.openExisting(data).databaseFile();
        // member 1, step 20, index 3: a value no other record holds (JournalFixture.value)
        int flipped = StoredBits.flipLowBit(file, JournalFixture.value(1, 20, 3));
        assertTrue(flipped > 0, "the value is stored as raw bits in the H2 file");
        String before = digest(file);

        try (JournalSession session = JournalSession.openForReading(data, ConfigFactory.empty())) {
            JournalException export = assertThrows(JournalException.class, () -> session.exporter()
                    .export(RUN, ExportOptions.all(ExportFormat.CSV), root.resolve("out.csv")));
            assertCorruptionLine(export);
            assertCorruptionLine(assertThrows(JournalException.class, () -> session.reader().verify(RUN)));
            assertCorruptionLine(assertThrows(JournalException.class, () -> session.reader().events(RUN, 1).count()));
            assertEquals(6, session.reader().events(RUN, 0)
                    .filter(org.dysonsim.protocol.TrajectoryEvent.SnapshotRecorded.class::isInstance).count(),
                    "an intact member still reads");
            session.exporter().export(RUN, new ExportOptions(ExportFormat.CSV, new MemberRange(0, 0), 0),
                    root.resolve("member0.csv"));
        }
        assertEquals(before, digest(file), "reading a corrupted journal leaves it untouched");
    }

    @Test
    void aRecordMissingBetweenOthersIsReportedNotSkipped(@TempDir Path root) throws Exception {
        Path data = root.resolve("data");
        try (JournalFixture journal = JournalFixture.open(data, "")) {
            journal.recordRun(RUN, 0, N, 50, 10, true);
            journal.recordRun(RUN, 1, N, 50, 10, true);
        }
        DataDirectory dir = DataDirectory.openExisting(data);
        try (java.sql.Connection db = Journal.connect(JournalConfig.forWriting(dir, ConfigFactory.empty()));
             java.sql.PreparedStatement delete = db.prepareStatement(
                     "DELETE FROM \"event_journal\" WHERE \"persistence_id\" = ? AND \"sequence_number\" = 3")) {
            delete.setString(1, PersistenceIds.persistenceId(RUN, 1));
            assertEquals(1, delete.executeUpdate());
        }
        try (JournalSession session = JournalSession.openForReading(data, ConfigFactory.empty())) {
            JournalException e = assertThrows(JournalException.class, () -> session.reader().verify(RUN));
            assertTrue(e.getMessage().contains("run " + RUN + " member 1: its records #3 to #3 are missing"), e.getMessage());
            assertThrows(JournalException.class, () -> session.exporter()
                    .export(RUN, ExportOptions.all(ExportFormat.CSV), root.resolve("out.csv")));
            assertEquals(6, session.reader().events(RUN, 0)
                    .filter(org.dysonsim.protocol.TrajectoryEvent.SnapshotRecorded.class::isInstance).count(),
                    "an intact member still reads");
        }
    }

    @Test
    void anIntactRunReadsBackWithTheMembersThatCompleted(@TempDir Path root) {
        Path data = root.resolve("data");
        try (JournalFixture journal = JournalFixture.open(data, "")) {
            journal.recordRun(RUN, 0, N, 50, 10, true);
            journal.recordRun(RUN, 1, N, 30, 10, false);
        }
        try (JournalSession session = JournalSession.openForReading(data, ConfigFactory.empty())) {
            assertEquals(new TrajectoryReader.ReadBack(2, 1, 6 + 4), session.reader().verify(RUN));
        }
        assertEquals(TrajectoryReader.ReadBack.NOTHING, JournalSession.verifyRun(data, ConfigFactory.empty(), "other-run"));
    }

    private static void assertCorruptionLine(JournalException e) {
        String message = e.getMessage();
        assertTrue(message.contains("run " + RUN + " member 1"), message);
        assertTrue(message.contains("step 20"), message);
        assertTrue(message.contains("corrupted"), message);
        assertFalse(message.contains("\n"), message);
    }

    static String digest(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
