package org.dysonsim.persistence;

import java.sql.SQLException;

/**
 * The JVM running out of memory inside the journal's database. H2 catches an
 * {@link OutOfMemoryError} in its own work and hands it to the statement's caller as an SQL error
 * (code 90108), which looks like any failed write: retried, it fails again with the heap no larger.
 * Such a failure is a JVM error and ends the process as one does ({@link #asError}).
 */
final class JournalOutOfMemory {

    /** H2's error code for an OutOfMemoryError caught inside the database. */
    static final int H2_OUT_OF_MEMORY = 90108;

    private JournalOutOfMemory() {}

    /**
     * What ran out ("Java heap space", say) if {@code failure} or one of its causes is an
     * {@link OutOfMemoryError} or H2's out-of-memory error; else null.
     */
    static String heapOf(Throwable failure) {
        boolean sqlOutOfMemory = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OutOfMemoryError error) {
                return error.getMessage() == null ? "Java heap space" : error.getMessage();
            }
            sqlOutOfMemory |= cause instanceof SQLException sql && sql.getErrorCode() == H2_OUT_OF_MEMORY;
        }
        return sqlOutOfMemory ? "Java heap space" : null;
    }

    /**
     * The JVM error to throw for a failed write of {@code persistenceId}'s events, or null if the
     * failure is not the JVM running out of memory (a write that may succeed when tried again).
     */
    static OutOfMemoryError asError(String persistenceId, Throwable failure) {
        String heap = heapOf(failure);
        if (heap == null) return null;
        OutOfMemoryError error = new OutOfMemoryError(heap + ", in the journal database while writing "
                + RecordIntegrity.owner(persistenceId));
        error.initCause(failure);
        return error;
    }
}
