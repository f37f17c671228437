package org.dysonsim.persistence;

/**
 * A problem with the data directory or the journal that the user can act on: unknown run, a
 * directory that is not ours, a corrupted or locked database. The message is one line, fit to be
 * printed as is by the command line.
 */
public final class JournalException extends RuntimeException {

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
