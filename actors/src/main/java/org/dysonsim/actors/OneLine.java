package org.dysonsim.actors;

/** Diagnostics on one line: what a run's failure says to the user. */
final class OneLine {
    private OneLine() {}

    /** The exception's simple class name and message, line breaks replaced by spaces. */
    static String of(Throwable t) {
        String message = t.getMessage();
        String line = t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return line.replace('\n', ' ').replace('\r', ' ');
    }
}
