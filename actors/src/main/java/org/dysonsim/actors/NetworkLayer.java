package org.dysonsim.actors;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.physics.gas.NonFiniteStateException;
import org.dysonsim.physics.layers.RandomDistance;
import org.dysonsim.physics.layers.RandomDistanceCadence;
import org.dysonsim.physics.network.DenseLayer;
import org.dysonsim.physics.network.LayerGradientRecord;
import org.dysonsim.physics.network.LayerSpectrum;
import org.dysonsim.physics.sgd.WeightSpectrum;
import org.dysonsim.protocol.LayerCommand;
import org.dysonsim.protocol.NetworkLossCommand;
import org.ejml.data.DMatrixRMaj;

/**
 * One weight matrix of a network member (the design card: each weight matrix is an actor): it
 * holds W_l, its bias and their momenta, turns the activations it gets into its own and sends
 * them on (to the next layer, or as logits to the loss actor), and on the way back turns the
 * error it gets into the error of its input, sends that to the layer before, then updates.
 * The arithmetic is {@link DenseLayer}'s, as in the plain loop, so results are the same bits
 * wherever the layers run. At a record step it reports its spectrum and gradient record, and at
 * the records its {@link RandomDistanceCadence} names, its distance from its entries permuted.
 */
final class NetworkLayer extends AbstractBehavior<LayerCommand> {

    /**
     * @param next     the next layer, or null for the last (it sends logits to {@code loss})
     * @param steps    the run's last step: the record pass after it updates nothing
     * @param seed     the run's seed and {@code member} the member's index: the permutations' seeds
     * @param distance the records at which the layer measures its random distance
     */
    record Setup(NetworkModel model, int index, DenseLayer layer, long steps, ActorRef<LayerCommand> next,
                 ActorRef<NetworkLossCommand> loss, long seed, int member, RandomDistanceCadence distance) {}

    static Behavior<LayerCommand> create(Setup setup) {
        return Behaviors.setup(context -> new NetworkLayer(context, setup));
    }

    private final Setup setup;
    private final DenseLayer layer;
    private ActorRef<LayerCommand> previous;
    /** Set from a recording forward pass until its backward pass: W_s's spectrum, and its state for a checkpoint. */
    private WeightSpectrum.Decomposed spectrum;
    private double[] state;
    private RandomDistance distance;

    private NetworkLayer(ActorContext<LayerCommand> context, Setup setup) {
        super(context);
        this.setup = setup;
        this.layer = setup.layer();
    }

    @Override
    public Receive<LayerCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(LayerCommand.Forward.class, this::onForward)
                .onMessage(LayerCommand.Backward.class, this::onBackward)
                .build();
    }

    private Behavior<LayerCommand> onForward(LayerCommand.Forward m) {
        DMatrixRMaj x = DMatrixRMaj.wrap(m.rows(), m.cols(), m.activations());
        DMatrixRMaj y;
        if (m.evaluate()) {
            y = layer.evaluate(x);
        } else {
            if (m.record()) {
                try {
                    spectrum = LayerSpectrum.of(layer.weights(), setup.model().topK());
                } catch (IllegalStateException e) {
                    throw diverged(m.step() - 1, "the eigen-decomposition of WᵀW failed");
                }
                for (double v : spectrum.eigenvalues()) if (!Double.isFinite(v)) throw diverged(m.step() - 1, "WᵀW has a non-finite eigenvalue");
                state = m.checkpoint() ? flatState() : null;
                distance = setup.distance().measures(m.step() - 1) ? randomDistance(m.step() - 1) : null;
            }
            previous = m.from();
            y = layer.forward(x);
        }
        if (setup.next() != null) {
            setup.next().tell(new LayerCommand.Forward(m.step(), y.numRows, y.numCols, y.data, m.evaluate(), m.record(),
                    m.checkpoint(), getContext().getSelf()));
        } else {
            setup.loss().tell(new NetworkLossCommand.Logits(m.step(), y.numRows, y.numCols, y.data, m.evaluate()));
        }
        return this;
    }

    private Behavior<LayerCommand> onBackward(LayerCommand.Backward m) {
        DenseLayer.Gradient g = layer.backward(DMatrixRMaj.wrap(m.rows(), m.cols(), m.error()), setup.index() > 0);
        if (setup.index() > 0) {
            previous.tell(new LayerCommand.Backward(m.step(), g.input().numRows, g.input().numCols, g.input().data));
        }
        if (spectrum != null) {
            LayerGradientRecord r = LayerGradientRecord.of(spectrum.top(), g, layer.lastInput());
            setup.loss().tell(new NetworkLossCommand.LayerRecorded(m.step() - 1, setup.index(), spectrum.eigenvalues(),
                    spectrum.top().values().clone(), r.projections(), r.projectionVariances(), r.deviationSquares(), state,
                    distance == null ? Double.NaN : distance.ksDistance(), distance == null ? Double.NaN : distance.wasserstein()));
            spectrum = null;
            state = null;
            distance = null;
        }
        if (m.step() <= setup.steps()) {
            layer.update(g, setup.model().sgd());
            if (!layer.finite()) throw diverged(m.step(), "W_" + (setup.index() + 1) + " has a non-finite entry");
        }
        if (setup.index() == 0) setup.loss().tell(new NetworkLossCommand.Stepped(m.step()));
        return this;
    }

    /** W_s against its entries permuted by the seed of (run, member, layer, s), from the spectrum just computed. */
    private RandomDistance randomDistance(long s) {
        double[] all = spectrum.eigenvalues();
        int nonzero = Math.min(layer.weights().numRows, layer.weights().numCols);
        double[] values = java.util.Arrays.copyOfRange(all, all.length - nonzero, all.length);
        try {
            return RandomDistance.of(layer.weights(), values, RandomDistance.seed(setup.seed(), setup.member(), setup.index(), s));
        } catch (IllegalStateException e) {
            throw diverged(s, "the eigen-decomposition of the permuted W failed");
        }
    }

    /** W, b, their momenta, one after the other. */
    private double[] flatState() {
        double[][] parts = layer.state();
        int size = 0;
        for (double[] p : parts) size += p.length;
        double[] out = new double[size];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private NonFiniteStateException diverged(long step, String what) {
        return new NonFiniteStateException(what + " after step " + step + " (is the learning rate "
                + setup.model().sgd().alpha() + " too large?)");
    }
}
