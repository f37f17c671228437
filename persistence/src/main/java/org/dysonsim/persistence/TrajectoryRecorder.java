package org.dysonsim.persistence;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.RecorderJournalCommand;

import java.util.ArrayList;
import java.util.List;

/**
 * The recorder of one ensemble member's trajectory (persistence id {@code run|<run-id>|<member>}).
 * It answers {@link RecorderCommand}s in the order they arrive, each once its event is durable.
 * Writes are batched: while one write is in flight, arriving commands wait and are then persisted
 * together by one {@code persistAll}, so a fast simulation pays one database round trip per batch,
 * not per snapshot. The event-sourced part is {@link RecorderJournal}, a child. A failed write
 * restarts it with backoff and the unanswered batch is sent again ({@code dysonsim.recorder.
 * max-write-retries}); if it still fails, the child stops and the recorder with it, so whoever
 * watches the recorder learns of the failure. The JVM running out of memory inside the database
 * is not retried: it ends the process as any JVM error does ({@link JournalOutOfMemory}). A matrix-level member's checkpoints go to a second
 * child, the {@link CheckpointStore}, started on the first checkpoint command.
 */
public final class TrajectoryRecorder extends AbstractBehavior<RecorderCommand> {

    private final String persistenceId;
    private final RecorderSettings settings;
    private final ActorRef<RecorderJournalCommand> journal;
    private ActorRef<RecorderCommand> checkpoints;
    private final ActorRef<RecorderCommand.BatchWritten> written;
    private final int maxBatch;
    private List<RecorderCommand> pending = new ArrayList<>();
    /** The batch sent and not yet answered, null if none. */
    private List<RecorderCommand> writing;
    private int recoveries;

    private TrajectoryRecorder(ActorContext<RecorderCommand> context, String persistenceId, RecorderSettings settings) {
        super(context);
        this.persistenceId = persistenceId;
        this.settings = settings;
        this.journal = context.spawn(RecorderJournal.create(persistenceId, settings, context.getSelf().narrow()), "journal");
        context.watch(journal);
        this.written = context.getSelf().narrow();
        this.maxBatch = settings.maxBatch();
    }

    /** A recorder with the settings of {@code dysonsim.recorder} in the actor system's configuration. */
    public static Behavior<RecorderCommand> create(String runId, int member) {
        return Behaviors.<RecorderCommand>setup(context -> new TrajectoryRecorder(context, persistenceId(runId, member),
                RecorderSettings.fromConfig(context.getSystem().settings().config())));
    }

    public static Behavior<RecorderCommand> create(String runId, int member, RecorderSettings settings) {
        return Behaviors.<RecorderCommand>setup(context -> new TrajectoryRecorder(context, persistenceId(runId, member),
                settings));
    }

    /** The recorder of a member's h/2 companion (error control), under {@link PersistenceIds#finePersistenceId}. */
    public static Behavior<RecorderCommand> createFine(String runId, int member) {
        return Behaviors.<RecorderCommand>setup(context -> new TrajectoryRecorder(context, PersistenceIds.finePersistenceId(runId, member),
                RecorderSettings.fromConfig(context.getSystem().settings().config())));
    }

    /** {@code run|<run-id>|<member>}. */
    public static String persistenceId(String runId, int member) {
        return PersistenceIds.persistenceId(runId, member);
    }

    @Override
    public Receive<RecorderCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(RecorderCommand.BatchWritten.class, w -> onWritten())
                .onMessage(RecorderCommand.JournalRecovered.class, r -> onRecovered())
                .onMessage(RecorderCommand.class, this::onCommand)
                .onSignal(Terminated.class, t -> onJournalStopped())
                .build();
    }

    private Behavior<RecorderCommand> onCommand(RecorderCommand command) {
        if (command instanceof RecorderCommand.SaveCheckpoint || command instanceof RecorderCommand.GetCheckpoint) {
            if (checkpoints == null) {
                checkpoints = getContext().spawn(CheckpointStore.create(persistenceId, settings), "checkpoint");
                getContext().watch(checkpoints);
            }
            checkpoints.tell(command);
            return this;
        }
        pending.add(command);
        if (writing == null) {
            flush();
        }
        return this;
    }

    private Behavior<RecorderCommand> onWritten() {
        writing = null;
        if (!pending.isEmpty()) {
            flush();
        }
        return this;
    }

    /**
     * The journal recovered. After its first start this means a write failed and the journal
     * restarted: the unanswered batch is sent again. Resending is safe even if the failed write
     * did reach the database, because steps already recorded are acknowledged, not repeated.
     */
    private Behavior<RecorderCommand> onRecovered() {
        recoveries++;
        if (recoveries > 1 && writing != null) {
            // one failure is what a neighbour serving the embedded file costs when it exits; if
            // retrying does not help, the recorder stops and its watcher reports that (RecorderSettings)
            String message = "a journal write of {} failed; writing its {} commands again";
            if (recoveries - 1 > RecorderSettings.QUIET_RETRIES) {
                getContext().getLog().info(message, getContext().getSelf().path(), writing.size());
            } else {
                getContext().getLog().debug(message, getContext().getSelf().path(), writing.size());
            }
            journal.tell(new RecorderJournalCommand.Persist(writing, written));
        }
        return this;
    }

    private void flush() {
        List<RecorderCommand> batch;
        if (pending.size() <= maxBatch) {
            batch = pending;
            pending = new ArrayList<>();
        } else {
            batch = new ArrayList<>(pending.subList(0, maxBatch));
            pending = new ArrayList<>(pending.subList(maxBatch, pending.size()));
        }
        getContext().getLog().debug("persisting a batch of {} commands", batch.size());
        journal.tell(new RecorderJournalCommand.Persist(batch, written));
        writing = batch;
    }

    private Behavior<RecorderCommand> onJournalStopped() {
        // info: the member watching this recorder fails, and the run reports why in one line
        getContext().getLog().info("the journal or checkpoint store of {} stopped; {} commands were not recorded",
                getContext().getSelf().path(), pending.size());
        return Behaviors.stopped();
    }
}
