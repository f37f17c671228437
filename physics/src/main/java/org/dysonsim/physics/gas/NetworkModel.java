package org.dysonsim.physics.gas;

import java.util.Arrays;
import org.dysonsim.physics.sgd.SgdSettings;

/**
 * A member that trains a multilayer perceptron on labelled images (issue 13): layers of widths
 * {@code widths[0]} (the pixels) → … → {@code widths[L]} (the classes), ReLU between them,
 * softmax cross-entropy at the end, minibatch SGD. Layer l holds W_l of widths[l+1] × widths[l]
 * with iid N(0, initGain²/widths[l]) entries at the start and a zero bias. Its positions are, layer
 * after layer, the widths[l] eigenvalues of W_lᵀW_l, ascending within each layer.
 *
 * @param trainSize       images of the training file used (its first ones); minibatches are drawn from them with replacement
 * @param testSize        held-out images (the first of the test file) on which test loss and accuracy are measured
 * @param topK            top singular values per layer that each gradient record carries
 * @param checkpointEvery as {@link MatrixModel#checkpointEvery()}: every layer's W, b and momenta
 * @param dataPath        the directory of the IDX files
 */
public record NetworkModel(int[] widths, double initGain, SgdSettings sgd, int trainSize, int testSize, int topK,
                           long checkpointEvery, String dataPath) implements ParticleModel {

    public NetworkModel {
        widths = widths.clone();
        if (widths.length < 2) throw new IllegalArgumentException("a network needs at least two widths: " + Arrays.toString(widths));
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    /** Weight matrices. */
    public int layers() {
        return widths.length - 1;
    }

    /** Rows of W_l (its outputs). */
    public int rows(int layer) {
        return widths[layer + 1];
    }

    /** Columns of W_l (its inputs): the eigenvalues it contributes to a snapshot. */
    public int cols(int layer) {
        return widths[layer];
    }

    /** Eigenvalues in a snapshot: the sum of every layer's columns. */
    @Override
    public int n() {
        int n = 0;
        for (int l = 0; l < layers(); l++) n += cols(l);
        return n;
    }

    /** Trainable numbers (weights and biases) of layer {@code layer}. */
    public int parameters(int layer) {
        return rows(layer) * cols(layer) + rows(layer);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkModel m && Arrays.equals(widths, m.widths) && initGain == m.initGain
                && sgd.equals(m.sgd) && trainSize == m.trainSize && testSize == m.testSize && topK == m.topK
                && checkpointEvery == m.checkpointEvery && dataPath.equals(m.dataPath);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(widths) + dataPath.hashCode();
    }

    @Override
    public String toString() {
        return "NetworkModel" + Arrays.toString(widths) + " " + sgd + " data " + dataPath;
    }
}
