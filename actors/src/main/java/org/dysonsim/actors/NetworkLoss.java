package org.dysonsim.actors;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.physics.gas.NonFiniteStateException;
import org.dysonsim.physics.layers.RandomDistanceCadence;
import org.dysonsim.physics.network.DenseLayer;
import org.dysonsim.physics.network.LabelledImages;
import org.dysonsim.physics.network.LayerGradientRecord;
import org.dysonsim.physics.network.NetworkInit;
import org.dysonsim.physics.network.NetworkRecord;
import org.dysonsim.physics.network.NetworkTraining;
import org.dysonsim.physics.network.SoftmaxCrossEntropy;
import org.dysonsim.protocol.LayerCommand;
import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.MemberCommand;
import org.dysonsim.protocol.NetworkLossCommand;
import org.dysonsim.protocol.TrajectoryEvent;
import org.ejml.data.DMatrixRMaj;

/**
 * The loss actor of a network member, at the end of its chain of layer actors (its children): it
 * owns the images, draws minibatch s + 1 ({@link NetworkTraining#inputs}) and feeds the first
 * layer, takes the last layer's logits, and sends ∂L/∂logits back (softmax cross-entropy). It
 * drives the member step by step: step s + 1 starts when the first layer reports step s done.
 * At a record step it first passes the held-out images forward, and assembles the snapshot, the
 * gradient record and the metrics from its own results and the layers' reports; at a checkpoint
 * step also every layer's state.
 */
final class NetworkLoss extends AbstractBehavior<NetworkLossCommand> {

    /** @param start a checkpoint to continue from, or null for the layers at step 0 */
    record Setup(NetworkModel model, long seed, int member, long steps, int recordEvery, MatrixCheckpoint start,
                 ActorRef<MemberCommand> supervisor, int generation, long failAt) {}

    static Behavior<NetworkLossCommand> create(Setup setup) {
        return Behaviors.setup(context -> new NetworkLoss(context, setup));
    }

    /** A record step in flight: what its snapshot still waits for. */
    private static final class Pending {
        final long step;
        final boolean checkpoint;
        double trainLoss = Double.NaN;
        NetworkTraining.Evaluation test;
        final NetworkRecord.LayerPart[] parts;
        final double[][] states;
        final double[] distanceKs;
        final double[] distanceW1;
        int reported;

        Pending(long step, boolean checkpoint, int layers) {
            this.step = step;
            this.checkpoint = checkpoint;
            this.parts = new NetworkRecord.LayerPart[layers];
            this.states = new double[layers][];
            this.distanceKs = new double[layers];
            this.distanceW1 = new double[layers];
        }

        boolean complete() {
            return test != null && !Double.isNaN(trainLoss) && reported == parts.length;
        }
    }

    private final Setup setup;
    private final NetworkModel model;
    private final LabelledImages train;
    private final LabelledImages test;
    private final double[] testInputs;
    private final List<ActorRef<LayerCommand>> layers = new ArrayList<>();
    private final Deque<Pending> pending = new ArrayDeque<>();
    /** The records at which the layers measure their random distances. */
    private final RandomDistanceCadence distance;
    private long step;
    private long checkpointStep;
    private int[] labels;
    private boolean finishing;

    private NetworkLoss(ActorContext<NetworkLossCommand> context, Setup setup) {
        super(context);
        this.setup = setup;
        this.model = setup.model();
        this.train = NetworkImages.of(model.dataPath(), "train");
        this.test = NetworkImages.of(model.dataPath(), "t10k").first(model.testSize());
        int[] all = new int[test.count()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        this.testInputs = test.inputs(all);
        List<double[][]> restored = setup.start() == null ? null : NetworkCheckpoints.unpack(model, setup.start());
        ActorRef<LayerCommand> next = null;
        this.distance = RandomDistanceCadence.of(model, setup.recordEvery(), setup.steps());
        for (int l = model.layers() - 1; l >= 0; l--) {
            DenseLayer layer = restored == null ? NetworkInit.layer(model, l, setup.seed(), setup.member())
                    : NetworkInit.restored(model, l, restored.get(l));
            next = context.spawn(NetworkLayer.create(new NetworkLayer.Setup(model, l, layer, setup.steps(), next,
                    context.getSelf(), setup.seed(), setup.member(), distance)), "layer-" + (l + 1));
            context.watch(next); // a failed layer fails this actor, and so the generation
            layers.add(0, next);
        }
        if (setup.start() != null) {
            step = setup.start().step();
            checkpointStep = step;
        }
        begin();
    }

    @Override
    public Receive<NetworkLossCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(NetworkLossCommand.Logits.class, this::onLogits)
                .onMessage(NetworkLossCommand.LayerRecorded.class, this::onLayerRecorded)
                .onMessage(NetworkLossCommand.Stepped.class, this::onStepped)
                .onSignal(ChildFailed.class, this::onLayerFailed)
                .build();
    }

    /** A layer's failure is this actor's, with its cause: a divergence stops the member, anything else restarts it. */
    private Behavior<NetworkLossCommand> onLayerFailed(ChildFailed failed) {
        if (failed.getCause() instanceof RuntimeException e) throw e;
        throw new IllegalStateException(failed.getRef().path().name() + " failed", failed.getCause());
    }

