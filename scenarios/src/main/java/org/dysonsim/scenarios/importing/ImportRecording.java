package org.dysonsim.scenarios.importing;

import org.dysonsim.persistence.FatalErrorActorSystem;
import org.dysonsim.persistence.SystemShutdown;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.dysonsim.actors.EngineSettings;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.Journal;
import org.dysonsim.persistence.JournalConfig;
import org.dysonsim.persistence.JournalException;
import org.dysonsim.persistence.TrajectoryRecorder;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;

/**
 * Records an imported run through the members' {@link TrajectoryRecorder}s into the data
 * directory's journal, as a simulated run is recorded: a {@code RunStarted} per member, then per
 * record its snapshot (and gradient record, and the layers' random distances) in one write, then {@code RunCompleted}. At most
 * {@link #IN_FLIGHT} records wait for their acknowledgement, so the journal keeps pace with the
 * reading and memory stays bounded.
 */
final class ImportRecording implements AutoCloseable {
    private static final int IN_FLIGHT = 64;
    private static final Duration ACK_TIMEOUT = Duration.ofMinutes(2);
    /** The command line's actor-system settings (quiet logging), as the engine uses. */
    private static final String SETTINGS = "dyson-cli.conf";

    private final ActorSystem<Void> system;
    private final String codeVersion;

    private ImportRecording(ActorSystem<Void> system) {
        this.system = system;
        this.codeVersion = EngineSettings.from(system.settings().config()).codeVersion();
    }

    /** An actor system on the journal that {@code journal} selects for {@code dir}, its tables created. */
    static ImportRecording open(DataDirectory dir, Config journal) {
        Config config = JournalConfig.forWriting(dir, journal.withFallback(ConfigFactory.parseResources(SETTINGS)))
                .withFallback(ConfigFactory.defaultApplication()).withFallback(ConfigFactory.defaultReference()).resolve();
        try (Connection held = Journal.open(config)) { // the file stays open while the pool starts
            ActorSystem<Void> system = FatalErrorActorSystem.start("dyson-import", config);
            try {
                Journal.ensureSchema(system);
            } catch (RuntimeException e) {
                system.terminate();
                throw e;
            }
            return new ImportRecording(system);
        } catch (SQLException e) {
            throw new JournalException("cannot close a journal connection: " + e.getMessage(), e);
        }
    }

    /** Receives each member's records in order and writes them; one member at a time. */
    final class Member implements AutoCloseable {
        private final ActorRef<RecorderCommand> recorder;
        private final Deque<CompletionStage<RecorderCommand.Ack>> waiting = new ArrayDeque<>();
        private long lastStep;

        Member(String runId, int member, String scenario, int n) throws IOException {
            recorder = system.systemActorOf(TrajectoryRecorder.create(runId, member), "import-" + member, Props.empty());
            send(reply -> new RecorderCommand.Begin(new TrajectoryEvent.RunStarted(runId, member, scenario, 0, codeVersion, n), reply));
        }

        void record(TrajectoryEvent.SnapshotRecorded snapshot, TrajectoryEvent.GradientRecorded gradient,
                    TrajectoryEvent.NetworkMetricsRecorded distances) throws IOException {
            lastStep = snapshot.step();
            send(reply -> new RecorderCommand.Record(snapshot, gradient, distances, reply));
        }

        /** Completes the member and waits until everything it was sent is durable. */
        @Override
        public void close() throws IOException {
            send(reply -> new RecorderCommand.Complete(new TrajectoryEvent.RunCompleted(lastStep, lastStep), reply));
            while (!waiting.isEmpty()) await(waiting.poll());
        }

        private void send(Function<ActorRef<RecorderCommand.Ack>, RecorderCommand> command) throws IOException {
            waiting.add(AskPattern.ask(recorder, command::apply, ACK_TIMEOUT, system.scheduler()));
            if (waiting.size() >= IN_FLIGHT) await(waiting.poll());
        }
    }

    private static void await(CompletionStage<RecorderCommand.Ack> ack) throws IOException {
        try {
            ack.toCompletableFuture().get(ACK_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while recording the import", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the journal did not acknowledge a record in " + ACK_TIMEOUT.toSeconds() + " s: "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }

    @Override
    public void close() {
        SystemShutdown.await(system);
    }
}
