package org.dysonsim.persistence;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.typed.JournalPersistFailed;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.RecorderJournalCommand;
import org.dysonsim.protocol.RecorderCommand.Ack;
import org.dysonsim.protocol.RecorderCommand.RecorderState;
import org.dysonsim.protocol.RecorderCommand.Status;
import org.dysonsim.protocol.TrajectoryEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * The event-sourced half of a {@link TrajectoryRecorder}: it persists a batch of recorder
 * commands with one {@code persistAll} and then answers each command. Its state is only the last
 * snapshot (never the trajectory), and Pekko snapshots of it every {@code snapshot-every} events
 * keep recovery short.
 */
final class RecorderJournal extends EventSourcedBehavior<RecorderJournalCommand, TrajectoryEvent, RecorderState> {


    static final RecorderState EMPTY = new RecorderState(null, null, Status.NEW, null);

    private final RecorderSettings settings;
    private final ActorRef<RecorderCommand.JournalRecovered> owner;

    private RecorderJournal(PersistenceId id, RecorderSettings settings, ActorRef<RecorderCommand.JournalRecovered> owner) {
        // A failed write (the database went away, e.g. the process serving the embedded file
        // exited) restarts this actor with backoff; it recovers and its owner re-sends the batch.
        super(id, settings.writeRetries());
        this.settings = settings;
        this.owner = owner;
    }

    static Behavior<RecorderJournalCommand> create(String persistenceId, RecorderSettings settings, ActorRef<RecorderCommand.JournalRecovered> owner) {
        return new RecorderJournal(PersistenceId.ofUniqueId(persistenceId), settings, owner);
    }

    @Override
    public SignalHandler<RecorderState> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), state -> owner.tell(new RecorderCommand.JournalRecovered()))
                .onSignal(JournalPersistFailed.class, (state, failed) -> {
                    // out of memory in the database is the JVM's error, not the journal's: retrying
                    // fails again; thrown, it ends the process as any JVM error does
                    OutOfMemoryError error = JournalOutOfMemory.asError(persistenceId().id(), failed.failure());
                    if (error != null) throw error;
                })
                .build();
    }

    @Override
    public RecorderState emptyState() {
        return EMPTY;
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), settings.keepSnapshots());
    }

    @Override
    public CommandHandler<RecorderJournalCommand, TrajectoryEvent, RecorderState> commandHandler() {
        return newCommandHandlerBuilder().forAnyState().onCommand(RecorderJournalCommand.Persist.class, this::onPersist).build();
    }

    @Override
    public EventHandler<RecorderState, TrajectoryEvent> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(RecorderJournal::apply);
    }

    private Effect<TrajectoryEvent, RecorderState> onPersist(RecorderState state, RecorderJournalCommand.Persist batch) {
        List<TrajectoryEvent> events = new ArrayList<>();
        List<Runnable> replies = new ArrayList<>(batch.commands().size() + 1);
        RecorderState current = state;
        for (RecorderCommand command : batch.commands()) {
            for (TrajectoryEvent event : eventsOf(current, command)) {
                events.add(event);
                current = apply(current, event);
            }
            replies.add(replyOf(command, current));
        }
        int count = batch.commands().size();
        replies.add(() -> batch.replyTo().tell(new RecorderCommand.BatchWritten(count)));
        Runnable answerAll = () -> replies.forEach(Runnable::run);
        if (events.isEmpty()) {
            return Effect().none().thenRun(ignored -> answerAll.run());
        }
        return Effect().persist(events).thenRun(ignored -> answerAll.run());
    }

    /**
     * The events a command adds to the journal: none if they would repeat what is recorded; a
     * snapshot with its gradient record (matrix-level runs) and metrics (networks; imports of weight
     * matrices, for their random distances) gives each it has, in that order.
     */
    static List<TrajectoryEvent> eventsOf(RecorderState state, RecorderCommand command) {
        TrajectoryEvent event = eventOf(state, command);
        if (event == null) return List.of();
        if (command instanceof RecorderCommand.Record record) {
            return java.util.stream.Stream.of(event, record.gradient(), record.metrics())
                    .filter(java.util.Objects::nonNull).toList();
        }
        return List.of(event);
    }

    /** The main event a command adds to the journal, or null if it would repeat what is recorded. */
    static TrajectoryEvent eventOf(RecorderState state, RecorderCommand command) {
        boolean ended = state.status() == Status.COMPLETED || state.status() == Status.FAILED;
        if (command instanceof RecorderCommand.Begin begin) {
            return state.started() == null ? begin.started() : null;
        }
        if (command instanceof RecorderCommand.Record record) {
            // A resumed member re-sends steps it had already recorded: acknowledge, do not repeat.
            boolean seen = state.last() != null && record.snapshot().step() <= state.last().step();
            return ended || seen ? null : record.snapshot();
        }
        if (command instanceof RecorderCommand.Complete complete) {
            return ended ? null : complete.completed();
        }
        if (command instanceof RecorderCommand.Fail fail) {
            return ended ? null : fail.failed();
        }
        return null;
    }

    private static Runnable replyOf(RecorderCommand command, RecorderState after) {
        if (command instanceof RecorderCommand.Begin begin) {
            return () -> begin.replyTo().tell(new Ack(Ack.NO_STEP));
        }
        if (command instanceof RecorderCommand.Record record) {
            return () -> record.replyTo().tell(new Ack(record.snapshot().step()));
        }
        if (command instanceof RecorderCommand.Complete complete) {
            return () -> complete.replyTo().tell(new Ack(complete.completed().step()));
        }
        if (command instanceof RecorderCommand.Fail fail) {
            return () -> fail.replyTo().tell(new Ack(fail.failed().step()));
        }
        RecorderCommand.GetState get = (RecorderCommand.GetState) command;
        return () -> get.replyTo().tell(after);
    }

    static RecorderState apply(RecorderState state, TrajectoryEvent event) {
        if (event instanceof TrajectoryEvent.RunStarted started) {
            return new RecorderState(started, state.last(), Status.RUNNING, null);
        }
        if (event instanceof TrajectoryEvent.SnapshotRecorded snapshot) {
            return new RecorderState(state.started(), snapshot, state.status(), state.failure());
        }
        if (event instanceof TrajectoryEvent.GradientRecorded || event instanceof TrajectoryEvent.NetworkMetricsRecorded) {
            return state; // the resume point is the snapshot beside it
        }
        if (event instanceof TrajectoryEvent.RunCompleted) {
            return new RecorderState(state.started(), state.last(), Status.COMPLETED, null);
        }
        TrajectoryEvent.RunFailed failed = (TrajectoryEvent.RunFailed) event;
        return new RecorderState(state.started(), state.last(), Status.FAILED, failed.reason());
    }
}
