package org.dysonsim.actors;
// Over 300 lines: the exchange path's sub-step loop (compute and share, predict, solve, report)
// reads best in one place; its bookkeeping is SubStepLedger, its outgoing partials PartialOutbox,
// the advance path's integrator PlainAdvance.

import java.util.Arrays;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.dysonsim.physics.fastsum.FastCoulombSums;
import org.dysonsim.physics.gas.BrownianBridge;
import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.gas.CoulombTiles;
import org.dysonsim.physics.gas.ExplicitPredictor;
import org.dysonsim.physics.gas.FarField;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.GasStepper;
import org.dysonsim.physics.gas.NearestNeighbourImplicit;
import org.dysonsim.physics.gas.NonFiniteStateException;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.TilePlan;
import org.dysonsim.physics.gas.TileSums;
import org.dysonsim.protocol.BlockCommand;
import org.dysonsim.protocol.BlockDynamics;
import org.dysonsim.protocol.BlockSetup;
import org.dysonsim.protocol.ClockCommand;
import org.dysonsim.protocol.LossCommand;

/**
 * An eigenvalue block: owns the contiguous range {@code [from, to)} of a member's eigenvalues.
 *
 * <p>Exchange path ({@link BlockCommand.Run}), one sub-step (docs/physics.md §2, "Actors"): every block
 * holds all positions; it computes its share of the Coulomb tile pairs ({@link TilePlan}), first
 * those with partials for other blocks, and sends each of those to the blocks owning rows of the
 * target tile before it computes the pairs it alone needs; holding every partial for its
 * rows, it totals them in tile order, adds drift and noise ({@link ExplicitPredictor}) and sends
 * its predictions to every other block. Each block then does the O(N) implicit solve on all the
 * predictions itself: the same numbers in the same order, so every block holds the same new
 * positions, and a sub-step costs two message hops instead of a round trip through a solver.
 * From {@link FarField#FAST_FROM} eigenvalues each block instead computes the far field of its
 * own rows with the fast sum, which needs no partials from anyone (only the predictions are
 * exchanged). The first block reports each nominal step to the clock. Every number is computed as
 * {@link GasStepper} computes it, so the trajectory is bit-identical whatever the block size.
 *
 * <p>Advance path ({@link BlockCommand.Advance}): the block runs the plain integrator over many
 * steps with no messages in between — a gas owned by one block, or independent CIR modes.
 *
 * <p>A block is spawned from a {@link BlockSetup} of plain data, without the drift: a gas block
 * subscribes to the loss actor, the one source of the drift, and waits for it
 * ({@link BlockCommand.UseDrift}) before it does anything else.
 */
final class EigenvalueBlock extends AbstractBehavior<BlockCommand> {

    /**
     * Between snapshots, the first block reports its step to the clock at most this often.
     * Every report wakes the clock, the supervisor and the ensemble on cores the blocks keep
     * busy, and each wake-up preempts a block and so delays the exchange of both. A fiftieth of
     * a second is still far finer than any progress display or the stall watchdog needs.
     */
    static final long REPORT_INTERVAL_NANOS = 20_000_000L;

    static Behavior<BlockCommand> create(BlockSetup setup) {
        BlockLayout layout = BlockLayout.of(setup.n(), setup.blockSize());
        int blocks = layout.blocks();
        int tiles = CoulombTiles.tiles(layout.n());
        // Before the drift and the peers are known, at most a run, an advance, and one batch of
        // partials and one of predictions per peer can arrive (the next sub-step needs ours).
        int capacity = 16 + 2 * blocks + (FarField.fast(layout.n()) ? 0 : tiles * tiles);
        return Behaviors.withStash(capacity,
                stash -> Behaviors.setup(context -> new EigenvalueBlock(context, stash, setup)));
    }

    private final StashBuffer<BlockCommand> stash;
    private final BlockSetup setup;
    private final BlockLayout layout;
    private final StepSizeRule rule;
    private final int n, index, from, to, blocks;
    private final double dt;
    /** The independent diffusions this block advances, or null for a gas (whose drift comes from the loss actor). */
    private final CirModel diffusions;
    private final double[] x;
    private final ActorRef<BlockCommand>[] peers;
    private int peersKnown;
    private GasModel gas;
    private PlainAdvance plain;

    // exchange path
    private TileSums sums;
    /** From {@link FarField#FAST_FROM} particles: the fast sum of this block's rows, and no partials exchanged. */
    private FastCoulombSums fast;
    private List<int[]> pairs;
    /** The last of {@link #pairs} with partials for other blocks (they come first): −1 if none. */
    private int lastShared;
    private SubStepLedger ledger;
    private double[] far, mirror, z, dW, scratch;
    private double[][] increments = new double[0][];
    private PartialOutbox outbox;
    private NearestNeighbourImplicit implicit;
    private long step, toStep;
    /** When the first block last reported a step to the clock. */
    private long reportedAt;
    private int level, sub;
    private ActorRef<ClockCommand> clock;
    private boolean running;

