package org.dysonsim.actors.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.typed.Cluster;
import org.dysonsim.actors.EngineSettings;
import org.dysonsim.actors.ProgressTally;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunOutcome;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.actors.RunSpecWire;
import org.dysonsim.protocol.MemberEntityCommand;
import org.dysonsim.protocol.ResolvedRun;
import org.dysonsim.protocol.StudyCommand;

/**
 * The members of one study as Cluster Sharding entities ({@link MemberShards}): waits for a worker
 * to be Up, places at most {@code membersInFlight} members per Up worker at a time, reports progress
 * to the {@link RunListener}, and notes where each member finished. It watches every member's
 * entity: when the entity's node leaves or dies, the member is placed again and continues on
 * another node from its last snapshot in the shared journal, so nothing recorded is lost or
 * repeated. No trajectory reaches it: they are in the journal. The first member that fails fails
 * the study. Completes {@code ended} and stops.
 */
final class ClusterEnsemble extends AbstractBehavior<ClusterEnsemble.Message> {

    /** What a study handles: its members' reports (from any node) and its own timers and watches. */
    sealed interface Message permits Report, CountWorkers, EntityLost, PlacementDue, CheckSilence {}

    /** A member's report, through the adapter the members are given as their study. */
    private record Report(StudyCommand command) implements Message {}

    private record CountWorkers() implements Message {}

    private record EntityLost(int member, int attempt) implements Message {}

    private record PlacementDue(int member, int attempt) implements Message {}

    private record CheckSilence() implements Message {}

    /** Where one member is placed. */
    private static final class Placement {
        int attempt;
        int moves;
        long placedAt;
        long heardAt;
        ActorRef<MemberEntityCommand> entity;
        String node;
    }

    private static final Duration WORKER_POLL = Duration.ofMillis(200);

    /**
     * How a study on the cluster ended, its trajectories left in the journal.
     *
     * @param nodes member → address of the node that finished it
     */
    record Ended(RunOutcome outcome, SortedMap<Integer, String> nodes, int moves, int askedAgain) {
        /** A study that failed before any member finished. */
        static Ended failed(String why) {
            return new Ended(RunOutcome.failed(why), new TreeMap<>(), 0, 0);
        }
    }

