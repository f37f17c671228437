package org.dysonsim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What a read that fails says: the heap running out is not a corrupted journal. */
class RecordIntegrityTest {

    private static final String MEMBER = PersistenceIds.persistenceId("r", 3);

    @Test
    void runningOutOfMemoryWhileReadingIsNotCalledCorruption() {
        RuntimeException h2 = new RuntimeException(new SQLException("Out of memory.; SQL statement:", "HY000", 90108));
        assertEquals("run r member 3: out of memory while reading the journal; give the JVM more with"
                + " DYSON_JAVA_OPTS=-Xmx... (the journal is left untouched)", RecordIntegrity.unreadable(MEMBER, h2).getMessage());
        assertEquals("run r member 3: a stored event cannot be read (bad bytes); the journal is corrupted (left untouched)",
                RecordIntegrity.unreadable(MEMBER, new IllegalStateException("bad bytes\nmore")).getMessage());
        JournalException named = new JournalException("named");
        assertSame(named, RecordIntegrity.unreadable(MEMBER, named));
    }
}