    /** Step + 1 at the state after {@code step}; its record first if {@code step} is a record step. */
    private void begin() {
        long s = step;
        boolean record = RecordSchedule.records(s, setup.recordEvery(), setup.steps());
        boolean checkpoint = record && model.checkpointEvery() > 0 && s < setup.steps()
                && s - checkpointStep >= model.checkpointEvery();
        ActorRef<LayerCommand> first = layers.get(0);
        if (record) {
            pending.addLast(new Pending(s, checkpoint, layers.size()));
            first.tell(new LayerCommand.Forward(s + 1, test.count(), test.size(), testInputs, true, false, false, null));
        }
        labels = new int[model.sgd().batch()];
        DMatrixRMaj x = NetworkTraining.inputs(model, train, setup.seed(), setup.member(), s + 1, labels);
        first.tell(new LayerCommand.Forward(s + 1, x.numRows, x.numCols, x.data, false, record, checkpoint, null));
    }

    private Behavior<NetworkLossCommand> onLogits(NetworkLossCommand.Logits m) {
        DMatrixRMaj logits = DMatrixRMaj.wrap(m.rows(), m.cols(), m.values());
        if (m.evaluate()) {
            SoftmaxCrossEntropy.Result r = SoftmaxCrossEntropy.of(logits, test.labels());
            recordOf(m.step() - 1).test = new NetworkTraining.Evaluation(r.loss(), (double) r.correct() / m.rows());
            return flush();
        }
        SoftmaxCrossEntropy.Result r = SoftmaxCrossEntropy.of(logits, labels);
        if (!Double.isFinite(r.loss())) {
            throw new NonFiniteStateException("the training loss is not finite after step " + (m.step() - 1)
                    + " (is the learning rate " + model.sgd().alpha() + " too large?)");
        }
        Pending p = pending.isEmpty() ? null : pending.peekLast();
        if (p != null && p.step == m.step() - 1) p.trainLoss = r.loss();
        layers.get(layers.size() - 1).tell(new LayerCommand.Backward(m.step(), r.error().numRows, r.error().numCols,
                r.error().data));
        return flush();
    }

    private Behavior<NetworkLossCommand> onLayerRecorded(NetworkLossCommand.LayerRecorded m) {
        Pending p = recordOf(m.step());
        p.parts[m.layer()] = new NetworkRecord.LayerPart(m.eigenvalues(), m.singularValues(),
                new LayerGradientRecord(m.projections(), m.projectionVariances(), m.deviationSquares()));
        p.states[m.layer()] = m.state();
        p.distanceKs[m.layer()] = m.randomDistanceKs();
        p.distanceW1[m.layer()] = m.randomDistanceW1();
        p.reported++;
        return flush();
    }

    private Behavior<NetworkLossCommand> onStepped(NetworkLossCommand.Stepped m) {
        if (m.step() > setup.steps()) {
            finishing = true; // the last record's pass: nothing was updated
            return flush();
        }
        step = m.step();
        if (step == setup.failAt()) throw new IllegalStateException("injected fault at step " + step);
        // every step, so the stall watchdog never depends on how long a record interval takes
        setup.supervisor().tell(new MemberCommand.Progress(setup.generation(), step));
        begin();
        return flush();
    }

    private Pending recordOf(long s) {
        for (Pending p : pending) if (p.step == s) return p;
        throw new IllegalStateException("no record of step " + s + " in flight");
    }

    /** Sends every complete record at the head of the queue, in step order; then, after the last, Finished. */
    private Behavior<NetworkLossCommand> flush() {
        while (!pending.isEmpty() && pending.peekFirst().complete()) {
            Pending p = pending.pollFirst();
            NetworkRecord r = NetworkRecord.of(model, p.step, p.trainLoss, p.test, Arrays.asList(p.parts));
            double t = p.step * model.sgd().alpha();
            boolean measured = distance.measures(p.step);
            setup.supervisor().tell(new MemberCommand.Snapshot(setup.generation(), p.step, t, r.eigenvalues(),
                    new TrajectoryEvent.GradientRecorded(p.step, t, r.trainLoss(), r.singularValues(), r.projections(),
                            r.projectionVariances(), r.noiseVariance()),
                    new TrajectoryEvent.NetworkMetricsRecorded(p.step, t, r.trainLoss(), r.testLoss(), r.testAccuracy(),
                            measured ? p.distanceKs : null, measured ? p.distanceW1 : null)));
            if (p.checkpoint) {
                // every layer's W_s, b_s and momenta: continuing from here is exact
                setup.supervisor().tell(new MemberCommand.Checkpointed(setup.generation(),
                        NetworkCheckpoints.pack(model, p.step, Arrays.asList(p.states))));
                checkpointStep = p.step;
            }
        }
        if (finishing && pending.isEmpty()) {
            setup.supervisor().tell(new MemberCommand.Finished(setup.generation(), setup.steps()));
            finishing = false;
        }
        return this;
    }
}
