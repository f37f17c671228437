package org.dysonsim.scenarios.cli;

import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * SIGINT (Ctrl-C) and SIGTERM: one line on stderr saying what was interrupted and, while a run is
 * simulated or reported, how to continue it; then the process ends at once with the shell's
 * convention, 128 + the signal's number ({@link #SIGINT_EXIT}, {@link #SIGTERM_EXIT}). Ending at
 * once is as safe as a SIGKILL, which the journal is built for (every acknowledged snapshot is in
 * the file), and it leaves the run unfinished in the journal, so {@code dyson list} shows it
 * interrupted and {@code dyson resume} continues it; the actor system is not shut down, so it logs
 * nothing. {@code sun.misc.Signal} (module jdk.unsupported) is the JDK's only way to tell SIGINT
 * from SIGTERM and to keep the JVM's shutdown hooks, and their log lines, from running.
 */
final class Interruption {
    static final int SIGINT_EXIT = 130;
    static final int SIGTERM_EXIT = 143;

    /** The line for the run in progress, null between runs. */
    private static final AtomicReference<String> current = new AtomicReference<>();

    private Interruption() {}

    /** Takes over SIGINT and SIGTERM for this process. */
    static void install() {
        handle("INT", SIGINT_EXIT);
        handle("TERM", SIGTERM_EXIT);
    }

    /** From now on an interruption prints {@code what} (what was interrupted and how to go on), until {@link #idle}. */
    static void during(String what) {
        current.set(what);
    }

    /** The run in progress is finished (its report written): an interruption now names none. */
    static void idle() {
        current.set(null);
    }

    /** What an interruption now would interrupt and how to go on, null between runs. */
    static String inProgress() {
        return current.get();
    }

    /** The one line printed on {@code signal} (INT or TERM). */
    static String line(String signal) {
        String run = current.get();
        return "dyson: " + (run == null ? "interrupted" : run) + " (SIG" + signal + ")";
    }

    private static void handle(String name, int exit) {
        try {
            Signal.handle(new Signal(name), signal -> {
                // on a terminal, the progress bar's line is cleared first
                System.err.println((System.console() != null ? "\r\033[K" : "") + line(name));
                System.err.flush();
                Runtime.getRuntime().halt(exit);
            });
        } catch (IllegalArgumentException e) {
            // the signal is ignored in this process (started in the background by a shell): it cannot arrive
        }
    }
}
