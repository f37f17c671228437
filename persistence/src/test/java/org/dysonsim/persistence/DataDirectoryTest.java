package org.dysonsim.persistence;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataDirectoryTest {

    @Test
    void aNewDirectoryIsMarkedAsOurs(@TempDir Path root) {
        DataDirectory.createOrOpen(root.resolve("runs"));
        assertTrue(Files.exists(root.resolve("runs").resolve(DataDirectory.MARKER)));
        DataDirectory.openExisting(root.resolve("runs"));
    }

    @Test
    void aDirectoryThatIsNotOursIsRefusedAndLeftAlone(@TempDir Path root) throws IOException {
        Path foreign = root.resolve("photos");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("holiday.jpg"), "not ours");
        var forWriting = assertThrows(JournalException.class, () -> DataDirectory.createOrOpen(foreign));
        assertTrue(forWriting.getMessage().contains("is not a dysonsim data directory"), forWriting.getMessage());
        var forReading = assertThrows(JournalException.class,
                () -> JournalSession.openForReading(foreign, ConfigFactory.empty()));
        assertTrue(forReading.getMessage().contains("is not a dysonsim data directory"), forReading.getMessage());
        try (var files = Files.list(foreign)) {
            assertEquals(List.of(foreign.resolve("holiday.jpg")), files.toList());
        }
    }

    @Test
    void aMissingDirectoryIsNotCreatedByReading(@TempDir Path root) {
        var refused = assertThrows(JournalException.class,
                () -> JournalSession.openForReading(root.resolve("nothing"), ConfigFactory.empty()));
        assertTrue(refused.getMessage().startsWith("no data directory at "), refused.getMessage());
        assertTrue(Files.notExists(root.resolve("nothing")));
    }

    @Test
    void aDirectoryWithNothingRecordedListsNoRuns(@TempDir Path root) {
        DataDirectory.createOrOpen(root);
        try (JournalSession session = JournalSession.openForReading(root, ConfigFactory.empty())) {
            assertEquals(List.of(), session.list());
            assertThrows(JournalException.class, session::reader);
        }
    }

    @Test
    void aCorruptedDatabaseIsReportedAndLeftUnchanged(@TempDir Path root) throws IOException {
        DataDirectory dir = DataDirectory.createOrOpen(root);
        Files.createDirectories(dir.databaseFile().getParent());
        byte[] garbage = new byte[8192];
        Arrays.fill(garbage, (byte) 0x5a);
        Files.write(dir.databaseFile(), garbage);

        var refused = assertThrows(JournalException.class, () -> JournalSession.openForReading(root, ConfigFactory.empty()));
        assertTrue(refused.getMessage().contains("is corrupted or not an H2 database"), refused.getMessage());
        var refusedForWriting = assertThrows(JournalException.class, () -> Journal.checkConnection(
                JournalConfig.forWriting(dir, ConfigFactory.empty())));
        assertTrue(refusedForWriting.getMessage().contains("is corrupted"), refusedForWriting.getMessage());
        assertArrayEquals(garbage, Files.readAllBytes(dir.databaseFile()));
    }

    @Test
    void runIdsThatCannotNameADirectoryAreRefused() {
        assertThrows(JournalException.class, () -> PersistenceIds.check("../etc"));
        assertThrows(JournalException.class, () -> PersistenceIds.check("a|b"));
        assertThrows(JournalException.class, () -> PersistenceIds.check(""));
        assertEquals("2026-11-23_harmonic.1", PersistenceIds.check("2026-11-23_harmonic.1"));
        assertEquals(new PersistenceIds.Member("r-1", 12), PersistenceIds.parse("run|r-1|12"));
    }

    @Test
    void aMembersStepSizeCompanionBelongsToTheRunWithoutBeingAMember() {
        String fine = PersistenceIds.finePersistenceId("r-1", 12);
        assertEquals(null, PersistenceIds.parse(fine), "not listed as a member (nor as a run)");
        assertEquals(new PersistenceIds.Member("r-1", 12), PersistenceIds.parseFine(fine));
        assertEquals(null, PersistenceIds.parseFine(PersistenceIds.persistenceId("r-1", 12)));
    }
}
