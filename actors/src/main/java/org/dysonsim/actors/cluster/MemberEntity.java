package org.dysonsim.actors.cluster;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.stream.javadsl.Sink;
import org.dysonsim.actors.MemberSupervision;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.persistence.TrajectoryReader;
import org.dysonsim.persistence.TrajectoryRecorder;
import org.dysonsim.protocol.EnsembleCommand;
import org.dysonsim.protocol.MemberCommand;
import org.dysonsim.protocol.TrajectoryEvent;

/**
 * One ensemble member as a Cluster Sharding entity: runs the member's supervisor (recording into
 * this node's journal, which all nodes share) and reports to the study that placed it. A member
 * started on this node after its first node left continues from its last recorded snapshot. Its
 * trajectory is read back from the journal once it is done (its supervisor keeps none). Stays,
 * holding its result, until the study releases it, so a study that lost track of it can ask again.
 */
final class MemberEntity extends AbstractBehavior<MemberEntity.Message> {

    /** What an entity handles: its study's commands ({@link MemberEntityCommand}, from any node) and its own children's answers. */
    sealed interface Message permits MemberEntityCommand, Reported, JournalRead {}

    /** Doubles per trajectory message: 128 KiB, half of Pekko's default remoting frame. */
    static final int CHUNK_DOUBLES = 16 * 1024;
    /**
     * Progress crosses the network at most this often per member: a member reports every step,
     * and thousands of reports a second fill remoting's outbound queue, which then drops messages.
     */
    static final long PROGRESS_INTERVAL_NANOS = 200_000_000L;

    private record Reported(EnsembleCommand report) implements Message {}

    private record JournalRead(List<TrajectoryEvent> events, Throwable failure) implements Message {}

    static Behavior<MemberEntityCommand> create() {
        return Behaviors.<Message>setup(MemberEntity::new).narrow();
    }

    private final ActorRef<EnsembleCommand> reports;
    private MemberEntityCommand.Run run;
    private ActorRef<MemberCommand> supervisor;
    private int restarts;
    private String failure;
    private MemberTrajectory result;
    private long progressSentAt;
    private boolean reading;

    private MemberEntity(ActorContext<Message> context) {
        super(context);
        this.reports = context.messageAdapter(EnsembleCommand.class, Reported::new);
    }

    @Override
    public Receive<Message> createReceive() {
        return newReceiveBuilder()
                .onMessage(MemberEntityCommand.Run.class, this::onRun)
                .onMessage(MemberEntityCommand.Release.class, release -> Behaviors.stopped())
                .onMessage(Reported.class, this::onReported)
                .onMessage(JournalRead.class, this::onJournalRead)
                .onSignal(Terminated.class, this::onSupervisorStopped)
                .build();
    }

    private Behavior<Message> onRun(MemberEntityCommand.Run message) {
        boolean first = run == null;
        run = message;
        run.study().tell(new StudyCommand.MemberRunning(run.member(), run.attempt(), getContext().getSelf().narrow()));
        if (result != null) {
            sendResult();
        } else if (!first && reading) {
            readJournal(); // asked again: the first read may never have answered
        } else if (first) {
            supervisor = getContext().spawn(MemberSupervision.continuing(run.spec(), run.member(),
                    TrajectoryRecorder.create(run.spec().runId(), run.member()), reports), "supervisor");
            getContext().watch(supervisor);
            supervisor.tell(new MemberCommand.Start());
        }
        return this;
    }

    private Behavior<Message> onReported(Reported reported) {
        if (reported.report() instanceof EnsembleCommand.MemberProgress progress) {
            long now = System.nanoTime();
            if (now - progressSentAt >= PROGRESS_INTERVAL_NANOS || progress.step() >= run.spec().steps()) {
                progressSentAt = now;
                run.study().tell(new StudyCommand.MemberProgress(run.member(), progress.step()));
            }
        } else if (reported.report() instanceof EnsembleCommand.MemberFinished finished) {
            getContext().unwatch(supervisor);
            getContext().stop(supervisor);
            restarts = finished.restarts();
            failure = finished.failure();
            readJournal();
        }
        return this;
    }

    /** The member's trajectory is in the journal only (its supervisor keeps none). */
    private void readJournal() {
        reading = true;
        TrajectoryReader reader = new TrajectoryReader(getContext().getSystem());
        getContext().pipeToSelf(reader.source(run.spec().runId(), run.member(), 0, Long.MAX_VALUE)
                        .runWith(Sink.seq(), getContext().getSystem()),
                JournalRead::new);
    }

    private Behavior<Message> onJournalRead(JournalRead read) {
        if (result != null) return this;
        reading = false;
        if (read.failure() != null) {
            if (failure == null) failure = "member " + run.member() + ": cannot read its recorded trajectory: " + read.failure();
            result = new MemberTrajectory(run.member(), new long[0], new double[0], new double[0][]);
        } else {
            result = MemberTrajectory.of(run.member(), read.events());
        }
        sendResult();
        return this;
    }

    private void sendResult() {
        int from = 0;
        int gradientsSent = 0;
        List<TrajectoryEvent.GradientRecorded> gradients = result.gradients();
        do {
            int to = from;
            long doubles = 0;
            while (to < result.steps().length && (to == from || doubles + result.values()[to].length <= CHUNK_DOUBLES)) {
                doubles += result.values()[to++].length;
            }
            List<TrajectoryEvent.GradientRecorded> chunkGradients = new ArrayList<>();
            boolean last = to == result.steps().length;
            long lastStep = to > 0 ? result.steps()[to - 1] : -1;
            while (gradientsSent < gradients.size() && (last || gradients.get(gradientsSent).step() <= lastStep)) {
                chunkGradients.add(gradients.get(gradientsSent++));
            }
            run.study().tell(new StudyCommand.MemberSnapshots(run.member(), run.attempt(),
                    java.util.Arrays.copyOfRange(result.steps(), from, to),
                    java.util.Arrays.copyOfRange(result.times(), from, to),
                    java.util.Arrays.copyOfRange(result.values(), from, to), chunkGradients));
            from = to;
        } while (from < result.steps().length);
        run.study().tell(new StudyCommand.MemberDone(run.member(), run.attempt(), result.steps().length, restarts, failure));
    }

    private Behavior<Message> onSupervisorStopped(Terminated signal) {
        if (!signal.getRef().equals(supervisor) || result != null) return this;
        String cause = signal instanceof ChildFailed failed ? String.valueOf(failed.getCause()) : "it stopped";
        failure = "member " + run.member() + ": its supervisor failed: " + cause;
        result = new MemberTrajectory(run.member(), new long[0], new double[0], new double[0][]);
        sendResult();
        return this;
    }
}