    @SuppressWarnings("unchecked")
    private EigenvalueBlock(ActorContext<BlockCommand> context, StashBuffer<BlockCommand> stash, BlockSetup setup) {
        super(context);
        this.stash = stash;
        this.setup = setup;
        this.layout = BlockLayout.of(setup.n(), setup.blockSize());
        this.rule = ParticleMessages.rule(setup.rule());
        this.diffusions = setup.dynamics() instanceof BlockDynamics.SquareRootDiffusions d
                ? ParticleMessages.squareRootDiffusions(d) : null;
        this.n = layout.n();
        this.index = setup.index();
        this.from = layout.from(index);
        this.to = layout.to(index);
        this.blocks = layout.blocks();
        this.dt = setup.dt();
        this.x = new double[n];
        this.peers = (ActorRef<BlockCommand>[]) new ActorRef<?>[blocks];
        this.peers[index] = context.getSelf();
        this.peersKnown = 1;
        if (diffusions == null) {
            setup.loss().tell(new LossCommand.Subscribe(context.getSelf()));
        }
    }

    /** The exchange's bookkeeping, once the gas is known (its image term decides what is exchanged). */
    private void prepareExchange() {
        if (FarField.fast(n)) {
            fast = new FastCoulombSums(n);
            pairs = List.of();
        } else {
            sums = new TileSums(n, gas.hasMirror());
            pairs = TilePlan.pairsFor(n, layout.blockSize(), index);
        }
        lastShared = -1;
        for (int k = 0; k < pairs.size(); k++) {
            if (TilePlan.sharedWithOthers(pairs.get(k), n, layout.blockSize(), index)) lastShared = k;
        }
        far = new double[n];
        mirror = gas.hasMirror() ? new double[n] : null;
        z = new double[n];
        dW = new double[n];
        scratch = new double[CoulombTiles.SCRATCH];
        ledger = fast != null ? SubStepLedger.withoutPartials(layout, index) : new SubStepLedger(layout, index, pairs);
        outbox = new PartialOutbox(layout, index);
        implicit = new NearestNeighbourImplicit(n);
    }

    private boolean ready() {
        boolean hasDrift = gas != null || diffusions != null;
        return hasDrift && (!setup.exchange() || peersKnown == blocks);
    }

