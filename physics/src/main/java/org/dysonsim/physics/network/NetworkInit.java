package org.dysonsim.physics.network;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.physics.rng.CounterRng;

/**
 * A network's layers at step 0, a pure function of (seed, member): W_l with iid
 * N(0, gain²/fan-in) entries (He's scaling for gain √2, so ReLU activations keep their size), so
 * each W_lᵀW_l starts on the Marchenko–Pastur law of docs/physics.md §1; zero biases and momenta.
 */
public final class NetworkInit {
    private NetworkInit() {}

    public static List<DenseLayer> layers(NetworkModel model, long seed, long member) {
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < model.layers(); l++) layers.add(layer(model, l, seed, member));
        return layers;
    }

    public static DenseLayer layer(NetworkModel model, int layer, long seed, long member) {
        int out = model.rows(layer), in = model.cols(layer);
        double scale = model.initGain() / Math.sqrt(in);
        double[] w = new double[out * in];
        for (int k = 0; k < w.length; k++) w[k] = scale * CounterRng.gaussian(seed, member, k, layer, NetworkStreams.INITIAL_WEIGHTS);
        return new DenseLayer(out, in, w, new double[out], new double[out * in], new double[out], hidden(model, layer));
    }

    /** A layer from a checkpoint's state ({@link DenseLayer#state()} order: W, b, their momenta), copied. */
    public static DenseLayer restored(NetworkModel model, int layer, double[][] state) {
        return new DenseLayer(model.rows(layer), model.cols(layer), state[0].clone(), state[1].clone(),
                state[2].clone(), state[3].clone(), hidden(model, layer));
    }

    private static boolean hidden(NetworkModel model, int layer) {
        return layer < model.layers() - 1;
    }
}
