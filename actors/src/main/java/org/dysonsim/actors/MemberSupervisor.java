package org.dysonsim.actors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.physics.gas.NonFiniteStateException;
import org.dysonsim.protocol.BlockCommand;
import org.dysonsim.protocol.BlockHostCommand;
import org.dysonsim.protocol.BlockSetup;
import org.dysonsim.protocol.EnsembleCommand;
import org.dysonsim.protocol.LossCommand;
import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.MatrixLossCommand;
import org.dysonsim.protocol.MemberCommand;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;

/**
 * The run supervisor of one ensemble member. It spawns the member's recorder, clock, blocks and
 * loss actor (for a matrix-level member: loss and weight-matrix actors); sends every snapshot to the recorder without waiting for the acknowledgement
 * (recording overlaps simulation) and reports completion only when all are acknowledged;
 * restarts the simulating actors from the last snapshot when one of them fails, at most
 * {@code maxRestarts} times; and stops the member with a one-line diagnostic on a non-finite
 * state, a silent stall, or a recorder that does not answer.
 *
 * <p>Snapshots are deterministic functions of the run, so a snapshot is recorded whichever
 * generation of actors sent it, exactly once, in step order. A matrix-level member's checkpoints
 * are saved once the snapshot of their step is durable, so that a saved checkpoint never lies
 * beyond the recorded trajectory; restarts and resumes continue from the last one.
 */
final class MemberSupervisor extends AbstractBehavior<MemberCommand> {

    private enum Phase { WAITING, LOADING, RUNNING, COMPLETING, FAILING, DONE }

    private static final String STALL_TIMER = "stall";
    /** Armed while the recorder owes an answer: the ask timeout, without a future per message. */
    private static final String RECORDER_TIMER = "recorder";
    /** Armed while block hosts on other nodes owe the blocks of a generation. */
    private static final String PLACEMENT_TIMER = "placement";

