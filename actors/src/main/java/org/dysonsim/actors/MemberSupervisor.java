package org.dysonsim.actors;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.BehaviorBuilder;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.physics.gas.NonFiniteStateException;
import org.dysonsim.protocol.EnsembleCommand;
import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.MemberCommand;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;

/**
 * The run supervisor of one ensemble member, one behaviour per phase: waiting for Start, loading
 * what a resumed member's recorder holds, running a generation of simulating actors, paused while
 * the recorder catches up, completing, failing. It spawns the member's recorder and sends it every
 * snapshot as it comes, keeping none: the journal is the trajectory. At most
 * {@code record-backlog} snapshots may be unacknowledged; then the generation is stopped and a new
 * one continues from the last snapshot once half the backlog is written (snapshots are
 * deterministic functions of the run, so the trajectory is the same bits). Progress reported is
 * the last durable step. A failed simulating actor restarts the generation from the last snapshot,
 * at most {@code maxRestarts} times; a non-finite state, a stall or a silent recorder stops the
 * member with a one-line diagnostic. The bookkeeping of writes is {@link WritePipeline}; spawning
 * is {@link ParticleGenerations} or {@link MatrixGenerations}.
 */
final class MemberSupervisor {

    private static final String STALL_TIMER = "stall";
    /** Armed while the recorder owes an answer: the ask timeout, without a future per message. */
    private static final String RECORDER_TIMER = "recorder";

