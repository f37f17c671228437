package org.dysonsim.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What counts as the hand-over of an embedded journal (the process serving the file exited) and
 * what is done about it: the work is done again on a fresh connection; anything else fails at once.
 */
class JournalHandOverTest {

    private static final SQLException BROKEN = new SQLException("Connection is broken: \"session closed\"", "90067", 90067);

    @Test
    void brokenAndRefusedConnectionsOfAnEmbeddedJournalAreAHandOver(@TempDir Path root) {
        Config embedded = JournalConfig.forWriting(DataDirectory.createOrOpen(root), ConfigFactory.empty());
        assertTrue(JournalRetry.handOver(embedded, new RuntimeException(BROKEN)));
        assertTrue(JournalRetry.handOver(embedded, new SQLException("x", "90121", 90121)));
        assertTrue(JournalRetry.handOver(embedded, new RuntimeException(new ConnectException("Connection refused"))));
        assertFalse(JournalRetry.handOver(embedded, new java.sql.SQLTransientConnectionException("Connection is not available")),
                "a pool that timed out has waited long enough");
        assertFalse(JournalRetry.handOver(embedded, new SQLException("File corrupted", "90030", 90030)));
        assertFalse(JournalRetry.handOver(embedded, new IllegalStateException("bad bytes")));
        Config server = ConfigFactory.parseString(
                "pekko-persistence-jdbc.shared-databases.dyson.db.url = \"jdbc:postgresql://localhost/dyson\"");
        assertFalse(JournalRetry.handOver(server, BROKEN), "a server's broken connection is not the embedded hand-over");
    }

    /**
     * A read broken off is taken up again when the file changes hands, including when reopening it
     * meets the next process taking the lock file over (seen as three runs into one new journal
     * finished one after another); a damaged file or a mistake is not.
     */
    @Test
    void aReadIsTakenUpAgainWhileTheFileChangesHands(@TempDir Path root) {
        Config embedded = JournalConfig.forWriting(DataDirectory.createOrOpen(root), ConfigFactory.empty());
        SQLException lockTakenOver = new SQLException("Error opening database: \"Lock file recently modified\"", "HY000", 8000);
        assertTrue(JournalRetry.changingHands(embedded, new RuntimeException(lockTakenOver)));
        assertTrue(JournalRetry.changingHands(embedded, new RuntimeException(BROKEN)));
        assertFalse(JournalRetry.handOver(embedded, lockTakenOver), "not a hand-over: a race for the file");
        assertFalse(JournalRetry.changingHands(embedded, new SQLException("File corrupted", "90030", 90030)));
        assertFalse(JournalRetry.changingHands(embedded, new SQLException("Syntax error", "42001", 42001)));
        assertFalse(JournalRetry.changingHands(embedded, new IllegalStateException("bad bytes")));
    }

    @Test
    void workBrokenByAHandOverOrARaceForTheFileIsDoneAgainAndOtherFailuresAreNot(@TempDir Path root) throws SQLException {
        Config embedded = JournalConfig.forWriting(DataDirectory.createOrOpen(root), ConfigFactory.empty());
        AtomicInteger attempts = new AtomicInteger();
        int answer = JournalRetry.withConnection(embedded, db -> {
            int attempt = attempts.incrementAndGet();
            if (attempt == 1) throw BROKEN;
            if (attempt == 2) throw new SQLException("Error opening database: \"Another process was faster\"", "HY000", 8000);
            try (var query = db.createStatement(); var result = query.executeQuery("SELECT 41 + 1")) {
                result.next();
                return result.getInt(1);
            }
        });
        assertEquals(42, answer);
        assertEquals(3, attempts.get());

        attempts.set(0);
        SQLException syntax = assertThrows(SQLException.class, () -> JournalRetry.withConnection(embedded, db -> {
            attempts.incrementAndGet();
            try (var query = db.createStatement()) {
                return query.executeQuery("SELEC nothing");
            }
        }));
        assertEquals(42001, syntax.getErrorCode());
        assertEquals(1, attempts.get(), "a mistake is not done again");
    }

    @Test
    void aReadTheDatabaseBrokeOffIsNotCalledCorruption() {
        String member = PersistenceIds.persistenceId("r", 3);
        assertEquals("run r member 3: its records cannot be read from the journal (Connection is broken: \"session closed\");"
                + " the journal is left untouched", RecordIntegrity.unreadable(member, new RuntimeException(BROKEN)).getMessage());
        String damaged = RecordIntegrity.unreadable(member, new SQLException("File corrupted while reading", "90030", 90030))
                .getMessage();
        assertTrue(damaged.endsWith("the journal is corrupted (left untouched)"), damaged);
    }
}
