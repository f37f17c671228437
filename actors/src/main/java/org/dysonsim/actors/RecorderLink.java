package org.dysonsim.actors;

import java.time.Duration;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.MemberCommand;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member supervisor's line to its recorder: spawns and watches the recorder, sends it commands
 * without waiting, expects each answer within the ask timeout (a timer, not an ask: an ask
 * completes through a future on the common pool, which on a 2-core machine starts a thread per
 * answer), and keeps the {@link WritePipeline}: a checkpoint is sent once its snapshot is durable.
 */
final class RecorderLink {
    private static final String RECORDER_TIMER = "recorder";
    /** At debug level, one line per snapshot sent: how far the simulation is ahead of the journal. */
    private static final Logger LOG = LoggerFactory.getLogger(RecorderLink.class);

    private final ActorContext<MemberCommand> context;
    private final TimerScheduler<MemberCommand> timers;
    private final Duration askTimeout;
    private final ActorRef<RecorderCommand> recorder;
    private final ActorRef<RecorderCommand.Ack> acks;
    private final WritePipeline writes;
    private final String member;

    RecorderLink(ActorContext<MemberCommand> context, TimerScheduler<MemberCommand> timers, String member,
                 Behavior<RecorderCommand> recorder, EngineSettings settings) {
        this.context = context;
        this.member = member;
        this.timers = timers;
        this.askTimeout = settings.askTimeout();
        this.recorder = context.spawn(recorder, "recorder");
        context.watch(this.recorder);
        this.acks = context.messageAdapter(RecorderCommand.Ack.class, ack -> new MemberCommand.RecordAcked(ack.step()));
        this.writes = new WritePipeline(settings.recordBacklog());
    }

    boolean is(ActorRef<?> ref) {
        return recorder.equals(ref);
    }

    WritePipeline writes() {
        return writes;
    }

    void askState() {
        recorder.tell(new RecorderCommand.GetState(context.messageAdapter(RecorderCommand.RecorderState.class,
                MemberCommand.StateLoaded::new)));
        expect("return its state");
    }

    void askCheckpoint() {
        recorder.tell(new RecorderCommand.GetCheckpoint(context.messageAdapter(RecorderCommand.CheckpointState.class,
                state -> new MemberCommand.CheckpointLoaded(state.checkpoint()))));
        expect("return the checkpoint");
    }

    /** The state or checkpoint asked for arrived. */
    void answered() {
        timers.cancel(RECORDER_TIMER);
    }

    void begin(TrajectoryEvent.RunStarted started) {
        send(new RecorderCommand.Begin(started, acks), "the start");
    }

    void record(long step, double t, double[] positions, TrajectoryEvent.GradientRecorded gradient,
                TrajectoryEvent.NetworkMetricsRecorded metrics) {
        writes.snapshotSent(step);
        recorder.tell(new RecorderCommand.Record(new TrajectoryEvent.SnapshotRecorded(step, t, positions), gradient,
                metrics, acks));
        expect("acknowledge the snapshot of step " + step);
        LOG.debug("{}: sent the snapshot of step {}; durable up to step {}, {} snapshots not yet", member, step,
                writes.durableStep(), writes.backlog());
    }

    void complete(TrajectoryEvent.RunCompleted completed) {
        send(new RecorderCommand.Complete(completed, acks), "completion");
    }

    void fail(TrajectoryEvent.RunFailed failed) {
        send(new RecorderCommand.Fail(failed, acks), "the failure");
    }

    /** A checkpoint of W: saved now if its snapshot is durable, else once it is. */
    void checkpointed(MatrixCheckpoint checkpoint) {
        MatrixCheckpoint ready = writes.checkpointed(checkpoint);
        if (ready != null) saveCheckpoint(ready);
    }

    void acknowledged(long step) {
        MatrixCheckpoint ready = writes.acknowledged(step);
        if (ready != null) saveCheckpoint(ready);
        if (writes.idle()) timers.cancel(RECORDER_TIMER);
        else expect("acknowledge the commands after step " + step);
    }

    private void saveCheckpoint(MatrixCheckpoint checkpoint) {
        send(new RecorderCommand.SaveCheckpoint(checkpoint, acks), "the checkpoint of step " + checkpoint.step());
    }

    private void send(RecorderCommand command, String what) {
        writes.sent();
        recorder.tell(command);
        expect("acknowledge " + what);
    }

    private void expect(String what) {
        timers.startSingleTimer(RECORDER_TIMER, new MemberCommand.RecorderUnavailable("the recorder did not " + what
                + " within " + ParticleGenerations.seconds(askTimeout)), askTimeout);
    }
}
