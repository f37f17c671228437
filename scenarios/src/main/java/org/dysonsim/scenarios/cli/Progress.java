package org.dysonsim.scenarios.cli;

import java.io.PrintWriter;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;

/**
 * Progress on stderr: a bar redrawn in place when stderr is a terminal, one line per finished
 * run otherwise, nothing with --quiet.
 */
abstract class Progress implements RunListener {
    /** Redraws of the bar at most this often, so actor threads are not slowed by printing. */
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR = 40;

    static Progress choose(PrintWriter err, boolean quiet, RunSpec run) {
        if (quiet) return new Progress() {
            public void progress(long done, long total) {}
            void finished(RunResult result) {}
        };
        return System.console() != null ? new Bar(err, run) : new Line(err, run);
    }

    abstract void finished(RunResult result);

    static String summary(RunResult result, long nanos) {
        RunSpec s = result.spec();
        String status = result.succeeded() ? "completed" : "failed";
        return name(s) + ": " + status + ", " + s.steps() + " steps × " + s.members() + " members of n = " + s.n()
                + String.format(", %.1f s", nanos / 1e9);
    }

    /** The run id, marked for the h/2 companion of error control. */
    private static String name(RunSpec s) {
        return s.rule().refinement() > 0 ? s.runId() + " (error control at h/2)" : s.runId();
    }

    private static final class Line extends Progress {
        private final PrintWriter err;
        private final long start = System.nanoTime();

        Line(PrintWriter err, RunSpec run) {
            this.err = err;
        }

        public void progress(long done, long total) {}

        void finished(RunResult result) {
            err.println(summary(result, System.nanoTime() - start));
            err.flush();
        }
    }

    private static final class Bar extends Progress {
        private final PrintWriter err;
        private final String id;
        private final long start = System.nanoTime();
        private long lastDraw;

        Bar(PrintWriter err, RunSpec run) {
            this.err = err;
            this.id = name(run);
        }

        public synchronized void progress(long done, long total) {
            long now = System.nanoTime();
            if (now - lastDraw < REDRAW_NANOS && done < total) return;
            lastDraw = now;
            int filled = total > 0 ? (int) (BAR * done / total) : BAR;
            err.print("\r" + id + " [" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] "
                    + (total > 0 ? 100 * done / total : 100) + "%");
            err.flush();
        }

        synchronized void finished(RunResult result) {
            err.print("\r\033[K");
            err.println(summary(result, System.nanoTime() - start));
            err.flush();
        }
    }
}
