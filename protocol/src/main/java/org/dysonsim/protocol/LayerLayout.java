package org.dysonsim.protocol;

import java.util.Arrays;
import java.util.List;

/**
 * The weight matrices of a layered run (a network trained in the tool, or a run imported from a
 * researcher's files), in order. Each snapshot of such a run holds, layer after layer, the
 * {@code cols} eigenvalues of that layer's WᵀW, ascending within each layer.
 */
public record LayerLayout(List<Layer> layers) implements Wire {

    /** One weight matrix W of {@code rows} × {@code cols}. */
    public record Layer(String name, int rows, int cols) implements Wire {}

    public LayerLayout {
        layers = List.copyOf(layers);
    }

    /** Eigenvalues in one snapshot: the sum of the layers' cols. */
    public int eigenvalues() {
        return layers.stream().mapToInt(Layer::cols).sum();
    }

    /** Index in a snapshot of layer {@code layer}'s first (smallest) eigenvalue. */
    public int offset(int layer) {
        int offset = 0;
        for (int l = 0; l < layer; l++) offset += layers.get(l).cols();
        return offset;
    }

    /** Layer {@code layer}'s eigenvalues within one snapshot's values. */
    public double[] of(double[] snapshot, int layer) {
        int from = offset(layer);
        return Arrays.copyOfRange(snapshot, from, from + layers.get(layer).cols());
    }
}