    static Behavior<MemberCommand> create(RunSpec spec, int member, Behavior<RecorderCommand> recorder,
                                          boolean resume, EngineSettings settings,
                                          ActorRef<EnsembleCommand> parent) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers ->
                new MemberSupervisor(context, timers, spec, member, recorder, resume, settings, parent).waiting()));
    }

    private final ActorContext<MemberCommand> context;
    private final TimerScheduler<MemberCommand> timers;
    private final RunSpec spec;
    private final int member;
    private final boolean resume;
    private final EngineSettings settings;
    private final ActorRef<EnsembleCommand> parent;
    private final ActorRef<RecorderCommand> recorder;
    private final ActorRef<RecorderCommand.Ack> acks;
    private final Generations generations;
    private final WritePipeline writes;

    private int generation;
    private int restarts;
    private long faultStep = -1;
    private int faultsLeft;
    /** The last snapshot sent to the recorder (or loaded from it): where the next generation starts. */
    private long lastStep = -1;
    private double[] lastValues;
    /** Where a matrix-level generation starts: the last checkpoint received or loaded, null for W₀. */
    private MatrixCheckpoint restartPoint;
    private long progressStep;

    private MemberSupervisor(ActorContext<MemberCommand> context, TimerScheduler<MemberCommand> timers, RunSpec spec,
                             int member, Behavior<RecorderCommand> recorder, boolean resume, EngineSettings settings,
                             ActorRef<EnsembleCommand> parent) {
        this.context = context;
        this.timers = timers;
        this.spec = spec;
        this.member = member;
        this.resume = resume;
        this.settings = settings;
        this.parent = parent;
        this.recorder = context.spawn(recorder, "recorder");
        context.watch(this.recorder);
        // Answers come back through adapters rather than asks: an ask completes through a future
        // on the common pool, which on a 2-core machine starts a thread per answer.
        this.acks = context.messageAdapter(RecorderCommand.Ack.class, ack -> new MemberCommand.RecordAcked(ack.step()));
        this.generations = spec.model() instanceof MatrixModel matrix ? new MatrixGenerations(context, spec, matrix, member)
                : new ParticleGenerations(context, timers, spec, member, settings);
        this.writes = new WritePipeline(settings.recordBacklog());
    }

    /** Messages every phase answers the same way: a block placed late is released, the recorder's loss ends the member. */
    private BehaviorBuilder<MemberCommand> common() {
        return Behaviors.receive(MemberCommand.class)
                .onMessage(MemberCommand.BlockPlaced.class, m -> {
                    generations.placed(m);
                    return Behaviors.same();
                })
                .onMessage(MemberCommand.RecorderUnavailable.class, m -> recorderLost(m.reason()));
    }

    private Behavior<MemberCommand> waiting() {
        return Behaviors.receive(MemberCommand.class)
                .onMessage(MemberCommand.InjectFault.class, m -> {
                    faultStep = m.atStep();
                    faultsLeft = m.times();
                    return Behaviors.same();
                })
                .onMessage(MemberCommand.Start.class, m -> resume ? loadState() : beginFresh(true))
                .onSignal(Terminated.class, this::onTerminated)
                .build();
    }

    private Behavior<MemberCommand> loadState() {
        recorder.tell(new RecorderCommand.GetState(context.messageAdapter(RecorderCommand.RecorderState.class,
                MemberCommand.StateLoaded::new)));
        expectRecorder("return its state");
        return common().onMessage(MemberCommand.StateLoaded.class, m -> onStateLoaded(m.state()))
                .onSignal(Terminated.class, this::onTerminated).build();
    }

    private Behavior<MemberCommand> onStateLoaded(RecorderCommand.RecorderState state) {
        timers.cancel(RECORDER_TIMER);
        TrajectoryEvent.SnapshotRecorded last = state.last();
        if (last == null) return beginFresh(state.started() == null);
        if (last.values().length != spec.n()) {
            return fail("the last recorded snapshot has " + last.values().length + " values, the model has n = " + spec.n());
        }
        if (!(spec.model() instanceof MatrixModel) || state.status() == RecorderCommand.Status.COMPLETED) {
            return continueAfter(last, state.status());
        }
        // a matrix-level member also needs where W is: its last checkpoint
        recorder.tell(new RecorderCommand.GetCheckpoint(context.messageAdapter(RecorderCommand.CheckpointState.class,
                s -> new MemberCommand.CheckpointLoaded(s.checkpoint()))));
        expectRecorder("return the checkpoint");
        return common().onMessage(MemberCommand.CheckpointLoaded.class, m -> onCheckpointLoaded(m.checkpoint(), last))
                .onSignal(Terminated.class, this::onTerminated).build();
    }

    private Behavior<MemberCommand> onCheckpointLoaded(MatrixCheckpoint checkpoint, TrajectoryEvent.SnapshotRecorded last) {
        timers.cancel(RECORDER_TIMER);
        MatrixModel matrix = (MatrixModel) spec.model();
        if (checkpoint != null && checkpoint.step() <= last.step() && checkpoint.rows() == matrix.rows()
                && checkpoint.cols() == matrix.n()) {
            restartPoint = checkpoint;
        } else if (checkpoint != null) {
            context.getLog().warn("member {}: ignoring a checkpoint of step {} ({}×{}) that does not fit the run "
                    + "(last snapshot at step {}); re-simulating from W₀", member, checkpoint.step(), checkpoint.rows(),
                    checkpoint.cols(), last.step());
        }
        return continueAfter(last, RecorderCommand.Status.RUNNING);
    }

    /** From the initial spectrum; {@code announce}: write RunStarted first. */
    private Behavior<MemberCommand> beginFresh(boolean announce) {
        double[] start = null;
        if (!(spec.model() instanceof MatrixModel)) { // a matrix-level member's step 0 comes from its weight matrix
            try {
                start = spec.initialPositions(member);
            } catch (RuntimeException e) {
                return fail("the initial spectrum could not be sampled: " + describe(e));
            }
            if (start.length != spec.n()) {
                return fail("the initial spectrum has " + start.length + " values, the model has n = " + spec.n());
            }
        }
        if (announce) {
            send(new RecorderCommand.Begin(new TrajectoryEvent.RunStarted(spec.runId(), member, spec.scenarioText(),
                    spec.seed(), settings.codeVersion(), spec.n()), acks), "the start");
        }
        // The clock sends the snapshot of step 0; until it is recorded a restart starts here.
        lastValues = start;
        if (start != null && spec.steps() == 0) record(0, 0.0, start, null);
        return continueFrom(0);
    }

    /** A resumed member continues after its last recorded snapshot {@code last}. */
    private Behavior<MemberCommand> continueAfter(TrajectoryEvent.SnapshotRecorded last, RecorderCommand.Status status) {
        writes.durableUpTo(last.step());
        lastStep = last.step();
        lastValues = last.values().clone();
        progress(last.step());
        if (status == RecorderCommand.Status.COMPLETED) return finish(null);
        return continueFrom(last.step());
    }

    /** A new generation from {@code step}, or completion if there is nothing left to simulate. */
    private Behavior<MemberCommand> continueFrom(long step) {
        if (step >= spec.steps()) return completing();
        generation++;
        long failAt = -1;
        if (faultsLeft > 0) {
            faultsLeft--;
            failAt = faultStep;
        }
        generations.spawn(generation, step, lastValues, restartPoint, failAt);
        armStallTimer();
        return running();
    }

    private Behavior<MemberCommand> running() {
        return common()
                .onMessage(MemberCommand.Snapshot.class, this::onSnapshot)
                .onMessage(MemberCommand.Checkpointed.class, this::onCheckpointed)
                .onMessage(MemberCommand.Progress.class, m -> {
                    if (m.generation() == generation) armStallTimer();
                    return Behaviors.same();
                })
                .onMessage(MemberCommand.Finished.class, m -> {
                    if (m.generation() != generation) return Behaviors.same();
                    generations.stop();
                    timers.cancel(STALL_TIMER);
                    return completing();
                })
                .onMessage(MemberCommand.Diverged.class, m -> m.generation() == generation ? fail(m.diagnostic()) : Behaviors.same())
                .onMessage(MemberCommand.RecordAcked.class, m -> acknowledged(m.step()))
                .onMessage(MemberCommand.Stalled.class, m -> m.generation() != generation ? Behaviors.same()
                        : childFailed("no step finished for " + ParticleGenerations.seconds(settings.stallTimeout())
                                + " after step " + progressStep))
                .onMessage(MemberCommand.BlocksUnplaced.class, m -> {
                    String reason = generations.unplaced(m.generation());
                    return reason == null ? Behaviors.same() : childFailed(reason);
                })
                .onSignal(Terminated.class, this::onTerminated)
                .build();
    }

    private Behavior<MemberCommand> onSnapshot(MemberCommand.Snapshot message) {
        if (message.step() <= lastStep) return Behaviors.same(); // re-simulated after a restart: already sent
        record(message.step(), message.t(), message.values(), message.gradient());
        if (!writes.full() || message.generation() != generation) return Behaviors.same();
        // The recorder is behind: stop simulating until half the backlog is written.
        generations.stop();
        timers.cancel(STALL_TIMER);
        return paused();
    }

    private Behavior<MemberCommand> paused() {
        return common()
                .onMessage(MemberCommand.Checkpointed.class, this::onCheckpointed) // sent by the generation just stopped
                .onMessage(MemberCommand.RecordAcked.class, m -> {
                    acknowledged(m.step());
                    return writes.drained() ? continueFrom(Math.max(lastStep, 0)) : Behaviors.same();
                })
                .onSignal(Terminated.class, this::onTerminated)
                .build();
    }

    /** Completion is sent once everything before it is acknowledged; its acknowledgement ends the member. */
    private Behavior<MemberCommand> completing() {
        writes.dropWaitingCheckpoint();
        if (writes.idle()) {
            long step = Math.max(lastStep, 0);
            send(new RecorderCommand.Complete(new TrajectoryEvent.RunCompleted(step, step * spec.dt()), acks), "completion");
            return awaitingAcks(null);
        }
        return common()
                .onMessage(MemberCommand.RecordAcked.class, m -> {
                    acknowledged(m.step());
                    return writes.idle() ? completing() : Behaviors.same();
                })
                .onSignal(Terminated.class, this::onTerminated)
                .build();
    }

    /** Until every command sent is acknowledged, then the member is done ({@code failure} null: succeeded). */
    private Behavior<MemberCommand> awaitingAcks(String failure) {
        return Behaviors.receive(MemberCommand.class)
                .onMessage(MemberCommand.RecordAcked.class, m -> {
                    acknowledged(m.step());
                    return writes.idle() ? finish(failure) : Behaviors.same();
                })
                .onMessage(MemberCommand.BlockPlaced.class, m -> {
                    generations.placed(m);
                    return Behaviors.same();
                })
                .onMessage(MemberCommand.RecorderUnavailable.class, m -> finish(failure != null ? failure
                        : "member " + member + ": " + m.reason()))
                .onSignal(Terminated.class, signal -> signal.getRef().equals(recorder)
                        ? finish(failure != null ? failure : "member " + member + ": the recorder stopped")
                        : Behaviors.same())
                .build();
    }

    private Behavior<MemberCommand> acknowledged(long step) {
        MatrixCheckpoint ready = writes.acknowledged(step);
        if (ready != null) saveCheckpoint(ready);
        if (writes.idle()) timers.cancel(RECORDER_TIMER);
        else expectRecorder("acknowledge the commands after step " + step);
        if (writes.durableStep() > progressStep) progress(writes.durableStep());
        return Behaviors.same();
    }

    private Behavior<MemberCommand> onCheckpointed(MemberCommand.Checkpointed message) {
        if (message.generation() != generation) return Behaviors.same();
        restartPoint = message.checkpoint();
        MatrixCheckpoint ready = writes.checkpointed(restartPoint);
        if (ready != null) saveCheckpoint(ready);
        return Behaviors.same();
    }

    private void record(long step, double t, double[] positions, TrajectoryEvent.GradientRecorded gradient) {
        lastStep = step;
        lastValues = positions;
        writes.snapshotSent(step);
        recorder.tell(new RecorderCommand.Record(new TrajectoryEvent.SnapshotRecorded(step, t, positions), gradient, acks));
        expectRecorder("acknowledge the snapshot of step " + step);
    }

    private void saveCheckpoint(MatrixCheckpoint checkpoint) {
        send(new RecorderCommand.SaveCheckpoint(checkpoint, acks), "the checkpoint of step " + checkpoint.step());
    }

    /** Sends a command the recorder acknowledges, and expects the acknowledgement within the ask timeout. */
    private void send(RecorderCommand command, String what) {
        writes.sent();
        recorder.tell(command);
        expectRecorder("acknowledge " + what);
    }

    private void expectRecorder(String what) {
        timers.startSingleTimer(RECORDER_TIMER, new MemberCommand.RecorderUnavailable("the recorder did not " + what
                + " within " + ParticleGenerations.seconds(settings.askTimeout())), settings.askTimeout());
    }

    private void armStallTimer() {
        timers.startSingleTimer(STALL_TIMER, new MemberCommand.Stalled(generation), settings.stallTimeout());
    }

    private void progress(long step) {
        progressStep = step;
        parent.tell(new EnsembleCommand.MemberProgress(member, step));
    }

    private Behavior<MemberCommand> onTerminated(Terminated signal) {
        ActorRef<?> ref = signal.getRef();
        String cause = signal instanceof ChildFailed failed ? describe(failed.getCause()) : null;
        if (ref.equals(recorder)) return recorderLost(cause == null ? "the recorder stopped" : "the recorder failed: " + cause);
        String reason = generations.lost(ref, cause);
        if (reason == null) return Behaviors.same();
        // A divergence is a deterministic function of the run: restarting would only repeat it.
        if (signal instanceof ChildFailed failed && failed.getCause() instanceof NonFiniteStateException) {
            return fail(failed.getCause().getMessage());
        }
        return childFailed(reason);
    }

    /** A simulating actor failed: restart the generation from the last snapshot, within the bound. */
    private Behavior<MemberCommand> childFailed(String reason) {
        generations.stop();
        if (restarts >= settings.maxRestarts()) return fail(reason + " (gave up after " + restarts + " restarts)");
        restarts++;
        context.getLog().warn("member {}: restarting from step {} after: {}", member, lastStep, reason);
        return continueFrom(Math.max(lastStep, 0));
    }

    /** The recorder is gone or silent: nothing more can be recorded, not even the failure. */
    private Behavior<MemberCommand> recorderLost(String reason) {
        generations.stop();
        timers.cancel(STALL_TIMER);
        return finish("member " + member + ": " + reason);
    }

    private Behavior<MemberCommand> fail(String reason) {
        generations.stop();
        timers.cancel(STALL_TIMER);
        send(new RecorderCommand.Fail(new TrajectoryEvent.RunFailed(Math.max(lastStep, 0), reason), acks), "the failure");
        return awaitingAcks("member " + member + ": " + reason);
    }

    /** Reports the member's end to the parent, which stops this actor. */
    private Behavior<MemberCommand> finish(String failure) {
        timers.cancelAll();
        parent.tell(new EnsembleCommand.MemberFinished(member, restarts, failure));
        return Behaviors.receive(MemberCommand.class).onSignal(Terminated.class, signal -> Behaviors.same()).build();
    }

    static String describe(Throwable t) {
        String message = t.getMessage();
        String line = t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return line.replace('\n', ' ').replace('\r', ' ');
    }
}
