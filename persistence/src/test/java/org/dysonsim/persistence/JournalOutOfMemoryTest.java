package org.dysonsim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which failed writes are the JVM out of memory (fatal) and which may succeed when tried again. */
class JournalOutOfMemoryTest {

    private static final String MEMBER = PersistenceIds.persistenceId("r7", 3);

    @Test
    void h2sOutOfMemoryErrorIsTheJvmsErrorWhereverItIsInTheChain() {
        SQLException h2 = new SQLException("Out of memory. [90108-224]", "90108", JournalOutOfMemory.H2_OUT_OF_MEMORY);
        RuntimeException wrapped = new CompletionException(new IllegalStateException("write failed", h2));
        OutOfMemoryError error = JournalOutOfMemory.asError(MEMBER, wrapped);
        assertEquals("Java heap space, in the journal database while writing run r7 member 3", error.getMessage());
        assertSame(wrapped, error.getCause());
    }

    @Test
    void theErrorsOwnWordsNameWhatRanOut() {
        SQLException h2 = new SQLException("Out of memory.", "90108", JournalOutOfMemory.H2_OUT_OF_MEMORY,
                new OutOfMemoryError("GC overhead limit exceeded"));
        assertEquals("GC overhead limit exceeded", JournalOutOfMemory.heapOf(new RuntimeException(h2)));
        assertEquals("Direct buffer memory", JournalOutOfMemory.heapOf(new OutOfMemoryError("Direct buffer memory")));
    }

    @Test
    void otherDatabaseFailuresAreRetried() {
        assertNull(JournalOutOfMemory.asError(MEMBER, new SQLException("Connection is broken", "90067", 90067)));
        assertNull(JournalOutOfMemory.asError(MEMBER, new SQLException("No space left on device", "HY000", 90028)));
        assertNull(JournalOutOfMemory.asError(MEMBER, new IllegalStateException("closed")));
    }
}
