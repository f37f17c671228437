package org.dysonsim.scenarios.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.dysonsim.scenarios.config.TerminalText;

/**
 * A JVM error (out of memory, stack overflow) in any thread of the process: one line on stderr,
 * saying what happened and, during a run, how to continue it, then exit code 1 at once. Ending at
 * once is as safe as a SIGKILL, which the journal is built for; the run stays unfinished and
 * {@code dyson resume} continues it. Other uncaught failures go to the handler given.
 */
final class FatalErrors {
    private static final AtomicBoolean ENDING = new AtomicBoolean();

    private FatalErrors() {}

    /** For every thread without a handler of its own (the journal's pools, the database's threads). */
    static void installDefault() {
        Thread.setDefaultUncaughtExceptionHandler(handler(Thread.getDefaultUncaughtExceptionHandler()));
    }

    /** A handler that ends the process on a JVM error and hands anything else to {@code others} (if any). */
    static Thread.UncaughtExceptionHandler handler(Thread.UncaughtExceptionHandler others) {
        return handler(others, System.err, Runtime.getRuntime()::halt, ENDING);
    }

    /** As above, printing to {@code err} and ending by {@code halt}; {@code ending} keeps a second thread's line out. */
    static Thread.UncaughtExceptionHandler handler(Thread.UncaughtExceptionHandler others, PrintStream err,
                                                   IntConsumer halt, AtomicBoolean ending) {
        return (thread, failure) -> {
            if (failure instanceof VirtualMachineError error) {
                end(error, err, halt, ending);
            } else if (others != null) {
                others.uncaughtException(thread, failure);
            } else {
                err.println("dyson: internal error in thread " + thread.getName() + ": " + TerminalText.oneLine(String.valueOf(failure)));
                err.flush();
            }
        };
    }

    private static void end(VirtualMachineError error, PrintStream err, IntConsumer halt, AtomicBoolean ending) {
        try {
            if (ending.compareAndSet(false, true)) {
                String run = Interruption.inProgress();
                err.println("dyson: " + TerminalText.oneLine(Main.fatalLine(error) + (run == null ? "" : "; " + run)));
                err.flush();
            }
        } catch (Throwable ignored) {
            // no memory even for the line: the exit code still tells
        } finally {
            halt.accept(Main.FAILED);
        }
    }
}
