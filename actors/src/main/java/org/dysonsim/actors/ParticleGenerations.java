package org.dysonsim.actors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.protocol.BlockCommand;
import org.dysonsim.protocol.BlockHostCommand;
import org.dysonsim.protocol.BlockSetup;
import org.dysonsim.protocol.LossCommand;
import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.MemberCommand;

/**
 * A particle-level member's generations: a clock, and eigenvalue blocks with a loss actor when
 * the member has more than one block (a single block's plain path runs on the clock alone). With
 * {@code blocks.nodes > 1} the blocks are placed by block hosts on other nodes, and the clock
 * starts once every block is placed.
 */
final class ParticleGenerations implements Generations {
    private static final String PLACEMENT_TIMER = "placement";

    private final ActorContext<MemberCommand> context;
    private final TimerScheduler<MemberCommand> timers;
    private final RunSpec spec;
    private final int member;
    private final EngineSettings settings;
    private final GenerationActors actors;
    private final int blocksNodes;
    /** The hosts asked for each generation's blocks, block b on host b mod size. */
    private final Map<Integer, List<ActorRef<BlockHostCommand>>> placements = new HashMap<>();
    /** The generation waiting for its blocks, or null. */
    private Placement placement;

    /** A generation whose blocks are being placed on block hosts. */
    private record Placement(int generation, long startStep, double[] start, BlockLayout layout, long failAt,
                             List<ActorRef<BlockCommand>> blocks) {
        boolean complete() {
            return !blocks.contains(null);
        }
    }

    ParticleGenerations(ActorContext<MemberCommand> context, TimerScheduler<MemberCommand> timers, RunSpec spec,
                        int member, EngineSettings settings) {
        this.context = context;
        this.timers = timers;
        this.spec = spec;
        this.member = member;
        this.settings = settings;
        this.actors = new GenerationActors(context);
        this.blocksNodes = BlockPlacement.nodesOf(spec);
    }

    @Override
    public void spawn(int generation, long step, double[] start, MatrixCheckpoint checkpoint, long failAt) {
        BlockLayout layout = BlockLayout.forRun(spec, Runtime.getRuntime().availableProcessors());
        // A single block on the plain path: the clock simulates it, with no block or loss actor.
        boolean solo = layout.blocks() == 1 && settings.singleBlockFastPath();
        boolean exchange = spec.model() instanceof GasModel && !solo;
        ActorRef<LossCommand> loss = null;
        if (spec.model() instanceof GasModel gas && !solo) {
            loss = actors.child(context.spawn(Loss.create(gas.drift()), "loss-" + generation));
        }
        List<ActorRef<BlockHostCommand>> hosts = exchange && blocksNodes > 1
                ? BlockHosts.get(context.getSystem()).choose(blocksNodes) : List.of();
        if (hosts.size() > 1) {
            // Split over nodes: the hosts answer with BlockPlaced; the clock starts when all have.
            List<ActorRef<BlockCommand>> none = new ArrayList<>();
            for (int b = 0; b < layout.blocks(); b++) none.add(null);
            placement = new Placement(generation, step, start, layout, failAt, none);
            placements.put(generation, hosts);
            for (int b = 0; b < layout.blocks(); b++) {
                hosts.get(b % hosts.size()).tell(new BlockHostCommand.Spawn(setup(layout, b, loss, true), generation,
                        context.getSelf()));
            }
            timers.startSingleTimer(PLACEMENT_TIMER, new MemberCommand.BlocksUnplaced(generation), settings.askTimeout());
            return;
        }
        List<ActorRef<BlockCommand>> blocks = new ArrayList<>();
        for (int b = 0; b < (solo ? 0 : layout.blocks()); b++) {
            blocks.add(actors.child(context.spawn(EigenvalueBlock.create(setup(layout, b, loss, exchange)),
                    "block-" + generation + "-" + b)));
        }
        startClock(generation, step, start, layout, blocks, exchange, failAt);
    }

    private BlockSetup setup(BlockLayout layout, int block, ActorRef<LossCommand> loss, boolean exchange) {
        return ParticleMessages.blockSetup(spec, member, layout, block, loss, exchange);
    }

    @Override
    public void placed(MemberCommand.BlockPlaced message) {
        List<ActorRef<BlockHostCommand>> hosts = placements.get(message.generation());
        ActorRef<BlockHostCommand> host = hosts == null ? null : hosts.get(message.index() % hosts.size());
        if (placement == null || message.generation() != placement.generation()) {
            // A block of a generation given up on: its host stops it.
            if (host != null) host.tell(new BlockHostCommand.Release(context.getSelf(), new ArrayList<>(List.of(message.block()))));
            return;
        }
        placement.blocks().set(message.index(), message.block());
        actors.placedBlock(message.block(), host);
        if (!placement.complete()) return;
        timers.cancel(PLACEMENT_TIMER);
        Placement done = placement;
        placement = null;
        List<String> nodes = hosts.stream().map(h -> h.path().address().hasLocalScope() ? "local" : h.path().address().toString())
                .distinct().toList();
        context.getLog().info("member {}: generation {} runs its {} blocks on {} nodes {}", member, done.generation(),
                done.blocks().size(), nodes.size(), nodes);
        startClock(done.generation(), done.startStep(), done.start(), done.layout(), done.blocks(), true, done.failAt());
    }

    @Override
    public String unplaced(int generation) {
        if (placement == null || generation != placement.generation()) return null;
        return "block hosts " + placements.get(generation).stream().map(host -> host.path().address().toString())
                .distinct().toList() + " did not place every block within " + seconds(settings.askTimeout());
    }

    private void startClock(int generation, long startStep, double[] start, BlockLayout layout,
                            List<ActorRef<BlockCommand>> blocks, boolean exchange, long failAt) {
        if (exchange) {
            for (int b = 0; b < blocks.size(); b++) {
                for (int p = 0; p < blocks.size(); p++) {
                    if (p != b) blocks.get(b).tell(new BlockCommand.Peer(p, blocks.get(p)));
                }
            }
        }
        Clock.Setup clock = new Clock.Setup(spec, member, startStep, start, layout, List.copyOf(blocks), exchange,
                settings.advanceSteps(layout.blockSize(), spec.rule()), context.getSelf(), generation, failAt);
        actors.child(context.spawn(Clock.create(clock), "clock-" + generation));
    }

    @Override
    public double[] initialPositions() {
        double[] start;
        try {
            start = spec.initialPositions(member);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the initial spectrum could not be sampled: " + OneLine.of(e), e);
        }
        if (start.length != spec.n()) {
            throw new IllegalArgumentException("the initial spectrum has " + start.length + " values, the model has n = "
                    + spec.n());
        }
        return start;
    }

    @Override
    public void stop() {
        actors.stopAll();
        placement = null;
        timers.cancel(PLACEMENT_TIMER);
    }

    @Override
    public String lost(ActorRef<?> ref, String cause) {
        if (actors.isPlacedBlock(ref)) {
            return "block " + ref.path().name() + " on " + ref.path().address() + " stopped (its node left or failed)";
        }
        if (!actors.isChild(ref)) return null;
        return cause == null ? ref.path().name() + " stopped unexpectedly" : cause;
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
