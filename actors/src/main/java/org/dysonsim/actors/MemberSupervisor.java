// Just over 300 lines: one behaviour per phase of a member (waiting, loading, running, paused,
// completing, failing), and the phases share the recorder link and the current generation.
package org.dysonsim.actors;

import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.BehaviorBuilder;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.physics.gas.NonFiniteStateException;
import org.dysonsim.protocol.EnsembleCommand;
import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.MemberCommand;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;

/**
 * The run supervisor of one ensemble member, one behaviour per phase: waiting, loading (a resumed
 * member), running a generation of simulating actors, paused while the recorder catches up (at
 * {@code record-backlog} unacknowledged snapshots; a new generation continues from the last snapshot,
 * the same bits), completing, failing. Every snapshot goes to the recorder as it comes and none is
 * kept: the journal is the trajectory; progress reported is the last durable step. A failed actor
 * restarts the generation from the last snapshot, at most {@code maxRestarts} times; a non-finite
 * state, a stall or a silent recorder stops the member with one line. Writes: {@link RecorderLink}.
 */
final class MemberSupervisor {
    private static final String STALL_TIMER = "stall";

    static Behavior<MemberCommand> create(RunSpec spec, int member, Behavior<RecorderCommand> recorder,
                                          boolean resume, EngineSettings settings,
                                          ActorRef<EnsembleCommand> parent) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers ->
                new MemberSupervisor(context, timers, spec, member, recorder, settings, parent).waiting(resume)));
    }

    private final ActorContext<MemberCommand> context;
    private final TimerScheduler<MemberCommand> timers;
    private final RunSpec spec;
    private final int member;
    private final EngineSettings settings;
    private final ActorRef<EnsembleCommand> parent;
    private final RecorderLink recorder;
    private final WritePipeline writes;
    private final Generations generations;

    private int generation;
    private int restarts;
    private final FaultSchedule faults = new FaultSchedule();
    /** The last snapshot sent to the recorder (or loaded from it): where the next generation starts. */
    private long lastStep = -1;
    private double[] lastValues;
    /** Where a matrix-level generation starts: the last checkpoint received or loaded, null for W₀. */
    private MatrixCheckpoint restartPoint;
    private long progressStep;

    private MemberSupervisor(ActorContext<MemberCommand> context, TimerScheduler<MemberCommand> timers, RunSpec spec,
                             int member, Behavior<RecorderCommand> recorder, EngineSettings settings,
                             ActorRef<EnsembleCommand> parent) {
        this.context = context;
        this.timers = timers;
        this.spec = spec;
        this.member = member;
        this.settings = settings;
        this.parent = parent;
        this.recorder = new RecorderLink(context, timers, spec.runId() + " member " + member, recorder, settings);
        this.writes = this.recorder.writes();
        this.generations = spec.model() instanceof MatrixModel matrix ? new MatrixGenerations(context, spec, matrix, member)
                : spec.model() instanceof NetworkModel network ? new NetworkGenerations(context, spec, network, member)
                : new ParticleGenerations(context, timers, spec, member, settings);
    }

    /** Messages every phase answers the same way: a block placed late is released, the recorder's loss ends the member. */
    private BehaviorBuilder<MemberCommand> common() {
        return Behaviors.receive(MemberCommand.class)
                .onMessage(MemberCommand.BlockPlaced.class, this::onBlockPlaced)
                .onMessage(MemberCommand.RecorderUnavailable.class, m -> recorderLost(m.reason()));
    }

    private Behavior<MemberCommand> waiting(boolean resume) {
        return Behaviors.receive(MemberCommand.class)
                .onMessage(MemberCommand.InjectFault.class, m -> faults.inject(m))
                .onMessage(MemberCommand.Start.class, m -> resume ? loadState() : beginFresh(true))
                .onSignal(Terminated.class, this::onTerminated).build();
    }

    private Behavior<MemberCommand> loadState() {
        recorder.askState();
        return common().onMessage(MemberCommand.StateLoaded.class, m -> onStateLoaded(m.state()))
                .onSignal(Terminated.class, this::onTerminated).build();
    }

    private Behavior<MemberCommand> onStateLoaded(RecorderCommand.RecorderState state) {
        recorder.answered();
        TrajectoryEvent.SnapshotRecorded last = state.last();
        if (last == null) return beginFresh(state.started() == null);
        if (last.values().length != spec.n()) {
            return fail("the last recorded snapshot has " + last.values().length + " values, the model has n = " + spec.n());
        }
        boolean weights = spec.model() instanceof MatrixModel || spec.model() instanceof NetworkModel;
        if (!weights || state.status() == RecorderCommand.Status.COMPLETED) {
            return continueAfter(last, state.status());
        }
        // a matrix-level or network member also needs where its weights are: its last checkpoint
        recorder.askCheckpoint();
        return common().onMessage(MemberCommand.CheckpointLoaded.class, m -> {
            recorder.answered();
            restartPoint = generations.resumable(m.checkpoint(), last.step());
            return continueAfter(last, RecorderCommand.Status.RUNNING);
        }).onSignal(Terminated.class, this::onTerminated).build();
    }

    /** From the initial spectrum; {@code announce}: write RunStarted first. */
    private Behavior<MemberCommand> beginFresh(boolean announce) {
        double[] start;
        try {
            start = generations.initialPositions();
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        if (announce) {
            recorder.begin(new TrajectoryEvent.RunStarted(spec.runId(), member, spec.scenarioText(), spec.seed(),
                    settings.codeVersion(), spec.n()));
        }
        // The clock sends the snapshot of step 0; until it is recorded a restart starts here.
        lastValues = start;
        if (start != null && spec.steps() == 0) record(0, 0.0, start, null, null);
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
        generations.spawn(++generation, step, lastValues, restartPoint, faults.next());
        armStallTimer();
        return running();
    }

    private Behavior<MemberCommand> running() {
        return common()
                .onMessage(MemberCommand.Snapshot.class, this::onSnapshot)
                .onMessage(MemberCommand.Checkpointed.class, this::onCheckpointed)
                .onMessage(MemberCommand.Progress.class, m -> m.generation() == generation ? armStallTimer() : Behaviors.same())
                .onMessage(MemberCommand.Finished.class, m -> m.generation() == generation ? generationFinished() : Behaviors.same())
                .onMessage(MemberCommand.Diverged.class, m -> m.generation() == generation ? fail(m.diagnostic()) : Behaviors.same())
                .onMessage(MemberCommand.RecordAcked.class, m -> acknowledged(m.step()))
                .onMessage(MemberCommand.Stalled.class, m -> m.generation() != generation ? Behaviors.same()
                        : childFailed("no step finished for " + ParticleGenerations.seconds(settings.stallTimeout())
                                + " after step " + progressStep))
                .onMessage(MemberCommand.BlocksUnplaced.class, m -> generations.unplaced(m.generation()) == null
                        ? Behaviors.same() : childFailed(generations.unplaced(m.generation())))
                .onSignal(Terminated.class, this::onTerminated).build();
    }

    private Behavior<MemberCommand> onSnapshot(MemberCommand.Snapshot message) {
        // Only the current generation's: one stopped in a pause may have queued snapshots beyond a gap.
        if (message.step() <= lastStep || message.generation() != generation) return Behaviors.same();
        record(message.step(), message.t(), message.values(), message.gradient(), message.metrics());
        if (!writes.full()) return Behaviors.same();
        // The recorder is behind: stop simulating until half the backlog is written.
        stopGeneration();
        return paused();
    }

    private Behavior<MemberCommand> paused() {
        return common()
                .onMessage(MemberCommand.Checkpointed.class, this::onCheckpointed) // sent by the generation just stopped
                .onMessage(MemberCommand.RecordAcked.class, m -> {
                    acknowledged(m.step());
                    return writes.drained() ? continueFrom(Math.max(lastStep, 0)) : Behaviors.same();
                })
                .onSignal(Terminated.class, this::onTerminated).build();
    }

    /** Completion is sent once everything before it is acknowledged; its acknowledgement ends the member. */
    private Behavior<MemberCommand> completing() {
        writes.dropWaitingCheckpoint();
        if (!writes.idle()) return draining(null, this::completing);
        long step = Math.max(lastStep, 0);
        recorder.complete(new TrajectoryEvent.RunCompleted(step, step * spec.dt()));
        return draining(null, () -> finish(null));
    }

    /** Until all sent is acknowledged, then {@code next}; a lost recorder ends the member with {@code failure}, or its own. */
    private Behavior<MemberCommand> draining(String failure, Supplier<Behavior<MemberCommand>> next) {
        return Behaviors.receive(MemberCommand.class)
                .onMessage(MemberCommand.RecordAcked.class, m -> {
                    acknowledged(m.step());
                    return writes.idle() ? next.get() : Behaviors.same();
                })
                .onMessage(MemberCommand.BlockPlaced.class, this::onBlockPlaced)
                .onMessage(MemberCommand.RecorderUnavailable.class, m -> finish(failure != null ? failure
                        : "member " + member + ": " + m.reason()))
                .onSignal(Terminated.class, signal -> recorder.is(signal.getRef())
                        ? finish(failure != null ? failure : "member " + member + ": " + recorderEnd(signal))
                        : Behaviors.same())
                .build();
    }

    private Behavior<MemberCommand> acknowledged(long step) {
        recorder.acknowledged(step);
        return writes.durableStep() > progressStep ? progress(writes.durableStep()) : Behaviors.same();
    }

    private Behavior<MemberCommand> onCheckpointed(MemberCommand.Checkpointed message) {
        if (message.generation() != generation) return Behaviors.same();
        restartPoint = message.checkpoint();
        recorder.checkpointed(restartPoint);
        return Behaviors.same();
    }

    private void record(long step, double t, double[] positions, TrajectoryEvent.GradientRecorded gradient,
                        TrajectoryEvent.NetworkMetricsRecorded metrics) {
        lastStep = step;
        lastValues = positions;
        recorder.record(step, t, positions, gradient, metrics);
    }

    private Behavior<MemberCommand> onBlockPlaced(MemberCommand.BlockPlaced message) {
        generations.placed(message); // a block of a generation stopped meanwhile is released
        return Behaviors.same();
    }

    private void stopGeneration() {
        generations.stop();
        timers.cancel(STALL_TIMER);
    }

    private Behavior<MemberCommand> generationFinished() {
        stopGeneration();
        return completing();
    }

    private Behavior<MemberCommand> armStallTimer() {
        timers.startSingleTimer(STALL_TIMER, new MemberCommand.Stalled(generation), settings.stallTimeout());
        return Behaviors.same();
    }

    private Behavior<MemberCommand> progress(long step) {
        progressStep = step;
        parent.tell(new EnsembleCommand.MemberProgress(member, step));
        return Behaviors.same();
    }

    private Behavior<MemberCommand> onTerminated(Terminated signal) {
        ActorRef<?> ref = signal.getRef();
        if (recorder.is(ref)) return recorderLost(recorderEnd(signal));
        String cause = signal instanceof ChildFailed failed ? OneLine.of(failed.getCause()) : null;
        String reason = generations.lost(ref, cause);
        if (reason == null) return Behaviors.same();
        // A divergence is a deterministic function of the run: restarting would only repeat it.
        if (signal instanceof ChildFailed failed && failed.getCause() instanceof NonFiniteStateException) {
            return fail(failed.getCause().getMessage());
        }
        return childFailed(reason);
    }

    private static String recorderEnd(Terminated signal) {
        return signal instanceof ChildFailed failed ? "the recorder failed: " + OneLine.of(failed.getCause()) : "the recorder stopped";
    }

    /** A simulating actor failed: restart the generation from the last snapshot, within the bound. */
    private Behavior<MemberCommand> childFailed(String reason) {
        stopGeneration();
        if (restarts >= settings.maxRestarts()) return fail(reason + " (gave up after " + restarts + " restarts)");
        restarts++;
        context.getLog().warn("member {}: restarting from step {} after: {}", member, lastStep, reason);
        return continueFrom(Math.max(lastStep, 0));
    }

    /** The recorder is gone or silent: nothing more can be recorded, not even the failure. */
    private Behavior<MemberCommand> recorderLost(String reason) {
        stopGeneration();
        return finish("member " + member + ": " + reason);
    }

    private Behavior<MemberCommand> fail(String reason) {
        stopGeneration();
        recorder.fail(new TrajectoryEvent.RunFailed(Math.max(lastStep, 0), reason));
        String failure = "member " + member + ": " + reason;
        return draining(failure, () -> finish(failure));
    }

    /** Reports the member's end to the parent, which stops this actor. */
    private Behavior<MemberCommand> finish(String failure) {
        timers.cancelAll();
        parent.tell(new EnsembleCommand.MemberFinished(member, restarts, failure));
        return Behaviors.receive(MemberCommand.class).onSignal(Terminated.class, signal -> Behaviors.same()).build();
    }
}
