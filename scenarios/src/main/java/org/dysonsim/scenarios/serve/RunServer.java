package org.dysonsim.scenarios.serve;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.stream.Materializer;
import org.dysonsim.persistence.FatalErrorActorSystem;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.scenarios.config.TerminalText;

/**
 * {@code dyson serve}'s HTTP server on a data directory: Pekko HTTP on its own actor system, the
 * journal read through one read-only session, and one poller thread that reads, for the runs
 * that open live pages watch, what their members recorded since the last poll. It writes nothing.
 */
public final class RunServer implements AutoCloseable {
    /** A run's live state is dropped once no page has asked for it this long. */
    private static final Duration IDLE = Duration.ofSeconds(30);
    /** A watched run that recorded within this long keeps the journal session open between polls (JournalReads). */
    private static final Duration RECORDING = Duration.ofSeconds(10);
    private static final Config HTTP = ConfigFactory.parseString("""
            # the server says its own failures in one line (a port in use, say); Pekko's log would repeat them
            pekko.loglevel = OFF
            pekko.http.server.server-header = dyson-serve
            pekko.http.server.idle-timeout = 120 s
            pekko.http.server.parsing.max-uri-length = 4k
            pekko.http.server.parsing.error-verbosity = simple
            pekko.http.server.verbose-error-messages = off
            """);

    private final JournalReads reads;
    private final ActorSystem<Void> system;
    private final ServerBinding binding;
    private final ScheduledExecutorService poller;
    private String lastPollFailure;

    private RunServer(JournalReads reads, ActorSystem<Void> system, ServerBinding binding, ScheduledExecutorService poller) {
        this.reads = reads;
        this.system = system;
        this.binding = binding;
        this.poller = poller;
    }

    /**
     * Serves {@code dataDir} on {@code host:port} (port 0: any free port).
     *
     * @throws org.dysonsim.persistence.JournalException if the directory or its journal cannot be read
     * @throws ServeException if the address cannot be listened on
     */
    public static RunServer start(Path dataDir, Config journalOverrides, String host, int port) {
        DataDirectory dir = DataDirectory.openExisting(dataDir);
        JournalReads reads = new JournalReads(dataDir, journalOverrides);
        ActorSystem<Void> system = FatalErrorActorSystem.start("dyson-serve", HTTP.withFallback(ConfigFactory.load()));
        ServeRoutes routes = new ServeRoutes(dir, reads, Materializer.matFromSystem(system));
        ServerBinding binding;
        try {
            binding = Http.get(system).newServerAt(host, port).bind(routes.route()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            system.terminate();
            reads.close();
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new ServeException("cannot listen on " + host + ":" + port + ": " + TerminalText.oneLine(String.valueOf(cause.getMessage())));
        }
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dyson-serve-poller");
            thread.setDaemon(true);
            return thread;
        });
        RunServer server = new RunServer(reads, system, binding, poller);
        long tick = ServeRoutes.TICK.toMillis();
        poller.scheduleWithFixedDelay(() -> server.poll(routes.watches()), tick, tick, TimeUnit.MILLISECONDS);
        return server;
    }

    public int port() {
        return binding.localAddress().getPort();
    }

    /** The server's root URL, {@code http://HOST:PORT/}. */
    public String url() {
        return "http://" + binding.localAddress().getHostString() + ":" + port() + "/";
    }

    private void poll(Map<String, RunWatch> watches) {
        watches.values().removeIf(watch -> watch.unusedFor(IDLE));
        reads.keepOpen(true); // one session for the whole round
        for (RunWatch watch : watches.values()) {
            try {
                reads.read(session -> {
                    watch.poll(session, Materializer.matFromSystem(system));
                    return null;
                });
                lastPollFailure = null;
            } catch (RuntimeException e) {
                // said once, not every second; the next poll tries again
                String line = TerminalText.oneLine(String.valueOf(e.getMessage()));
                if (!line.equals(lastPollFailure)) System.err.println("dyson serve: cannot read the journal: " + line);
                lastPollFailure = line;
            }
        }
        reads.keepOpen(watches.values().stream().anyMatch(watch -> watch.recordedWithin(RECORDING)));
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            binding.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // stopping anyway
        }
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // stopping anyway
        }
        reads.close();
    }

    /** The server cannot start (the port is taken, say): one line. */
    public static final class ServeException extends RuntimeException {
        public ServeException(String line) {
            super(line);
        }
    }
}
