package org.dysonsim.actors;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.protocol.MatrixCheckpoint;

/**
 * A network member's resume point in the checkpoint record matrix-level members use: one row of
 * every trainable number, layer after layer W_l then b_l ({@code weights}), their momenta in the
 * same order ({@code velocity}); no loss state (the data and the minibatches are functions of the seed).
 */
final class NetworkCheckpoints {
    private NetworkCheckpoints() {}

    static int parameters(NetworkModel model) {
        int p = 0;
        for (int l = 0; l < model.layers(); l++) p += model.parameters(l);
        return p;
    }

    /** @param layerStates per layer: W, b, their momenta, one after the other (as a layer reports it) */
    static MatrixCheckpoint pack(NetworkModel model, long step, List<double[]> layerStates) {
        int size = parameters(model);
        double[] weights = new double[size], velocity = new double[size];
        int at = 0;
        for (int l = 0; l < model.layers(); l++) {
            int p = model.parameters(l);
            System.arraycopy(layerStates.get(l), 0, weights, at, p);
            System.arraycopy(layerStates.get(l), p, velocity, at, p);
            at += p;
        }
        return new MatrixCheckpoint(step, 1, size, weights, velocity, new double[0]);
    }

    /** Per layer: W, b, and their momenta ({@code DenseLayer.state()} order). */
    static List<double[][]> unpack(NetworkModel model, MatrixCheckpoint checkpoint) {
        List<double[][]> out = new ArrayList<>();
        int at = 0;
        for (int l = 0; l < model.layers(); l++) {
            int w = model.rows(l) * model.cols(l), b = model.rows(l);
            out.add(new double[][] {slice(checkpoint.weights(), at, w), slice(checkpoint.weights(), at + w, b),
                    slice(checkpoint.velocity(), at, w), slice(checkpoint.velocity(), at + w, b)});
            at += w + b;
        }
        return out;
    }

    static boolean fits(NetworkModel model, MatrixCheckpoint checkpoint) {
        return checkpoint.rows() == 1 && checkpoint.cols() == parameters(model);
    }

    private static double[] slice(double[] a, int from, int length) {
        double[] out = new double[length];
        System.arraycopy(a, from, out, 0, length);
        return out;
    }
}
