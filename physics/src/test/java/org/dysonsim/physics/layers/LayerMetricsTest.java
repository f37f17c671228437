package org.dysonsim.physics.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.fit.PowerLawTail;
import org.dysonsim.physics.laws.TracyWidom;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.physics.sgd.WeightSpectrum;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

class LayerMetricsTest {
    /** Estimates within Z standard errors (docs/physics.md §7). */
    private static final double Z = 5.0;
    private static final double TOL = 1e-10;

    private static DMatrixRMaj gaussian(int rows, int cols, double sd, long seed) {
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) w.set(i, j, sd * CounterRng.gaussian(seed, 0, i * cols + j, 0, 0));
        return w;
    }

    @Test
    void weightWatcherMetricsMatchDirectComputationsOnASmallFixedMatrix() {
        DMatrixRMaj w = new DMatrixRMaj(4, 3, true, 1, 2, 0, 0, 1, 3, 2, 0, 1, 1, 1, 1);
        double[] lambda = WeightSpectrum.eigenvalues(w);
        LayerMetrics m = LayerMetrics.of(lambda, 4, 3);
        double frobenius2 = 0;
        for (double v : w.data) frobenius2 += v * v;
        double spectral = NormOps_DDRM.normP2(w);
        assertEquals(Math.log10(frobenius2), m.logNorm(), TOL);
        assertEquals(Math.log10(spectral * spectral), m.logSpectralNorm(), TOL);
        assertEquals(frobenius2 / (spectral * spectral), m.stableRank(), TOL);
        double h = 0;
        for (double v : lambda) h -= v / frobenius2 * Math.log(v / frobenius2);
        assertEquals(h / Math.log(3), m.entropy(), TOL);
        assertTrue(Double.isNaN(m.alpha()), "three eigenvalues give no exponent");
    }

    @Test
    void tailMetricsUseThePowerLawFitOfTheEigenvalues() {
        double[] lambda = WeightSpectrum.eigenvalues(gaussian(60, 40, 1.0, 3));
        LayerMetrics m = LayerMetrics.of(lambda, 60, 40);
        PowerLawTail tail = PowerLawTail.fit(lambda);
        assertEquals(tail.alpha(), m.alpha(), TOL);
        assertEquals(tail.alpha() * Math.log10(lambda[lambda.length - 1]), m.alphaWeighted(), TOL);
        double sum = 0;
        for (double v : lambda) sum += Math.pow(v, tail.alpha());
        assertEquals(Math.log10(sum), m.logAlphaNorm(), TOL);
        assertEquals(m.bulkEdge() / lambda[lambda.length - 1], m.mpSoftrank(), TOL);
    }

    @Test
    void pureNoiseIsAFullBulkWithNoSpikeAndASpikeIsCounted() {
        int rows = 400, cols = 200;
        double sd = Math.sqrt(0.5);
        DMatrixRMaj w = gaussian(rows, cols, sd, 5);
        LayerMetrics noise = LayerMetrics.of(WeightSpectrum.eigenvalues(w), rows, cols);
        assertEquals(1.0, noise.mpArea(), Z * noise.mpAreaSe());
        assertEquals(0.5, noise.mpSigma2(), Z * noise.mpSigma2Se());
        assertEquals(0, noise.numSpikes());
        assertTrue(noise.bulkPValue() > 1e-4, "bulk p = " + noise.bulkPValue());
        // rank one signal θ·u vᵀ with θ² far above the edge σ²(√M + √N)²
        DMatrixRMaj spike = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) spike.set(i, j, 3.0 / Math.sqrt(rows * cols) * 10);
        CommonOps_DDRM.addEquals(spike, w);
        double[] lambda = WeightSpectrum.eigenvalues(spike);
        LayerMetrics spiked = LayerMetrics.of(lambda, rows, cols);
        assertEquals(1, spiked.numSpikes());
        // the shares above the fitted edge, counted directly: the spike and any bulk level that pokes above it
        double total = 0, beyond = 0;
        int count = 0;
        for (double v : lambda) {
            total += v;
            if (v > spiked.bulkEdge()) {
                beyond += v;
                count++;
            }
        }
        assertTrue(lambda[cols - 1] > spiked.bulkEdge() && count <= 3, count + " levels above the edge");
        assertEquals(beyond / total, spiked.weightBeyondEdge(), 1e-12);
        assertEquals((double) count / cols, spiked.fractionBeyondEdge(), 1e-12);
    }

    @Test
    void theSpikeMarginIsTheTracyWidomNinetyNinePercentPoint() {
        assertEquals(0.99, new TracyWidom(1).cdf(LayerMetrics.TW1_99), 1e-4);
    }

    @Test
    void permutingIidEntriesKeepsTheSpectrumWhileStructureIsDestroyed() {
        DMatrixRMaj noise = gaussian(120, 60, 1.0, 8);
        RandomDistance iid = RandomDistance.of(noise, 4);
        // two samples of 60 levels from one law: KS at the 1e-4 level, √(60/2)·D < 2.2253
        assertTrue(iid.ksDistance() < 2.2253 / Math.sqrt(30), "iid D = " + iid.ksDistance());
        DMatrixRMaj structured = noise.copy();
        for (int i = 0; i < 120; i++) for (int j = 0; j < 60; j++) structured.set(i, j, structured.get(i, j) * (j < 10 ? 6.0 : 0.3));
        RandomDistance shaped = RandomDistance.of(structured, 4);
        assertTrue(shaped.ksDistance() > 0.5, "structured D = " + shaped.ksDistance());
        assertTrue(shaped.wasserstein() > 5 * iid.wasserstein());
        assertEquals(iid, RandomDistance.of(noise, 4));
        assertNotEquals(RandomDistance.permuted(noise, 4).data[0], RandomDistance.permuted(noise, 5).data[0]);
    }
}
