package org.dysonsim.actors;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.ReceiveBuilder;
import org.dysonsim.protocol.BlockCommand;
import org.dysonsim.protocol.ClockCommand;
import org.dysonsim.protocol.MemberCommand;

/**
 * A member's clock: owns the nominal step and the time {@code t = step·dt} (a product, never a
 * running sum, so a resumed run keeps the same times). It starts the blocks, follows their
 * progress and has the supervisor record a snapshot at step 0, every {@code recordEvery} steps
 * and at the last step. With the Coulomb exchange the blocks step on their own (each does the
 * implicit solve and picks the sub-step level from all positions, docs/physics.md §2) and the first
 * block reports the nominal steps to record and, between them, its progress now and then, and
 * the clock relays them; without it the clock hands out chunks of steps ({@link ChunkDispatch}).
 */
final class Clock extends AbstractBehavior<ClockCommand> {

    /**
     * @param startStep the step the positions {@code start} belong to (0, or a snapshot's step on restart)
     * @param blocks    empty: the clock simulates the member itself (a single block's plain path,
     *                  without the block's and the loss actor's messages: what makes small members cheap)
     * @param exchange  true: per-sub-step Coulomb exchange between blocks; false: blocks advance on their own
     * @param failAt    for testing supervision: throw on reaching this step (−1: never)
     */
    record Setup(RunSpec run, int member, long startStep, double[] start, BlockLayout layout,
                 List<ActorRef<BlockCommand>> blocks, boolean exchange, int advanceChunk,
                 ActorRef<MemberCommand> supervisor, int generation, long failAt) {}

    static Behavior<ClockCommand> create(Setup setup) {
        return Behaviors.setup(context -> new Clock(context, setup));
    }

    private final Setup setup;
    private final RunSpec run;
    private final ChunkDispatch chunks;
    private final RecordSchedule records;
    private final double[] x;
    private long step;
    private PlainAdvance plain;

    private Clock(ActorContext<ClockCommand> context, Setup setup) {
        super(context);
        this.setup = setup;
        this.run = setup.run();
        this.chunks = new ChunkDispatch(run.steps(), run.recordEvery(), setup.advanceChunk(), setup.layout());
        this.records = RecordSchedule.of(run);
        this.x = setup.start().clone();
        this.step = setup.startStep();
        if (step == 0) {
            setup.supervisor().tell(new MemberCommand.Snapshot(setup.generation(), 0, 0.0, x.clone()));
        }
        beginInterval();
    }

    /** Relaying the steps exchanging blocks report, or dispatching chunks; until finished or diverged. */
    @Override
    public Receive<ClockCommand> createReceive() {
        ReceiveBuilder<ClockCommand> running = newReceiveBuilder();
        if (setup.exchange()) running.onMessage(ClockCommand.Stepped.class, this::onStepped);
        else running.onMessage(ClockCommand.Advanced.class, this::onAdvanced);
        return running.onMessage(ClockCommand.BlockDiverged.class, m -> diverge(m.step(), m.reason())).build();
    }

    private void beginInterval() {
        if (setup.exchange()) startExchanging();
        else dispatchChunk();
    }

    private void startExchanging() {
        checkInjectedFault(step, step + 1);
        for (ActorRef<BlockCommand> block : setup.blocks()) {
            block.tell(new BlockCommand.Run(step, run.steps(), x.clone(), getContext().getSelf()));
        }
    }

    private void dispatchChunk() {
        long advanceTo = chunks.begin(step);
        checkInjectedFault(step, advanceTo);
        if (setup.blocks().isEmpty()) {
            advanceItself();
            return;
        }
        for (int b = 0; b < setup.layout().blocks(); b++) {
            setup.blocks().get(b).tell(new BlockCommand.Advance(step, advanceTo, chunks.slice(x, b), getContext().getSelf()));
        }
    }

    /** One chunk on this actor, then a message to itself, so that a run of many chunks does not recurse. */
    private void advanceItself() {
        if (plain == null) {
            // A run of fewer members than cores leaves a core idle: the next chunk's noise is drawn there.
            boolean idleCores = run.members() < Runtime.getRuntime().availableProcessors();
            plain = new PlainAdvance(run.model(), run.rule(), run.dt(), run.seed(), setup.member(), 0, x.length,
                    idleCores ? getContext().getExecutionContext() : null);
        }
        long advanceTo = chunks.end();
        PlainAdvance.Divergence divergence = plain.run(x, step, advanceTo, chunks.endOf(advanceTo));
        if (divergence != null) {
            getContext().getSelf().tell(new ClockCommand.BlockDiverged(0, divergence.step(), divergence.reason()));
        } else {
            getContext().getSelf().tell(new ClockCommand.Advanced(0, advanceTo, x.clone()));
        }
    }

    private void checkInjectedFault(long from, long to) {
        if (setup.failAt() >= from && setup.failAt() < to) {
            throw new IllegalStateException("injected fault at step " + setup.failAt());
        }
    }

    private Behavior<ClockCommand> onStepped(ClockCommand.Stepped message) {
        // The first block reports only the steps to record and, between them, progress now and
        // then; the fault schedule of the steps it did not report is kept as if they had been.
        checkInjectedFault(step + 1, message.step());
        System.arraycopy(message.positions(), 0, x, 0, x.length);
        return stepDone(message.step());
    }

    private Behavior<ClockCommand> onAdvanced(ClockCommand.Advanced message) {
        if (!chunks.arrived(message.block(), message.positions(), x)) return this;
        return stepDone(chunks.end());
    }

    /** Nominal steps up to {@code done} are complete. */
    private Behavior<ClockCommand> stepDone(long done) {
        step = done;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) return diverge(step - 1, "eigenvalue " + i + " became " + x[i]);
        }
        ActorRef<MemberCommand> supervisor = setup.supervisor();
        int generation = setup.generation();
        supervisor.tell(new MemberCommand.Progress(generation, step));
        if (records.records(step)) {
            supervisor.tell(new MemberCommand.Snapshot(generation, step, step * run.dt(), x.clone()));
        }
        if (step >= run.steps()) {
            supervisor.tell(new MemberCommand.Finished(generation, step));
            return Behaviors.ignore();
        }
        // The exchanging blocks go on by themselves; the clock only keeps the fault schedule.
        if (setup.exchange()) checkInjectedFault(step, step + 1);
        else dispatchChunk();
        return this;
    }

    /** Reports the divergence; whatever the blocks still send is ignored. */
    private Behavior<ClockCommand> diverge(long atStep, String reason) {
        setup.supervisor().tell(new MemberCommand.Diverged(setup.generation(),
                "non-finite state in step " + atStep + " (t = " + atStep * run.dt() + "): " + reason));
        return Behaviors.ignore();
    }
}