    @Override
    public Receive<BlockCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(BlockCommand.UseDrift.class, this::onUseDrift)
                .onMessage(BlockCommand.Peer.class, this::onPeer)
                .onMessage(BlockCommand.class, message -> {
                    if (!ready()) {
                        stash.stash(message);
                        return this;
                    }
                    return handle(message);
                })
                .build();
    }

    private Behavior<BlockCommand> onUseDrift(BlockCommand.UseDrift message) {
        if (gas != null || diffusions != null) {
            throw new IllegalStateException("block " + index + " was sent a second drift");
        }
        gas = ParticleMessages.gas((BlockDynamics.Gas) setup.dynamics(), ParticleMessages.drift(message.drift()));
        if (setup.exchange()) prepareExchange();
        return ready() ? stash.unstashAll(this) : this;
    }

    private Behavior<BlockCommand> onPeer(BlockCommand.Peer message) {
        if (peers[message.index()] == null) peersKnown++;
        peers[message.index()] = message.ref();
        return ready() ? stash.unstashAll(this) : this;
    }

    private Behavior<BlockCommand> handle(BlockCommand message) {
        if (message instanceof BlockCommand.Run run) onRun(run);
        else if (message instanceof BlockCommand.CoulombForce force) onExchange(force.seq(), force);
        else if (message instanceof BlockCommand.Predictions predictions) onExchange(predictions.seq(), predictions);
        else if (message instanceof BlockCommand.Advance advance) onAdvance(advance);
        return this;
    }

    private void onRun(BlockCommand.Run run) {
        System.arraycopy(run.positions(), 0, x, 0, n);
        clock = run.clock();
        step = run.fromStep();
        toStep = run.toStep();
        reportedAt = System.nanoTime();
        running = true;
        if (beginNominalStep()) progress();
    }

    /** A peer's partials or predictions: of this sub-step, or of the next (the ledger keeps those). */
    private void onExchange(long messageSeq, BlockCommand message) {
        if (!ledger.isCurrent(messageSeq, message)) return;
        take(message);
        progress();
    }

    private void take(BlockCommand message) {
        if (message instanceof BlockCommand.CoulombForce force) {
            for (int k = 0; k < force.sourceTiles().length; k++) {
                sums.accept(force.sourceTiles()[k], force.targetTiles()[k], force.coulomb()[k],
                        force.mirror() == null ? null : force.mirror()[k]);
            }
        } else if (message instanceof BlockCommand.Predictions p) {
            System.arraycopy(p.z(), 0, z, layout.from(p.block()), p.z().length);
        }
        ledger.taken(message);
    }

    /** Does every part of the sub-step whose inputs are in; a loop, so a lone block never recurses. */
    private void progress() {
        while (running) {
            if (!ledger.computed()) {
                computeAndShare();
                if (!running) return;
            }
            if (!ledger.predicted()) {
                if (!ledger.hasAllPartials()) return;
                predict();
            }
            if (!ledger.hasAllPredictions()) return;
            if (!solve()) return;
            for (BlockCommand message : ledger.takeEarly()) take(message);
        }
    }

    /** Level and noise of the nominal step that starts now; false when the run is over or diverged. */
    private boolean beginNominalStep() {
        if (step >= toStep) {
            running = false;
            return false;
        }
        level = rule.level(gas, x, dt);
        sub = 0;
        int subs = 1 << level;
        if (increments.length != to - from || increments[0].length < subs) increments = new double[to - from][subs];
        for (int i = from; i < to; i++) {
            BrownianBridge.increments(setup.seed(), setup.member(), i, step, level, dt, increments[i - from]);
        }
        return true;
    }

    private void computeAndShare() {
        double minGap = Double.POSITIVE_INFINITY;
        for (int i = from; i < Math.min(to, n - 1); i++) minGap = Math.min(minGap, x[i + 1] - x[i]);
        if (Double.isNaN(x[from])) minGap = Double.NaN;
        if (!(minGap > 0)) {
            diverge(step, "eigenvalues of block " + index + " collided or are not finite (smallest gap " + minGap + ")");
            return;
        }
        if (fast != null) {
            // every block holds all positions, and the fast sum's bits do not depend on the rows asked for
            fast.sums(x, from, to, far, mirror);
            ledger.computedAndShared();
            return;
        }
        // The partials other blocks wait for are sent as soon as they are computed: the message
        // then travels while this block computes the pairs it alone needs.
        for (int k = 0; k < pairs.size(); k++) {
            int[] pair = pairs.get(k);
            sums.computePair(x, pair[0], pair[1], scratch);
            outbox.share(sums, pair[1], pair[0]);
            if (pair[0] < pair[1]) outbox.share(sums, pair[0], pair[1]);
            if (k == lastShared) outbox.send(ledger.seq(), sums.hasMirror(), peers);
        }
        ledger.computedAndShared();
    }

    private void predict() {
        if (fast == null) sums.total(from, to, far, mirror);
        for (int i = from; i < to; i++) dW[i] = increments[i - from][sub];
        double h = dt / (1 << level);
        ExplicitPredictor.predict(gas, x, far, mirror, dW, h, from, to, z);
        BlockCommand.Predictions mine = new BlockCommand.Predictions(ledger.seq(), index, Arrays.copyOfRange(z, from, to));
        for (int b = 0; b < blocks; b++) {
            if (b != index) peers[b].tell(mine);
        }
        ledger.predictedOwn();
    }

    /** The implicit solve on all predictions; false when the run is over or diverged. */
    private boolean solve() {
        try {
            implicit.solve(gas, z, dt / (1 << level), x);
        } catch (NonFiniteStateException e) {
            diverge(step, e.getMessage());
            return false;
        }
        ledger.endSubStep();
        if (++sub < (1 << level)) return true;
        step++;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[i])) {
                diverge(step - 1, "eigenvalue " + i + " became " + x[i]);
                return false;
            }
        }
        if (index == 0) report();
        return beginNominalStep();
    }

    /** Tells the clock the step just done if it is to be recorded, ends this run of steps or is due as progress. */
    private void report() {
        long now = System.nanoTime();
        if (!RecordSchedule.records(step, setup.recordEvery(), toStep) && now - reportedAt < REPORT_INTERVAL_NANOS) return;
        reportedAt = now;
        clock.tell(new ClockCommand.Stepped(step, x.clone()));
    }

    private void diverge(long atStep, String reason) {
        running = false;
        clock.tell(new ClockCommand.BlockDiverged(index, atStep, reason));
    }

    private void onAdvance(BlockCommand.Advance advance) {
        System.arraycopy(advance.positions(), 0, x, from, to - from);
        if (plain == null) {
            plain = new PlainAdvance(gas != null ? gas : diffusions, rule, dt, setup.seed(), setup.member(), from, to);
        }
        PlainAdvance.Divergence divergence = plain.run(x, advance.fromStep(), advance.toStep());
        if (divergence != null) {
            advance.clock().tell(new ClockCommand.BlockDiverged(index, divergence.step(), divergence.reason()));
            return;
        }
        advance.clock().tell(new ClockCommand.Advanced(index, advance.toStep(), Arrays.copyOfRange(x, from, to)));
    }
}
