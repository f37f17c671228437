package org.dysonsim.scenarios.report.rendering;

import java.util.Arrays;
import java.util.Map;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.physics.laws.MarchenkoPastur;
import org.dysonsim.physics.monitor.SpectralDiagnostics;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.Decimals;
import org.dysonsim.scenarios.report.Power;
import org.dysonsim.scenarios.report.predictions.Prediction;

/**
 * A network layer's spectrum against the Marchenko–Pastur law of its Gaussian W₀, as the report
 * ({@link NetworkSection}) and the live page of {@code dyson serve} both compare it. A layer's
 * cols − rows zero eigenvalues (when it has fewer rows) are left out: MP is the law of the rest.
 */
public final class NetworkLayers {
    private NetworkLayers() {}

    /** The nonzero eigenvalues of WᵀW among a layer's {@code cols} ascending eigenvalues: the top min(rows, cols). */
    public static double[] nonzero(LayerLayout.Layer layer, double[] eigenvalues) {
        int p = Math.min(layer.rows(), layer.cols());
        return Arrays.copyOfRange(eigenvalues, eigenvalues.length - p, eigenvalues.length);
    }

    /** The law of the nonzero eigenvalues of W₀ᵀW₀, W₀ with iid N(0, gain²/cols) entries. */
    public static MarchenkoPastur initialLaw(NetworkModel model, LayerLayout.Layer layer) {
        int p = Math.min(layer.rows(), layer.cols()), q = Math.max(layer.rows(), layer.cols());
        double gain = model.initGain();
        return MarchenkoPastur.ofGram(q, p, gain * gain / layer.cols());
    }

    /** The KS comparison of the pooled nonzero eigenvalues {@code pooled} of one layer with {@code law}, at level 1e-4. */
    public static Comparison againstInitialLaw(LayerLayout.Layer layer, double[] pooled, MarchenkoPastur law, double t) {
        KolmogorovSmirnov.Result ks = KolmogorovSmirnov.oneSample(pooled, law::cdf);
        double threshold = KolmogorovSmirnov.CRITICAL_1E4 / Math.sqrt(pooled.length);
        return new Comparison(layer.name() + ": initial spectrum vs Marchenko–Pastur of W₀", "KS distance", t,
                ks.distance(), threshold, ks.distance() <= threshold, "KS critical value at level 1e-4, 2.2253/√n over"
                + " the n pooled nonzero eigenvalues (levels of one layer repel: conservative); W₀ has iid Gaussian"
                + " entries, so the law is exact up to finite size", Map.of("p_value_iid", ks.pValue()), Power.ofKsThreshold(threshold));
    }

    /**
     * The A·MP law fitted to a layer's bulk (of the {@code p} nonzero eigenvalues of a q×p or p×q
     * matrix), in λ = eigenvalue units (the fit is of λ/q); null when no fit could be made.
     */
    public static Prediction fittedLaw(SpectralDiagnostics d, int q, int p) {
        if (!Double.isFinite(d.mpSigma2())) return null;
        MarchenkoPastur law = new MarchenkoPastur((double) p / q, d.mpSigma2(), d.mpArea());
        return new Prediction() {
            public String name() {
                return "Marchenko–Pastur fitted to the bulk (area " + Decimals.of(d.mpArea(), 3) + ")";
            }

            public boolean appliesAt(double t) {
                return true;
            }

            public double density(double x, double t) {
                return law.density(x / q) / q;
            }

            public double cdf(double x, double t) {
                return law.cdf(x / q);
            }
        };
    }
}
