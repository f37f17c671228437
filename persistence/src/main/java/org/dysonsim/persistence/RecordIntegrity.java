package org.dysonsim.persistence;

import org.dysonsim.protocol.TrajectoryEvent;

/**
 * Every snapshot and gradient record read from the journal is checked against the checksum it
 * was stored with ({@link org.dysonsim.protocol.TrajectoryChecksum}): a mismatch, or bytes that
 * no longer decode, stop the read with one line naming the run, the member and the step, so a
 * changed byte on disk is never reported as a number.
 */
final class RecordIntegrity {

    private RecordIntegrity() {}

    /** @throws JournalException if the event's fields are not those its checksum was computed from */
    static TrajectoryEvent checked(String persistenceId, TrajectoryEvent event) {
        if (event instanceof TrajectoryEvent.SnapshotRecorded snapshot && !snapshot.intact()) {
            throw corrupted(persistenceId, "the snapshot of step " + snapshot.step() + " does not match its checksum");
        }
        if (event instanceof TrajectoryEvent.GradientRecorded gradient && !gradient.intact()) {
            throw corrupted(persistenceId, "the gradient record of step " + gradient.step()
                    + " does not match its checksum");
        }
        if (event instanceof TrajectoryEvent.NetworkMetricsRecorded metrics && !metrics.intact()) {
            throw corrupted(persistenceId, "the network metrics of step " + metrics.step() + " do not match their checksum");
        }
        return event;
    }

    /**
     * @throws JournalException if {@code sequenceNr} does not follow {@code previous}, i.e. records
     *                          between them are missing from the journal
     */
    static void checkContiguous(String persistenceId, long previous, long sequenceNr) {
        if (sequenceNr != previous + 1) {
            throw corrupted(persistenceId, "its records #" + (previous + 1) + " to #" + (sequenceNr - 1)
                    + " are missing");
        }
    }

    /** A failure to read one member's events, as one line naming the member. */
    static Throwable unreadable(String persistenceId, Throwable failure) {
        if (failure instanceof JournalException) {
            return failure;
        }
        String message = String.valueOf(failure.getMessage());
        int newline = message.indexOf('\n');
        if (outOfMemory(failure)) {
            // the heap, not the journal: H2 reports an OutOfMemoryError as an SQL error of its own
            return new JournalException(owner(persistenceId) + ": out of memory while reading the journal; give the JVM"
                    + " more with DYSON_JAVA_OPTS=-Xmx... (the journal is left untouched)", failure);
        }
        java.sql.SQLException database = databaseFailure(failure);
        if (database != null) {
            // the database did not answer (a connection lost, say), which says nothing of the records
            String said = String.valueOf(database.getMessage());
            return new JournalException(owner(persistenceId) + ": its records cannot be read from the journal ("
                    + said.lines().findFirst().orElse("") + "); the journal is left untouched", failure);
        }
        return corrupted(persistenceId, "a stored event cannot be read ("
                + (newline < 0 ? message : message.substring(0, newline)) + ")", failure);
    }

    /** H2's error codes for a database file that is damaged or not H2's. */
    private static final java.util.Set<Integer> H2_FILE_DAMAGED =
            java.util.Set.of(Journal.H2_FILE_CORRUPTED, Journal.H2_WRONG_FORMAT, Journal.H2_FILE_VERSION);

    /** The database's own failure, if it is one, not a damaged file or bytes that do not decode; else null. */
    private static java.sql.SQLException databaseFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                return H2_FILE_DAMAGED.contains(sql.getErrorCode()) ? null : sql;
            }
        }
        return null;
    }

    private static boolean outOfMemory(Throwable failure) {
        return JournalOutOfMemory.heapOf(failure) != null;
    }

    private static JournalException corrupted(String persistenceId, String what) {
        return corrupted(persistenceId, what, null);
    }

    private static JournalException corrupted(String persistenceId, String what, Throwable cause) {
        return new JournalException(owner(persistenceId) + ": " + what + "; the journal is corrupted (left untouched)",
                cause);
    }

    /** "run R member M", "run R member M (h/2 companion)" or the persistence id itself. */
    static String owner(String persistenceId) {
        PersistenceIds.Member member = PersistenceIds.parse(persistenceId);
        if (member != null) {
            return "run " + member.runId() + " member " + member.member();
        }
        PersistenceIds.Member fine = PersistenceIds.parseFine(persistenceId);
        if (fine != null) {
            return "run " + fine.runId() + " member " + fine.member() + " (h/2 companion)";
        }
        return persistenceId;
    }
}
