package org.dysonsim.physics.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.physics.laws.MarchenkoPastur;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.physics.sgd.SgdSettings;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class NetworkTrainingTest {
    /** Central differences at h = 1e-5 have error O(h²·f''') plus rounding O(ε/h) ≈ 1e-11: 1e-6 relative is loose. */
    private static final double GRADIENT_TOLERANCE = 1e-6;
    /** Far beyond the edge's finite-size fluctuation (Tracy–Widom scale ~ n^(-2/3) ≈ 8 % of it at n = 48). */
    private static final double OUTLIER_MARGIN = 1.25;

    private static NetworkModel model(int[] widths, double alpha, int batch, double momentum, int trainSize) {
        return new NetworkModel(widths, Math.sqrt(2), new SgdSettings(alpha, batch, momentum), trainSize, 1000, 3, 0,
                LabelledImages.DEBIAN_FASHION_MNIST.toString());
    }

    private static double loss(List<DenseLayer> layers, DMatrixRMaj x, int[] labels) {
        DMatrixRMaj a = x;
        for (DenseLayer layer : layers) a = layer.evaluate(a);
        return SoftmaxCrossEntropy.of(a, labels).loss();
    }

    @Test
    void backPropagationMatchesFiniteDifferences() {
        NetworkModel model = model(new int[] {6, 5, 4, 3}, 0.1, 7, 0.0, 10);
        List<DenseLayer> layers = NetworkInit.layers(model, 11, 0);
        for (DenseLayer layer : layers) {
            double[] b = layer.state()[1];
            for (int k = 0; k < b.length; k++) b[k] = 0.1 * CounterRng.gaussian(5, 0, k, layer.outputs(), 1);
        }
        DMatrixRMaj x = new DMatrixRMaj(7, 6);
        for (int k = 0; k < x.data.length; k++) x.data[k] = CounterRng.gaussian(5, 0, k, 0, 0);
        int[] labels = {0, 1, 2, 0, 1, 2, 2};
        DMatrixRMaj a = x;
        for (DenseLayer layer : layers) a = layer.forward(a);
        DMatrixRMaj error = SoftmaxCrossEntropy.of(a, labels).error();
        DenseLayer.Gradient[] grads = new DenseLayer.Gradient[layers.size()];
        for (int l = layers.size() - 1; l >= 0; l--) {
            grads[l] = layers.get(l).backward(error, l > 0);
            error = grads[l].input();
        }
        double h = 1e-5;
        for (int l = 0; l < layers.size(); l++) {
            double[][] state = layers.get(l).state();
            double[][] analytic = {grads[l].weights().data, grads[l].bias().data};
            for (int part = 0; part < 2; part++) {
                for (int k = 0; k < state[part].length; k++) {
                    double keep = state[part][k];
                    state[part][k] = keep + h;
                    double up = loss(layers, x, labels);
                    state[part][k] = keep - h;
                    double down = loss(layers, x, labels);
                    state[part][k] = keep;
                    double numeric = (up - down) / (2 * h);
                    assertEquals(numeric, analytic[part][k], GRADIENT_TOLERANCE * Math.max(1, Math.abs(numeric)),
                            "layer " + l + (part == 0 ? " W" : " b") + "[" + k + "]");
                }
            }
        }
    }

    @Test
    void aSmallNetworkBeatsChanceAndItsLayerLeavesMarchenkoPastur() {
        NetworkModel model = model(new int[] {784, 48, 10}, 0.1, 32, 0.5, 60000);
        List<DenseLayer> start = NetworkInit.layers(model, 3, 0);
        NetworkTraining training = new NetworkTraining(model, FashionMnistFiles.train(), 3, 0, start, 0);
        LabelledImages test = FashionMnistFiles.test().first(1000);

        // W₁ (48 × 784, entries N(0, 2/784)): its 48 nonzero eigenvalues of WᵀW follow MP of a 784 × 64 Gram
        MarchenkoPastur initial = MarchenkoPastur.ofGram(784, 48, 2.0 / 784);
        double[] before = nonzero(LayerSpectrum.of(training.layers().get(0).weights(), 0).eigenvalues(), 48);
        KolmogorovSmirnov.Result ks = KolmogorovSmirnov.oneSample(before, initial::cdf);
        assertTrue(ks.pValue() > 0.01, "W₀ on MP: " + ks);
        double chance = training.evaluate(test).accuracy();

        training.advance(250);
        NetworkTraining.Evaluation after = training.evaluate(test);
        assertTrue(after.accuracy() > 0.7 && chance < 0.25, "accuracy " + chance + " → " + after);
        double[] trained = nonzero(LayerSpectrum.of(training.layers().get(0).weights(), 0).eigenvalues(), 48);
        // learning pulls a few directions out of the bulk: outliers well beyond W₀'s edge
        long beyond = Arrays.stream(trained).filter(v -> v > OUTLIER_MARGIN * initial.upper()).count();
        assertTrue(beyond >= 3, beyond + " eigenvalues beyond " + OUTLIER_MARGIN + " × the MP edge " + initial.upper()
                + ": " + Arrays.toString(Arrays.copyOfRange(trained, 40, 48)));
    }

    private static double[] nonzero(double[] ascending, int count) {
        return Arrays.copyOfRange(ascending, ascending.length - count, ascending.length);
    }
}