    static Behavior<MemberCommand> create(RunSpec spec, int member, Behavior<RecorderCommand> recorder,
                                          boolean resume, EngineSettings settings,
                                          ActorRef<EnsembleCommand> parent) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers ->
                new MemberSupervisor(context, timers, spec, member, recorder, resume, settings, parent)));
    }

    private final TimerScheduler<MemberCommand> timers;
    private final RunSpec spec;
    private final int member;
    private final boolean resume;
    private final EngineSettings settings;
    private final ActorRef<EnsembleCommand> parent;
    private final ActorRef<RecorderCommand> recorder;
    private boolean recorderAlive = true;

    private Phase phase = Phase.WAITING;
    private final List<ActorRef<?>> children = new ArrayList<>();
    /** How many nodes a generation's blocks are spread over (scenario key blocks.nodes). */
    private final int blocksNodes;
    /** This generation's blocks placed by block hosts, with the host of each. */
    private final Map<ActorRef<BlockCommand>, ActorRef<BlockHostCommand>> placed = new HashMap<>();
    /** The hosts asked for each generation's blocks, block b on host b mod size. */
    private final Map<Integer, List<ActorRef<BlockHostCommand>>> placements = new HashMap<>();
    /** The generation waiting for its blocks, or null. */
    private Placement placement;
    private int generation;
    private int restarts;
    private long faultStep = -1;
    private int faultsLeft;

    private long lastStep = -1;
    private double[] lastValues;
    private final List<Long> steps = new ArrayList<>();
    private final List<Double> times = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();
    private final List<TrajectoryEvent.GradientRecorded> gradients = new ArrayList<>();
    private final ActorRef<RecorderCommand.Ack> acks;
    private final ActorRef<RecorderCommand.RecorderState> states;
    private final ActorRef<RecorderCommand.CheckpointState> checkpoints;
    /** Where a matrix-level generation starts: the last checkpoint received or loaded, null for W₀. */
    private MatrixCheckpoint restartPoint;
    /** A checkpoint waiting for the snapshot of its step to be durable, or null. */
    private MatrixCheckpoint unsaved;
    /** The last step whose snapshot is known to be durable. */
    private long durableStep = -1;
    /** A resumed matrix member's last recorded snapshot, kept while its checkpoint loads. */
    private TrajectoryEvent.SnapshotRecorded loadedLast;
    /** Commands sent to the recorder and not yet acknowledged; the recorder acknowledges in order. */
    private int pendingAcks;
    private boolean clockFinished;
    private long progressStep;
    private String failure;

    private MemberSupervisor(ActorContext<MemberCommand> context, TimerScheduler<MemberCommand> timers, RunSpec spec,
                             int member, Behavior<RecorderCommand> recorder, boolean resume, EngineSettings settings,
                             ActorRef<EnsembleCommand> parent) {
        super(context);
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
        this.states = context.messageAdapter(RecorderCommand.RecorderState.class, MemberCommand.StateLoaded::new);
        this.checkpoints = context.messageAdapter(RecorderCommand.CheckpointState.class,
                state -> new MemberCommand.CheckpointLoaded(state.checkpoint()));
        this.blocksNodes = BlockPlacement.nodesOf(spec);
    }

    @Override
    public Receive<MemberCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(MemberCommand.Start.class, this::onStart)
                .onMessage(MemberCommand.InjectFault.class, this::onInjectFault)
                .onMessage(MemberCommand.StateLoaded.class, this::onStateLoaded)
                .onMessage(MemberCommand.CheckpointLoaded.class, this::onCheckpointLoaded)
                .onMessage(MemberCommand.Checkpointed.class, this::onCheckpointed)
                .onMessage(MemberCommand.Snapshot.class, this::onSnapshot)
                .onMessage(MemberCommand.Progress.class, this::onProgress)
                .onMessage(MemberCommand.Finished.class, this::onFinished)
                .onMessage(MemberCommand.Diverged.class, this::onDiverged)
                .onMessage(MemberCommand.RecordAcked.class, this::onRecordAcked)
                .onMessage(MemberCommand.RecorderUnavailable.class, this::onRecorderUnavailable)
                .onMessage(MemberCommand.Stalled.class, this::onStalled)
                .onMessage(MemberCommand.BlockPlaced.class, this::onBlockPlaced)
                .onMessage(MemberCommand.BlocksUnplaced.class, this::onBlocksUnplaced)
                .onSignal(Terminated.class, this::onTerminated)
                .build();
    }

    private Behavior<MemberCommand> onInjectFault(MemberCommand.InjectFault message) {
        faultStep = message.atStep();
        faultsLeft = message.times();
        return this;
    }

    private Behavior<MemberCommand> onStart(MemberCommand.Start message) {
        if (phase != Phase.WAITING) return this;
        if (!resume) return beginFresh(true);
        phase = Phase.LOADING;
        recorder.tell(new RecorderCommand.GetState(states));
        timers.startSingleTimer(RECORDER_TIMER, new MemberCommand.RecorderUnavailable(
                "the recorder did not return its state within " + seconds(settings.askTimeout())), settings.askTimeout());
        return this;
    }

    /** From the initial spectrum; {@code announce}: write RunStarted first. */
    private Behavior<MemberCommand> beginFresh(boolean announce) {
        phase = Phase.RUNNING;
        if (spec.model() instanceof MatrixModel) return beginMatrix(announce);
        double[] start;
        try {
            start = spec.initialPositions(member);
        } catch (RuntimeException e) {
            return fail("the initial spectrum could not be sampled: " + describe(e));
        }
        if (start.length != spec.n()) {
            return fail("the initial spectrum has " + start.length + " values, the model has n = " + spec.n());
        }
        if (announce) {
            TrajectoryEvent.RunStarted started = new TrajectoryEvent.RunStarted(spec.runId(), member,
                    spec.scenarioText(), spec.seed(), settings.codeVersion(), spec.n());
            sendToRecorder(new RecorderCommand.Begin(started, acks), "the start");
        }
        // The clock asks for the snapshot of step 0; until it is recorded a restart starts here.
        lastValues = start;
        if (spec.steps() == 0) record(0, 0.0, start);
        return continueFrom(0, start);
    }

    /** W₀ and the spectrum of step 0 come from the weight-matrix actor. */
    private Behavior<MemberCommand> beginMatrix(boolean announce) {
        if (announce) {
            TrajectoryEvent.RunStarted started = new TrajectoryEvent.RunStarted(spec.runId(), member,
                    spec.scenarioText(), spec.seed(), settings.codeVersion(), spec.n());
            sendToRecorder(new RecorderCommand.Begin(started, acks), "the start");
        }
        return continueFrom(0, null);
    }

    private Behavior<MemberCommand> onStateLoaded(MemberCommand.StateLoaded message) {
        if (phase != Phase.LOADING) return this;
        timers.cancel(RECORDER_TIMER);
        RecorderCommand.RecorderState state = message.state();
        TrajectoryEvent.SnapshotRecorded last = state.last();
        if (last == null) return beginFresh(state.started() == null);
        if (last.values().length != spec.n()) {
            phase = Phase.RUNNING;
            return fail("the last recorded snapshot has " + last.values().length + " values, the model has n = " + spec.n());
        }
        if (spec.model() instanceof MatrixModel && state.status() != RecorderCommand.Status.COMPLETED) {
            loadedLast = last; // and where W is: the last checkpoint
            recorder.tell(new RecorderCommand.GetCheckpoint(checkpoints));
            timers.startSingleTimer(RECORDER_TIMER, new MemberCommand.RecorderUnavailable(
                    "the recorder did not return the checkpoint within " + seconds(settings.askTimeout())),
                    settings.askTimeout());
            return this;
        }
        return continueAfter(last, state.status());
    }

    private Behavior<MemberCommand> onCheckpointLoaded(MemberCommand.CheckpointLoaded message) {
        if (phase != Phase.LOADING || loadedLast == null) return this;
        timers.cancel(RECORDER_TIMER);
        MatrixCheckpoint checkpoint = message.checkpoint();
        MatrixModel matrix = (MatrixModel) spec.model();
        if (checkpoint != null && checkpoint.step() <= loadedLast.step() && checkpoint.rows() == matrix.rows()
                && checkpoint.cols() == matrix.n()) {
            restartPoint = checkpoint;
        } else if (checkpoint != null) {
            getContext().getLog().warn("member {}: ignoring a checkpoint of step {} ({}×{}) that does not fit the run "
                    + "(last snapshot at step {}); re-simulating from W₀", member, checkpoint.step(), checkpoint.rows(),
                    checkpoint.cols(), loadedLast.step());
        }
        return continueAfter(loadedLast, RecorderCommand.Status.RUNNING);
    }

    /** A resumed member continues after its last recorded snapshot {@code last}. */
    private Behavior<MemberCommand> continueAfter(TrajectoryEvent.SnapshotRecorded last, RecorderCommand.Status status) {
        phase = Phase.RUNNING;
        durableStep = last.step();
        lastStep = last.step();
        lastValues = last.values().clone();
        keep(last.step(), last.t(), lastValues);
        progress(last.step());
        if (status == RecorderCommand.Status.COMPLETED) return finish();
        return continueFrom(last.step(), lastValues);
    }

    private Behavior<MemberCommand> continueFrom(long step, double[] start) {
        if (step >= spec.steps()) {
            clockFinished = true;
            return completeIfAcknowledged();
        }
        spawnGeneration(step, start);
        return this;
    }

    @SuppressWarnings("unchecked")
    private void spawnGeneration(long startStep, double[] start) {
        generation++;
        long failAt = -1;
        if (faultsLeft > 0) {
            faultsLeft--;
            failAt = faultStep;
        }
        ActorContext<MemberCommand> context = getContext();
        if (spec.model() instanceof MatrixModel matrix) {
            spawnMatrix(matrix, failAt);
            return;
        }
        BlockLayout layout = BlockLayout.of(spec.n(), spec.blockSize());
        // A single block on the plain path: the clock simulates it, with no block or loss actor.
        boolean solo = layout.blocks() == 1 && settings.singleBlockFastPath();
        boolean exchange = spec.model() instanceof GasModel && !solo;
        ActorRef<LossCommand> loss = null;
        if (spec.model() instanceof GasModel gas && !solo) {
            loss = context.spawn(Loss.create(gas.drift()), "loss-" + generation);
            watchChild(loss);
        }
        List<ActorRef<BlockHostCommand>> hosts = exchange && blocksNodes > 1
                ? BlockHosts.get(context.getSystem()).choose(blocksNodes) : List.of();
        if (hosts.size() > 1) {
            // Split over nodes: the hosts answer with BlockPlaced; the clock starts when all have.
            placement = new Placement(generation, startStep, start, layout, failAt, new ActorRef[layout.blocks()]);
            placements.put(generation, hosts);
            for (int b = 0; b < layout.blocks(); b++) {
                BlockSetup setup = ParticleMessages.blockSetup(spec, member, layout, b, loss, true);
                hosts.get(b % hosts.size()).tell(new BlockHostCommand.Spawn(setup, generation, context.getSelf()));
            }
            timers.startSingleTimer(PLACEMENT_TIMER, new MemberCommand.BlocksUnplaced(generation), settings.askTimeout());
            armStallTimer();
            return;
        }
        List<ActorRef<BlockCommand>> blocks = new ArrayList<>();
        for (int b = 0; b < (solo ? 0 : layout.blocks()); b++) {
            BlockSetup setup = ParticleMessages.blockSetup(spec, member, layout, b, loss, exchange);
            ActorRef<BlockCommand> block = context.spawn(EigenvalueBlock.create(setup), "block-" + generation + "-" + b);
            watchChild(block);
            blocks.add(block);
        }
        startClock(startStep, start, layout, blocks, exchange, failAt);
    }

    /** A generation whose blocks are being placed on block hosts. */
    private record Placement(int generation, long startStep, double[] start, BlockLayout layout, long failAt,
                             ActorRef<BlockCommand>[] blocks) {
        boolean complete() {
            for (ActorRef<BlockCommand> block : blocks) if (block == null) return false;
            return true;
        }
    }

    private Behavior<MemberCommand> onBlockPlaced(MemberCommand.BlockPlaced message) {
        List<ActorRef<BlockHostCommand>> hosts = placements.get(message.generation());
        ActorRef<BlockHostCommand> host = hosts == null ? null : hosts.get(message.index() % hosts.size());
        if (placement == null || message.generation() != placement.generation() || phase != Phase.RUNNING) {
            // A block of a generation given up on: its host stops it.
            if (host != null) host.tell(new BlockHostCommand.Release(getContext().getSelf(), new ArrayList<>(List.of(message.block()))));
            return this;
        }
        placement.blocks()[message.index()] = message.block();
        placed.put(message.block(), host);
        getContext().watch(message.block());
        if (!placement.complete()) return this;
        timers.cancel(PLACEMENT_TIMER);
        Placement done = placement;
        placement = null;
        List<String> nodes = hosts.stream().map(h -> h.path().address().hasLocalScope() ? "local" : h.path().address().toString())
                .distinct().toList();
        getContext().getLog().info("member {}: generation {} runs its {} blocks on {} nodes {}", member, generation,
                done.blocks().length, nodes.size(), nodes);
        startClock(done.startStep(), done.start(), done.layout(), List.of(done.blocks()), true, done.failAt());
        return this;
    }

    private Behavior<MemberCommand> onBlocksUnplaced(MemberCommand.BlocksUnplaced message) {
        if (placement == null || message.generation() != placement.generation() || phase != Phase.RUNNING) return this;
        return childFailed("block hosts " + placements.get(message.generation()).stream()
                .map(host -> host.path().address().toString()).distinct().toList()
                + " did not place every block within " + seconds(settings.askTimeout()));
    }

    private void startClock(long startStep, double[] start, BlockLayout layout, List<ActorRef<BlockCommand>> blocks,
                            boolean exchange, long failAt) {
        ActorContext<MemberCommand> context = getContext();
        if (exchange) {
            for (int b = 0; b < blocks.size(); b++) {
                for (int p = 0; p < blocks.size(); p++) {
                    if (p != b) blocks.get(b).tell(new BlockCommand.Peer(p, blocks.get(p)));
                }
            }
        }
        Clock.Setup clock = new Clock.Setup(spec, member, startStep, start, layout, List.copyOf(blocks), exchange,
                settings.advanceSteps(layout.blockSize(), spec.rule()), context.getSelf(), generation, failAt);
        watchChild(context.spawn(Clock.create(clock), "clock-" + generation));
        armStallTimer();
    }

    /**
     * A matrix-level generation: loss and weight-matrix actors, from the last checkpoint or else
     * from step 0 (re-simulating deterministically; snapshots up to the last recorded step are dropped).
     */
    private void spawnMatrix(MatrixModel matrix, long failAt) {
        ActorContext<MemberCommand> context = getContext();
        MatrixCheckpoint start = restartPoint;
        if (start != null) {
            context.getLog().info("member {}: generation {} continues from the checkpoint of step {}", member, generation,
                    start.step());
        }
        ActorRef<MatrixLossCommand> loss = context.spawn(MatrixLoss.create(matrix, spec.seed(), member,
                start == null ? null : start.lossState()), "loss-" + generation);
        watchChild(loss);
        WeightMatrix.Setup setup = new WeightMatrix.Setup(matrix, spec.seed(), member, spec.steps(), spec.recordEvery(),
                start, loss, context.getSelf(), generation, failAt);
        watchChild(context.spawn(WeightMatrix.create(setup), "weights-" + generation));
        armStallTimer();
    }

    private void watchChild(ActorRef<?> child) {
        getContext().watch(child);
        children.add(child);
    }

    private void stopGeneration() {
        for (ActorRef<?> child : children) {
            getContext().unwatch(child);
            getContext().stop(child);
        }
        children.clear();
        Map<ActorRef<BlockHostCommand>, List<ActorRef<BlockCommand>>> byHost = new HashMap<>();
        for (Map.Entry<ActorRef<BlockCommand>, ActorRef<BlockHostCommand>> entry : placed.entrySet()) {
            getContext().unwatch(entry.getKey());
            byHost.computeIfAbsent(entry.getValue(), host -> new ArrayList<>()).add(entry.getKey());
        }
        byHost.forEach((host, blocks) -> host.tell(new BlockHostCommand.Release(getContext().getSelf(), blocks)));
        placed.clear();
        placement = null;
        timers.cancel(PLACEMENT_TIMER);
        timers.cancel(STALL_TIMER);
    }

    private void armStallTimer() {
        timers.startSingleTimer(STALL_TIMER, new MemberCommand.Stalled(generation), settings.stallTimeout());
    }

    private Behavior<MemberCommand> onSnapshot(MemberCommand.Snapshot message) {
        if (phase == Phase.RUNNING && message.step() > lastStep) {
            record(message.step(), message.t(), message.values(), message.gradient());
        }
        return this;
    }

    private void record(long step, double t, double[] positions) {
        record(step, t, positions, null);
    }

    /** {@code gradient}: the gradient record of a matrix-level run, written with the snapshot; else null. */
    private void record(long step, double t, double[] positions, TrajectoryEvent.GradientRecorded gradient) {
        lastStep = step;
        lastValues = positions;
        keep(step, t, positions);
        if (gradient != null) gradients.add(gradient);
        TrajectoryEvent.SnapshotRecorded snapshot = new TrajectoryEvent.SnapshotRecorded(step, t, positions);
        sendToRecorder(new RecorderCommand.Record(snapshot, gradient, acks), "the snapshot of step " + step);
    }

    private void keep(long step, double t, double[] positions) {
        steps.add(step);
        times.add(t);
        values.add(positions);
    }

    private Behavior<MemberCommand> onCheckpointed(MemberCommand.Checkpointed message) {
        if (message.generation() != generation || phase != Phase.RUNNING) return this;
        restartPoint = message.checkpoint();
        if (restartPoint.step() <= durableStep) saveCheckpoint(restartPoint);
        else unsaved = restartPoint;
        return this;
    }

    private void saveCheckpoint(MatrixCheckpoint checkpoint) {
        unsaved = null;
        sendToRecorder(new RecorderCommand.SaveCheckpoint(checkpoint, acks), "the checkpoint of step " + checkpoint.step());
    }

    private Behavior<MemberCommand> onProgress(MemberCommand.Progress message) {
        if (message.generation() != generation || phase != Phase.RUNNING) return this;
        progress(message.step());
        armStallTimer();
        return this;
    }

    private void progress(long step) {
        progressStep = step;
        parent.tell(new EnsembleCommand.MemberProgress(member, step));
    }

    private Behavior<MemberCommand> onFinished(MemberCommand.Finished message) {
        if (message.generation() != generation || phase != Phase.RUNNING) return this;
        clockFinished = true;
        stopGeneration();
        return completeIfAcknowledged();
    }

    /** Sends a command the recorder acknowledges, and expects the acknowledgement within the ask timeout. */
    private void sendToRecorder(RecorderCommand command, String what) {
        pendingAcks++;
        recorder.tell(command);
        expectRecorder(what);
    }

    private void expectRecorder(String what) {
        timers.startSingleTimer(RECORDER_TIMER, new MemberCommand.RecorderUnavailable(
                "the recorder did not acknowledge " + what + " within " + seconds(settings.askTimeout())),
                settings.askTimeout());
    }

    private Behavior<MemberCommand> onRecordAcked(MemberCommand.RecordAcked message) {
        pendingAcks--;
        durableStep = Math.max(durableStep, message.step());
        // the snapshot of a waiting checkpoint's step is durable: the checkpoint may be saved
        if (unsaved != null && unsaved.step() <= durableStep && phase == Phase.RUNNING && !clockFinished) {
            saveCheckpoint(unsaved);
        }
        if (pendingAcks > 0) expectRecorder("the snapshots after step " + message.step());
        else timers.cancel(RECORDER_TIMER);
        // Completion and failure are the last commands sent: once everything is acknowledged, so are they.
        if (phase == Phase.COMPLETING || phase == Phase.FAILING) return pendingAcks == 0 ? finish() : this;
        return completeIfAcknowledged();
    }

    private Behavior<MemberCommand> completeIfAcknowledged() {
        if (phase != Phase.RUNNING || !clockFinished || pendingAcks > 0) return this;
        phase = Phase.COMPLETING;
        long step = Math.max(lastStep, 0);
        TrajectoryEvent.RunCompleted completed = new TrajectoryEvent.RunCompleted(step, step * spec.dt());
        sendToRecorder(new RecorderCommand.Complete(completed, acks), "completion");
        return this;
    }

    private Behavior<MemberCommand> onDiverged(MemberCommand.Diverged message) {
        if (message.generation() != generation || phase != Phase.RUNNING) return this;
        return fail(message.diagnostic());
    }

    private Behavior<MemberCommand> onStalled(MemberCommand.Stalled message) {
        if (message.generation() != generation || phase != Phase.RUNNING) return this;
        return childFailed("no step finished for " + seconds(settings.stallTimeout()) + " after step " + progressStep);
    }

    private Behavior<MemberCommand> onRecorderUnavailable(MemberCommand.RecorderUnavailable message) {
        recorderAlive = false;
        if (phase == Phase.FAILING) return finish();
        return fail(message.reason());
    }

    private Behavior<MemberCommand> onTerminated(Terminated signal) {
        ActorRef<?> ref = signal.getRef();
        String cause = signal instanceof ChildFailed failed ? describe(failed.getCause()) : null;
        if (ref.equals(recorder)) {
            recorderAlive = false;
            if (phase == Phase.FAILING) return finish();
            return fail(cause == null ? "the recorder stopped" : "the recorder failed: " + cause);
        }
        if (placed.containsKey(ref)) {
            return childFailed("block " + ref.path().name() + " on " + ref.path().address() + " stopped (its node left or failed)");
        }
        if (!children.contains(ref)) return this;
        // A divergence is a deterministic function of the run: restarting would only repeat it.
        if (signal instanceof ChildFailed failed && failed.getCause() instanceof NonFiniteStateException) {
            return fail(failed.getCause().getMessage());
        }
        return childFailed(cause == null ? ref.path().name() + " stopped unexpectedly" : cause);
    }

    /** A simulating actor failed: restart the generation from the last snapshot, within the bound. */
    private Behavior<MemberCommand> childFailed(String reason) {
        if (phase != Phase.RUNNING) return this;
        stopGeneration();
        if (restarts >= settings.maxRestarts()) {
            return fail(reason + " (gave up after " + restarts + " restarts)");
        }
        restarts++;
        getContext().getLog().warn("member {}: restarting from step {} after: {}", member, lastStep, reason);
        spawnGeneration(Math.max(lastStep, 0), lastValues);
        return this;
    }

    private Behavior<MemberCommand> fail(String reason) {
        if (phase == Phase.FAILING || phase == Phase.DONE) return this;
        phase = Phase.FAILING;
        failure = "member " + member + ": " + reason;
        stopGeneration();
        if (!recorderAlive) return finish();
        TrajectoryEvent.RunFailed failed = new TrajectoryEvent.RunFailed(Math.max(lastStep, 0), reason);
        sendToRecorder(new RecorderCommand.Fail(failed, acks), "the failure");
        return this;
    }

    private Behavior<MemberCommand> finish() {
        if (phase == Phase.DONE) return this;
        phase = Phase.DONE;
        long[] stepArray = new long[steps.size()];
        double[] timeArray = new double[times.size()];
        for (int k = 0; k < stepArray.length; k++) {
            stepArray[k] = steps.get(k);
            timeArray[k] = times.get(k);
        }
        parent.tell(new EnsembleCommand.MemberFinished(member, stepArray, timeArray, values.toArray(new double[0][]),
                gradients, restarts, failure));
        return this;
    }

    static String describe(Throwable t) {
        String message = t.getMessage();
        String line = t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return line.replace('\n', ' ').replace('\r', ' ');
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
