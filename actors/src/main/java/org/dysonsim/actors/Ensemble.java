package org.dysonsim.actors;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.dysonsim.protocol.EnsembleCommand;
import org.dysonsim.protocol.MemberCommand;

/**
 * The independent members of one run: at most {@code membersInFlight} member supervisors at a
 * time (their trajectories go to their recorders, never here), progress reported to the {@link RunListener}.
 * The first failing member fails the run (the others are stopped; their journals stay
 * resumable). Completes {@code result} and stops.
 */
final class Ensemble extends AbstractBehavior<EnsembleCommand> {

    static Behavior<EnsembleCommand> create(RunSpec spec, RecorderFactory recorders, RunListener listener,
                                            boolean resume, EngineSettings settings,
                                            CompletableFuture<RunOutcome> result) {
        return Behaviors.setup(context -> new Ensemble(context, spec, recorders, listener, resume, settings, result));
    }

    private final RunSpec spec;
    private final RecorderFactory recorders;
    private final boolean resume;
    private final EngineSettings settings;
    private final CompletableFuture<RunOutcome> result;
    private final Map<Integer, ActorRef<MemberCommand>> inFlight = new HashMap<>();
    private final SortedSet<Integer> finished = new TreeSet<>();
    private final ProgressTally progress;
    private int next;

    private Ensemble(ActorContext<EnsembleCommand> context, RunSpec spec, RecorderFactory recorders,
                     RunListener listener, boolean resume, EngineSettings settings,
                     CompletableFuture<RunOutcome> result) {
        super(context);
        this.spec = spec;
        this.recorders = recorders;
        this.resume = resume;
        this.settings = settings;
        this.result = result;
        this.progress = new ProgressTally(spec, listener);
        while (next < spec.members() && inFlight.size() < settings.membersInFlight(spec.n())) launch(next++);
    }

    private void launch(int member) {
        ActorRef<MemberCommand> supervisor = getContext().spawn(MemberSupervisor.create(spec, member,
                recorders.recorder(spec.runId(), member), resume, settings, getContext().getSelf()), "member-" + member);
        getContext().watch(supervisor);
        inFlight.put(member, supervisor);
        supervisor.tell(new MemberCommand.Start());
    }

    @Override
    public Receive<EnsembleCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(EnsembleCommand.MemberProgress.class, this::onProgress)
                .onMessage(EnsembleCommand.MemberFinished.class, this::onFinished)
                .onSignal(Terminated.class, this::onTerminated)
                .build();
    }

    private Behavior<EnsembleCommand> onProgress(EnsembleCommand.MemberProgress message) {
        progress.reached(message.member(), message.step(), getContext().getLog());
        return this;
    }

    private Behavior<EnsembleCommand> onFinished(EnsembleCommand.MemberFinished message) {
        ActorRef<MemberCommand> supervisor = inFlight.remove(message.member());
        if (supervisor == null) return this;
        getContext().unwatch(supervisor);
        getContext().stop(supervisor);
        finished.add(message.member());
        if (message.failure() != null) return complete(message.failure());
        if (next < spec.members()) launch(next++);
        return finished.size() == spec.members() ? complete(null) : this;
    }

    private Behavior<EnsembleCommand> onTerminated(Terminated signal) {
        for (Map.Entry<Integer, ActorRef<MemberCommand>> e : inFlight.entrySet()) {
            if (e.getValue().equals(signal.getRef())) {
                inFlight.remove(e.getKey());
                String cause = signal instanceof ChildFailed failed ? OneLine.of(failed.getCause())
                        : "stopped";
                return complete("member " + e.getKey() + ": its supervisor failed: " + cause);
            }
        }
        return this;
    }

    private Behavior<EnsembleCommand> complete(String failure) {
        for (ActorRef<MemberCommand> supervisor : inFlight.values()) {
            getContext().unwatch(supervisor);
            getContext().stop(supervisor);
        }
        inFlight.clear();
        result.complete(new RunOutcome(List.copyOf(finished), failure));
        return Behaviors.stopped();
    }

}
