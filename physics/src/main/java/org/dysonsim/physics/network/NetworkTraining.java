package org.dysonsim.physics.network;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.physics.sgd.Minibatch;
import org.dysonsim.physics.sgd.WeightSpectrum;
import org.ejml.data.DMatrixRMaj;

/**
 * A multilayer perceptron trained by minibatch SGD in a plain single-threaded loop: the reference
 * that the layer actors and the loss actor reproduce bit for bit. Step s (s = 1, 2, …) draws
 * minibatch s ({@link Minibatch}, a pure function of seed, member and s) from the first
 * {@code trainSize} training images, passes it forward through the layers, and its error back,
 * each layer updating after it has passed its error on.
 */
public final class NetworkTraining {
    private final NetworkModel model;
    private final LabelledImages train;
    private final long seed;
    private final long member;
    private final List<DenseLayer> layers;
    private long step;

    /** From the layers at step {@code step} (a fresh run: {@link NetworkInit#layers} at 0). */
    public NetworkTraining(NetworkModel model, LabelledImages train, long seed, long member, List<DenseLayer> layers, long step) {
        this.model = model;
        this.train = train;
        this.seed = seed;
        this.member = member;
        this.layers = List.copyOf(layers);
        this.step = step;
    }

    /** Loss and accuracy of the network on a set of images. */
    public record Evaluation(double loss, double accuracy) {}

    public long step() {
        return step;
    }

    public List<DenseLayer> layers() {
        return layers;
    }

    /** The minibatch of step {@code step} as inputs (batch × pixels) and labels. */
    public static DMatrixRMaj inputs(NetworkModel model, LabelledImages train, long seed, long member, long step, int[] labelsOut) {
        int[] idx = Minibatch.indices(seed, member, step, model.sgd().batch(), model.trainSize());
        int[] labels = train.labels(idx);
        System.arraycopy(labels, 0, labelsOut, 0, labels.length);
        return DMatrixRMaj.wrap(idx.length, train.size(), train.inputs(idx));
    }

    /** One step; returns the minibatch loss at the weights before it. */
    public double advance() {
        return advance(null, true);
    }

    /**
     * The record of the current state (before step + 1), then step + 1 itself; {@code update}
     * false computes the record only (the last record of a run) and leaves the state as it is.
     */
    public NetworkRecord recordAndAdvance(LabelledImages test, boolean update) {
        Evaluation evaluation = evaluate(test);
        List<WeightSpectrum.Decomposed> spectra = new ArrayList<>();
        for (DenseLayer layer : layers) spectra.add(LayerSpectrum.of(layer.weights(), model.topK()));
        List<NetworkRecord.LayerPart> parts = new ArrayList<>();
        long at = step;
        double loss = advance((l, g) -> parts.add(0, new NetworkRecord.LayerPart(spectra.get(l).eigenvalues(),
                spectra.get(l).top().values().clone(), LayerGradientRecord.of(spectra.get(l).top(), g,
                        layers.get(l).lastInput()))), update);
        return NetworkRecord.of(model, at, loss, evaluation, parts);
    }

    /** What a record needs of each layer's gradient, before the layer updates. */
    private interface GradientWatch {
        void seen(int layer, DenseLayer.Gradient g);
    }

    private double advance(GradientWatch watch, boolean update) {
        int[] labels = new int[model.sgd().batch()];
        DMatrixRMaj a = inputs(model, train, seed, member, step + 1, labels);
        for (DenseLayer layer : layers) a = layer.forward(a);
        SoftmaxCrossEntropy.Result loss = SoftmaxCrossEntropy.of(a, labels);
        DMatrixRMaj error = loss.error();
        for (int l = layers.size() - 1; l >= 0; l--) {
            DenseLayer.Gradient g = layers.get(l).backward(error, l > 0);
            error = g.input();
            if (watch != null) watch.seen(l, g);
            if (update) layers.get(l).update(g, model.sgd());
        }
        if (update) step++;
        return loss.loss();
    }

    public void advance(long steps) {
        for (long s = 0; s < steps; s++) advance();
    }

    /** Loss and accuracy on {@code images} (all of them, in one batch). */
    public Evaluation evaluate(LabelledImages images) {
        return evaluate(layers, images);
    }

    public static Evaluation evaluate(List<DenseLayer> layers, LabelledImages images) {
        int[] all = new int[images.count()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        DMatrixRMaj a = DMatrixRMaj.wrap(all.length, images.size(), images.inputs(all));
        for (DenseLayer layer : layers) a = layer.evaluate(a);
        SoftmaxCrossEntropy.Result r = SoftmaxCrossEntropy.of(a, images.labels());
        return new Evaluation(r.loss(), (double) r.correct() / all.length);
    }

    /** Every layer's eigenvalues of WᵀW, layer after layer, ascending within each. */
    public double[] spectrum() {
        double[] out = new double[model.n()];
        int at = 0;
        for (DenseLayer layer : layers) {
            double[] x = LayerSpectrum.of(layer.weights(), 0).eigenvalues();
            System.arraycopy(x, 0, out, at, x.length);
            at += x.length;
        }
        return out;
    }
}
