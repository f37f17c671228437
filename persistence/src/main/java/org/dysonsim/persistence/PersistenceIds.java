package org.dysonsim.persistence;

import java.util.regex.Pattern;

/**
 * What a valid run id is, and the persistence ids of a run's members, {@code run|<run-id>|<member>}.
 * A run id is also a directory name, so it is restricted to letters, digits, '.', '_' and '-'. The step-size
 * companion of a member (the same member at h/2, docs/physics.md §2) is recorded under
 * {@code run|<run-id>|<member>|fine}: part of the same run, but never listed as a member of it.
 */
public final class PersistenceIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String PREFIX = "run|";
    private static final String FINE_SUFFIX = "|fine";

    private PersistenceIds() {}

    /** @throws JournalException if {@code runId} cannot name a run */
    public static String check(String runId) {
        if (runId == null || !VALID.matcher(runId).matches()) {
            throw new JournalException("invalid run id \"" + runId + "\": use letters, digits, '.', '_' or '-'"
                    + " (at most 128, not starting with '.', '_' or '-')");
        }
        return runId;
    }

    /** Whether {@code name} can name a run. */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** The persistence id of one ensemble member's recorder. */
    public static String persistenceId(String runId, int member) {
        check(runId);
        if (member < 0) {
            throw new IllegalArgumentException("member must be >= 0, got " + member);
        }
        return PREFIX + runId + "|" + member;
    }

    /** The persistence id of the h/2 companion of one ensemble member (error control). */
    public static String finePersistenceId(String runId, int member) {
        return persistenceId(runId, member) + FINE_SUFFIX;
    }

    /** The run and member of a companion's persistence id, or null for another kind of id. */
    static Member parseFine(String persistenceId) {
        return persistenceId.endsWith(FINE_SUFFIX)
                ? parse(persistenceId.substring(0, persistenceId.length() - FINE_SUFFIX.length())) : null;
    }

    /** The run and member of a recorder's persistence id, or null for another kind of id (a companion's included). */
    static Member parse(String persistenceId) {
        if (!persistenceId.startsWith(PREFIX)) {
            return null;
        }
        int bar = persistenceId.lastIndexOf('|');
        if (bar <= PREFIX.length()) {
            return null;
        }
        try {
            return new Member(persistenceId.substring(PREFIX.length(), bar),
                    Integer.parseInt(persistenceId.substring(bar + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    record Member(String runId, int member) {}
}
