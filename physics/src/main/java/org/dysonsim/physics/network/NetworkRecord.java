package org.dysonsim.physics.network;

import java.util.List;
import org.dysonsim.physics.gas.NetworkModel;

/**
 * What a network records at a record step s, for its state W_s: every layer's eigenvalues of WᵀW
 * (layer after layer, ascending within each), the gradient record of step s + 1 pooled over the
 * layers (each layer's top-k singular values, projections and their variances, layer after
 * layer), and the network's losses and test accuracy.
 *
 * @param noiseVariance Σ over layers of Σ_i ‖g_i − G‖²_F, over Σ rows·cols·(|B| − 1): the mean
 *                      per-entry variance of one sample's gradient over every weight of the network
 */
public record NetworkRecord(long step, double trainLoss, double testLoss, double testAccuracy, double[] eigenvalues,
                            double[] singularValues, double[] projections, double[] projectionVariances,
                            double noiseVariance) {

    /** One layer's share, as the layer computes it. */
    public record LayerPart(double[] eigenvalues, double[] singularValues, LayerGradientRecord gradient) {}

    public static NetworkRecord of(NetworkModel model, long step, double trainLoss, NetworkTraining.Evaluation test,
                                   List<LayerPart> layers) {
        double[] eigenvalues = concat(layers.stream().map(LayerPart::eigenvalues).toList());
        double[] singular = concat(layers.stream().map(LayerPart::singularValues).toList());
        double[] projections = concat(layers.stream().map(p -> p.gradient().projections()).toList());
        double[] variances = concat(layers.stream().map(p -> p.gradient().projectionVariances()).toList());
        double squares = 0, entries = 0;
        for (int l = 0; l < layers.size(); l++) {
            squares += layers.get(l).gradient().deviationSquares();
            entries += (double) model.rows(l) * model.cols(l);
        }
        int batch = model.sgd().batch();
        double noise = batch > 1 ? squares / (entries * (batch - 1)) : Double.NaN;
        return new NetworkRecord(step, trainLoss, test.loss(), test.accuracy(), eigenvalues, singular, projections,
                variances, noise);
    }

    private static double[] concat(List<double[]> parts) {
        double[] out = new double[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
