package org.dysonsim.scenarios.report.rendering;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Figures drawn and written on a thread of their own while the report goes on computing: drawing a
 * chart and encoding its PNG is about half of a report's work, and the other core is idle while
 * the report runs. A report opens a queue around its work ({@link #open}) and waits for every
 * figure before it returns ({@link #finish}), so a written report has all its files and the first
 * figure that could not be written fails the report with its own exception. Where no queue is
 * open on the calling thread, a figure is written at once. A chart handed to the queue must not be
 * changed afterwards; at most {@link #AHEAD} figures wait at a time, so charts do not pile up in
 * memory when the report computes faster than they are drawn.
 */
public final class FigureQueue implements AutoCloseable {
    /** Figures submitted and not yet written, at most. */
    static final int AHEAD = 8;
    private static final ThreadLocal<FigureQueue> OPEN = new ThreadLocal<>();

    /** Draws and writes one figure. */
    @FunctionalInterface
    interface Figure {
        void write() throws IOException;
    }

    private final FigureQueue outer;
    private final ExecutorService drawer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dyson-figures");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Future<?>> pending = new ArrayDeque<>();

    private FigureQueue(FigureQueue outer) {
        this.outer = outer;
    }

    /** A queue for the figures this thread writes until it is closed. */
    public static FigureQueue open() {
        FigureQueue queue = new FigureQueue(OPEN.get());
        OPEN.set(queue);
        return queue;
    }

    /** Writes {@code figure} on the open queue's thread, or at once where none is open. */
    static void submit(Figure figure) throws IOException {
        FigureQueue queue = OPEN.get();
        if (queue == null) {
            figure.write();
            return;
        }
        while (queue.pending.size() >= AHEAD) await(queue.pending.removeFirst());
        queue.pending.addLast(queue.drawer.submit(() -> {
            try {
                figure.write();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** Waits for every figure submitted; throws what the first one that failed threw. */
    public void finish() throws IOException {
        while (!pending.isEmpty()) await(pending.removeFirst());
    }

    private static void await(Future<?> figure) throws IOException {
        try {
            figure.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the report's figures were written");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) throw io.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error error) throw error;
            throw new IOException(cause);
        }
    }

    /** Stops the queue's thread (figures not yet written are dropped: a report that failed) and reopens the outer queue. */
    @Override
    public void close() {
        drawer.shutdownNow();
        if (outer == null) OPEN.remove();
        else OPEN.set(outer);
    }
}
