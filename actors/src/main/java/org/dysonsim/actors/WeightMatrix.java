package org.dysonsim.actors;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.physics.gas.NonFiniteStateException;
import org.dysonsim.physics.sgd.InitialWeights;
import org.dysonsim.physics.sgd.SgdUpdate;
import org.dysonsim.physics.sgd.SingularPairs;
import org.dysonsim.physics.sgd.WeightSpectrum;
import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.MatrixLossCommand;
import org.dysonsim.protocol.MemberCommand;
import org.dysonsim.protocol.WeightMatrixCommand;
import org.ejml.data.DMatrixRMaj;

/**
 * The weight-matrix actor of a matrix-level member: it holds W (M×N) and its momentum, asks its
 * loss actor for the minibatch gradient of each step, and applies the SGD update. At step 0, every
 * {@code recordEvery} steps and the last step it computes the spectrum of WᵀW and the top singular
 * pairs, asks for the next step's gradient with those pairs, and sends the snapshot with its
 * gradient record to the supervisor.
 *
 * <p>It starts from W₀ (a pure function of seed and member) or from a {@link MatrixCheckpoint}:
 * at the first record step at least {@code model.checkpointEvery()} steps after the last one it
 * sends the supervisor, after that step's snapshot, W, its momentum and the loss's state. A
 * restarted or resumed member continues from the last checkpoint saved (else from W₀)
 * deterministically, and its supervisor drops the snapshots already recorded.
 */
final class WeightMatrix extends AbstractBehavior<WeightMatrixCommand> {

    /**
     * @param start  the checkpoint to continue from, or null to start from W₀ (the loss actor must
     *               have been started with the same checkpoint's loss state)
     * @param failAt for testing supervision: throw on reaching this step (−1: never)
     */
    record Setup(MatrixModel model, long seed, int member, long steps, int recordEvery, MatrixCheckpoint start,
                 ActorRef<MatrixLossCommand> loss, ActorRef<MemberCommand> supervisor, int generation, long failAt) {}

    static Behavior<WeightMatrixCommand> create(Setup setup) {
        return Behaviors.setup(context -> new WeightMatrix(context, setup));
    }

    private final Setup setup;
    private final RecordSchedule records;
    private final MatrixModel model;
    private final ActorRef<MatrixLossCommand.Gradient> gradients;
    private final DMatrixRMaj w;
    private final DMatrixRMaj velocity;
    private long step;
    /** The step of the last checkpoint (of the start: W₀ counts as one at step 0). */
    private long checkpointStep;
    /** Set at a record step until the next gradient arrives: the spectrum and pairs of W_step. */
    private double[] eigenvalues;
    private SingularPairs pairs;

    private WeightMatrix(ActorContext<WeightMatrixCommand> context, Setup setup) {
        super(context);
        this.setup = setup;
        this.records = new RecordSchedule(setup.steps(), setup.recordEvery());
        this.model = setup.model();
        this.gradients = context.messageAdapter(MatrixLossCommand.Gradient.class, WeightMatrixCommand.GradientArrived::new);
        MatrixCheckpoint start = setup.start();
        if (start == null) {
            this.w = InitialWeights.gaussian(model.rows(), model.n(), model.initScale(), setup.seed(), setup.member());
            this.velocity = new DMatrixRMaj(model.rows(), model.n());
        } else {
            this.w = DMatrixRMaj.wrap(model.rows(), model.n(), start.weights().clone());
            this.velocity = DMatrixRMaj.wrap(model.rows(), model.n(), start.velocity().clone());
            this.step = start.step();
            this.checkpointStep = start.step();
        }
        requestGradient();
    }

    @Override
    public Receive<WeightMatrixCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(WeightMatrixCommand.GradientArrived.class, this::onGradient)
                .build();
    }

    private boolean recordStep(long s) {
        return records.records(s);
    }

    /** A checkpoint at this record step: due, and not the last step (nothing is left to resume). */
    private boolean checkpointStep(long s) {
        long every = model.checkpointEvery();
        return every > 0 && s < setup.steps() && s - checkpointStep >= every;
    }

    /** The gradient of step + 1 at W_step; with the pairs of W_step at a record step. */
    private void requestGradient() {
        if (recordStep(step)) {
            WeightSpectrum.Decomposed d;
            try {
                d = WeightSpectrum.withTopPairs(w, model.topK());
            } catch (IllegalStateException e) {
                throw diverged("the eigen-decomposition of WᵀW failed");
            }
            eigenvalues = d.eigenvalues();
            pairs = d.top();
            for (double x : eigenvalues) if (!Double.isFinite(x)) throw diverged("WᵀW has a non-finite eigenvalue");
        }
        // W is not touched until the answer arrives, so the loss may read it in place
        boolean checkpoint = pairs != null && checkpointStep(step);
        setup.loss().tell(new MatrixLossCommand.ComputeGradient(step + 1, model.rows(), model.n(), w.data,
                pairs == null ? null : MatrixMessages.directions(pairs), checkpoint, gradients));
    }

    /** A deterministic divergence: the supervisor stops the member instead of restarting it. */
    private NonFiniteStateException diverged(String what) {
        return new NonFiniteStateException(what + " after step " + step + " (non-finite weights; is the learning rate "
                + model.sgd().alpha() + " too large?)");
    }

    private Behavior<WeightMatrixCommand> onGradient(WeightMatrixCommand.GradientArrived message) {
        MatrixLossCommand.Gradient g = message.gradient();
        if (g.step() != step + 1) throw new IllegalStateException("gradient of step " + g.step() + " at step " + step);
        ActorRef<MemberCommand> supervisor = setup.supervisor();
        double t = step * model.sgd().alpha();
        if (pairs != null) {
            supervisor.tell(new MemberCommand.Snapshot(setup.generation(), step, t, eigenvalues,
                    MatrixMessages.record(step, t, pairs, g)));
            pairs = null;
            eigenvalues = null;
        }
        if (g.lossState() != null) {
            // W_step, its momentum and the loss's state before step + 1: continuing from here is exact
            supervisor.tell(new MemberCommand.Checkpointed(setup.generation(), new MatrixCheckpoint(step, model.rows(),
                    model.n(), w.data.clone(), velocity.data.clone(), g.lossState())));
            checkpointStep = step;
        }
        if (step >= setup.steps()) {
            supervisor.tell(new MemberCommand.Finished(setup.generation(), step));
            return this; // the supervisor stops the generation

        }
        SgdUpdate.apply(w, velocity, DMatrixRMaj.wrap(model.rows(), model.n(), g.gradient()), model.sgd());
        step++;
        if (step == setup.failAt()) throw new IllegalStateException("injected fault at step " + step);
        for (double v : w.data) if (!Double.isFinite(v)) throw diverged("W has a non-finite entry");
        // every step, so the stall watchdog never depends on how long a record interval takes
        supervisor.tell(new MemberCommand.Progress(setup.generation(), step));
        requestGradient();
        return this;
    }
}
