package org.dysonsim.actors.cluster;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.dysonsim.actors.MemberSupervision;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.actors.RunSpecWire;
import org.dysonsim.persistence.TrajectoryRecorder;
import org.dysonsim.protocol.EnsembleCommand;
import org.dysonsim.protocol.MemberCommand;
import org.dysonsim.protocol.MemberEntityCommand;
import org.dysonsim.protocol.StudyCommand;

/**
 * One ensemble member as a Cluster Sharding entity: runs the member's supervisor (recording into
 * this node's journal, which all nodes share) and reports to the study that placed it. A member
 * started on this node after its first node left continues from its last recorded snapshot. Its
 * trajectory stays in the journal, where the study reads it. Stays, holding its outcome, until the
 * study releases it, so a study that lost track of it can ask again.
 */
final class MemberEntity extends AbstractBehavior<MemberEntityCommand> {

    /**
     * Progress crosses the network at most this often per member: a member reports every step,
     * and thousands of reports a second fill remoting's outbound queue, which then drops messages.
     */
    static final long PROGRESS_INTERVAL_NANOS = 200_000_000L;

    static Behavior<MemberEntityCommand> create() {
        return Behaviors.setup(MemberEntity::new);
    }

    private final ActorRef<EnsembleCommand> reports;
    private MemberEntityCommand.Run run;
    private RunSpec spec;
    private ActorRef<MemberCommand> supervisor;
    private StudyCommand.MemberDone done;
    private long progressSentAt;

    private MemberEntity(ActorContext<MemberEntityCommand> context) {
        super(context);
        this.reports = context.messageAdapter(EnsembleCommand.class, MemberEntityCommand.Reported::new);
    }

    @Override
    public Receive<MemberEntityCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(MemberEntityCommand.Run.class, this::onRun)
                .onMessage(MemberEntityCommand.Release.class, release -> Behaviors.stopped())
                .onMessage(MemberEntityCommand.Reported.class, this::onReported)
                .onSignal(Terminated.class, this::onSupervisorStopped)
                .build();
    }

    private Behavior<MemberEntityCommand> onRun(MemberEntityCommand.Run message) {
        boolean first = run == null;
        run = message;
        run.study().tell(new StudyCommand.MemberRunning(run.member(), run.attempt(), getContext().getSelf()));
        if (done != null) {
            sendDone(done.restarts(), done.failure());
        } else if (first) {
            spec = RunSpecWire.fromWire(run.run());
            supervisor = getContext().spawn(MemberSupervision.continuing(spec, run.member(),
                    TrajectoryRecorder.create(spec.runId(), run.member()), reports), "supervisor");
            getContext().watch(supervisor);
            supervisor.tell(new MemberCommand.Start());
        }
        return this;
    }

    private Behavior<MemberEntityCommand> onReported(MemberEntityCommand.Reported reported) {
        if (reported.report() instanceof EnsembleCommand.MemberProgress progress) {
            long now = System.nanoTime();
            if (now - progressSentAt >= PROGRESS_INTERVAL_NANOS || progress.step() >= spec.steps()) {
                progressSentAt = now;
                run.study().tell(new StudyCommand.MemberProgress(run.member(), progress.step()));
            }
        } else if (reported.report() instanceof EnsembleCommand.MemberFinished finished && done == null) {
            getContext().unwatch(supervisor);
            getContext().stop(supervisor);
            sendDone(finished.restarts(), finished.failure());
        }
        return this;
    }

    /** Tells the study the member is done (again, under the current attempt, when asked again). */
    private void sendDone(int restarts, String failure) {
        done = new StudyCommand.MemberDone(run.member(), run.attempt(), restarts, failure);
        run.study().tell(done);
    }

    private Behavior<MemberEntityCommand> onSupervisorStopped(Terminated signal) {
        if (!signal.getRef().equals(supervisor) || done != null) return this;
        String cause = signal instanceof ChildFailed failed ? String.valueOf(failed.getCause()) : "it stopped";
        sendDone(0, "member " + run.member() + ": its supervisor failed: " + cause);
        return this;
    }
}