    /**
     * The study's coordinator; {@code ended} completes when it stops, also when it cannot start or
     * fails, so no caller waits for a study that no longer runs.
     */
    static Behavior<Message> create(RunSpec spec, RunListener listener, CompletableFuture<Ended> ended) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
            try {
                return new ClusterEnsemble(context, timers, spec, listener, ended);
            } catch (RuntimeException e) {
                ended.complete(Ended.failed("the study could not start: " + e));
                return Behaviors.stopped();
            }
        }));
    }

    private final TimerScheduler<Message> timers;
    private final RunSpec spec;
    private final CompletableFuture<Ended> ended;
    private final EngineSettings engine;
    private final ClusterSettings settings;
    private final ActorRef<ShardingEnvelope<MemberEntityCommand>> region;
    private final ActorRef<StudyCommand> self;
    private final ResolvedRun wire;
    private final long startedAt = System.nanoTime();

    private final Map<Integer, Placement> inFlight = new HashMap<>();
    /** The finished members and the nodes they finished on. */
    private final SortedMap<Integer, String> nodes = new TreeMap<>();
    private final ProgressTally progress;
    private int next;
    private int limit;
    private int moves;
    private int askedAgain;

    private ClusterEnsemble(ActorContext<Message> context, TimerScheduler<Message> timers, RunSpec spec,
                            RunListener listener, CompletableFuture<Ended> ended) {
        super(context);
        this.timers = timers;
        this.spec = spec;
        this.ended = ended;
        this.engine = EngineSettings.from(context.getSystem().settings().config());
        this.settings = ClusterSettings.from(context.getSystem().settings().config());
        this.region = MemberShards.init(context.getSystem());
        this.self = context.messageAdapter(StudyCommand.class, Report::new);
        this.wire = RunSpecWire.toWire(spec);
        this.progress = new ProgressTally(spec, listener);
        context.getSelf().tell(new CountWorkers());
        timers.startTimerWithFixedDelay(new CheckSilence(), settings.silenceTimeout().dividedBy(4));
    }

    @Override
    public Receive<Message> createReceive() {
        return newReceiveBuilder()
                .onMessage(CountWorkers.class, m -> onCountWorkers())
                .onMessage(Report.class, this::onReport)
                .onMessage(EntityLost.class, this::onEntityLost)
                .onMessage(PlacementDue.class, this::onPlacementDue)
                .onMessage(CheckSilence.class, m -> onCheckSilence())
                .onSignal(PostStop.class, m -> {
                    // after complete() this changes nothing; after a failure or on shutdown it ends the study
                    ended.complete(Ended.failed("the study's coordinator stopped before the study ended (a failure, which"
                            + " is logged, or this node shutting down)"));
                    return this;
                })
                .build();
    }

    private Behavior<Message> onReport(Report report) {
        StudyCommand command = report.command();
        if (command instanceof StudyCommand.MemberRunning running) return onRunning(running);
        if (command instanceof StudyCommand.MemberProgress progress) return onProgress(progress);
        return onDone((StudyCommand.MemberDone) command);
    }

    private Behavior<Message> onCountWorkers() {
        if (limit > 0) return this;
        long workers = upWorkers();
        if (workers == 0) {
            if (System.nanoTime() - startedAt > settings.workersReadyTimeout().toNanos()) {
                return complete("no worker node is up in the cluster after " + settings.workersReadyTimeout().toSeconds()
                        + " s (start nodes with `dyson node`)");
            }
            timers.startSingleTimer(new CountWorkers(), WORKER_POLL);
            return this;
        }
        getContext().getLog().info("study {}: {} members on {} workers", spec.runId(), spec.members(), workers);
        limit = (int) Math.min(Integer.MAX_VALUE, engine.membersInFlight() * workers);
        while (next < spec.members() && inFlight.size() < limit) place(next++);
        return nodes.size() == spec.members() ? complete(null) : this;
    }

    private long upWorkers() {
        return java.util.stream.StreamSupport.stream(
                        Cluster.get(getContext().getSystem()).state().getMembers().spliterator(), false)
                .filter(m -> m.status() == MemberStatus.up() && m.hasRole(NodeSettings.WORKER)).count();
    }

    /** Places the member (again): a new attempt, continuing from whatever the journal holds. */
    private void place(int member) {
        Placement placement = inFlight.computeIfAbsent(member, m -> new Placement());
        if (placement.entity != null) getContext().unwatch(placement.entity);
        placement.attempt++;
        placement.placedAt = System.nanoTime();
        placement.heardAt = placement.placedAt;
        placement.entity = null;
        askToRun(member, placement);
    }

    private void askToRun(int member, Placement placement) {
        region.tell(new ShardingEnvelope<>(MemberShards.entityId(spec.runId(), member),
                new MemberEntityCommand.Run(wire, member, placement.attempt, self)));
        timers.startSingleTimer(member, new PlacementDue(member, placement.attempt), settings.placementRetry());
    }

    private Behavior<Message> onPlacementDue(PlacementDue due) {
        Placement placement = inFlight.get(due.member());
        if (placement == null || placement.attempt != due.attempt() || placement.entity != null) return this;
        if (System.nanoTime() - placement.placedAt > settings.placementTimeout().toNanos()) {
            return complete("member " + due.member() + ": no worker node took it within "
                    + settings.placementTimeout().toSeconds() + " s");
        }
        askToRun(due.member(), placement);
        return this;
    }

    private Behavior<Message> onRunning(StudyCommand.MemberRunning running) {
        Placement placement = inFlight.get(running.member());
        if (placement == null || placement.attempt != running.attempt() || placement.entity != null) return this;
        timers.cancel(running.member());
        placement.heardAt = System.nanoTime();
        placement.entity = running.entity();
        placement.node = running.entity().path().address().toString();
        getContext().watchWith(running.entity(), new EntityLost(running.member(), running.attempt()));
        return this;
    }

    /**
     * A running member that has said nothing for the silence timeout is asked again: a message
     * may have been dropped on the way (remoting drops when its queues are full), and the entity
     * answers a new attempt with its result, or keeps running and reporting.
     */
    private Behavior<Message> onCheckSilence() {
        long now = System.nanoTime();
        for (Map.Entry<Integer, Placement> e : new ArrayList<>(inFlight.entrySet())) {
            Placement placement = e.getValue();
            if (placement.entity != null && now - placement.heardAt > settings.silenceTimeout().toNanos()) {
                getContext().getLog().warn("member {}: nothing heard from {} for {} s; asking again", e.getKey(),
                        placement.node, settings.silenceTimeout().toMillis() / 1000.0);
                askedAgain++;
                place(e.getKey());
            }
        }
        return this;
    }

    private Behavior<Message> onEntityLost(EntityLost lost) {
        Placement placement = inFlight.get(lost.member());
        if (placement == null || placement.attempt != lost.attempt()) return this;
        moves++;
        if (++placement.moves > settings.maxMoves()) {
            return complete("member " + lost.member() + ": its node left " + placement.moves
                    + " times (dysonsim.cluster.max-moves = " + settings.maxMoves() + ")");
        }
        getContext().getLog().warn("member {}: its node {} left; continuing it on another node from its last snapshot",
                lost.member(), placement.node);
        place(lost.member());
        return this;
    }

    private Behavior<Message> onProgress(StudyCommand.MemberProgress message) {
        Placement placement = inFlight.get(message.member());
        if (placement != null) placement.heardAt = System.nanoTime();
        progress.reached(message.member(), message.step(), getContext().getLog());
        return this;
    }

    private Behavior<Message> onDone(StudyCommand.MemberDone message) {
        Placement placement = inFlight.get(message.member());
        if (placement == null || placement.attempt != message.attempt()) return this;
        inFlight.remove(message.member());
        timers.cancel(message.member());
        if (placement.entity != null) {
            getContext().unwatch(placement.entity);
            placement.entity.tell(new MemberEntityCommand.Release());
        }
        nodes.put(message.member(), placement.node);
        if (message.failure() != null) return complete(message.failure());
        while (next < spec.members() && inFlight.size() < limit) place(next++);
        return nodes.size() == spec.members() ? complete(null) : this;
    }

    private Behavior<Message> complete(String failure) {
        for (Placement placement : inFlight.values()) {
            if (placement.entity == null) continue;
            getContext().unwatch(placement.entity);
            placement.entity.tell(new MemberEntityCommand.Release());
        }
        inFlight.clear();
        ended.complete(new Ended(new RunOutcome(new ArrayList<>(nodes.keySet()), failure), new TreeMap<>(nodes), moves,
                askedAgain));
        return Behaviors.stopped();
    }
}
