package org.dysonsim.physics.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.dysonsim.physics.exact.LaguerreSampler;
import org.dysonsim.physics.rng.CounterRng;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics of spectra whose answers are known: exact Wishart (Laguerre) samples are a pure
 * Marchenko–Pastur bulk with unit entry variance; a planted Pareto tail has a known exponent and weight.
 */
class SpectralDiagnosticsTest {
    /** Standard errors an estimate may be from the truth (docs/physics.md §7). */
    static final double Z = 5.0;
    static final int ROWS = 128, COLS = 64, MEMBERS = 32;
    /** Pareto tail planted above the bulk edge (ROWS·(1 + √½)² ≈ 373): exponent, start and size. */
    static final double TAIL_ALPHA = 3.0, TAIL_START = 1000.0;
    static final int TAIL_SIZE = 300;

    static double[][] wishart(long seed) {
        LaguerreSampler sampler = new LaguerreSampler(ROWS, COLS);
        double[][] spectra = new double[MEMBERS][];
        for (int m = 0; m < MEMBERS; m++) spectra[m] = sampler.sample(seed, m);
        return spectra;
    }

    static double[] pareto(double alpha, double start, int size, long seed) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) x[i] = start * Math.pow(1.0 - CounterRng.uniform(seed, 0, i, 0, 0), -1.0 / (alpha - 1.0));
        return x;
    }

    @Test
    void pureMarchenkoPasturHasUnitAreaUnitWidthAndNoTail() {
        SpectralDiagnostics d = SpectralDiagnostics.of(wishart(11), ROWS, COLS, 100);
        assertEquals(1.0, d.mpArea(), Z * d.mpAreaSe(), "area " + d.mpArea() + " ± " + d.mpAreaSe());
        assertEquals(1.0, d.mpSigma2(), Z * d.mpSigma2Se(), "σ² " + d.mpSigma2() + " ± " + d.mpSigma2Se());
        // finite-N edge fluctuations put a fraction of order 1/N beyond the edge, far below the 2 % of a tail
        assertTrue(d.fractionBeyondEdge() < TrainingStages.DEFAULT.minTailFraction(), "beyond edge " + d.fractionBeyondEdge());
        assertEquals(ROWS * Math.pow(1 + Math.sqrt(0.5), 2), d.mpEdge(), Z * d.mpSigma2Se() * ROWS * Math.pow(1 + Math.sqrt(0.5), 2));
        assertTrue(!TrainingStages.DEFAULT.tailPresent(d));
    }

    @Test
    void plantedTailGivesItsExponentAndWeight() {
        double[][] bulk = wishart(12);
        double[][] spectra = Arrays.copyOf(bulk, MEMBERS + 1);
        spectra[MEMBERS] = pareto(TAIL_ALPHA, TAIL_START, TAIL_SIZE, 13);
        SpectralDiagnostics d = SpectralDiagnostics.of(spectra, ROWS, COLS, 100);
        assertEquals(TAIL_ALPHA, d.tailExponent(), Z * d.tailExponentSe(), "α " + d.tailExponent() + " ± " + d.tailExponentSe());
        double total = MEMBERS * COLS + TAIL_SIZE;
        double weight = TAIL_SIZE / total;
        // every tail value lies beyond the edge; a bulk value beyond it is a finite-N edge fluctuation (≲ 1/N per member)
        assertEquals(weight, d.fractionBeyondEdge(), 1.0 / COLS, "beyond edge " + d.fractionBeyondEdge());
        assertEquals(1.0 - weight, d.mpArea(), Z * d.mpAreaSe(), "area " + d.mpArea() + " ± " + d.mpAreaSe());
        assertTrue(TrainingStages.DEFAULT.tailPresent(d));
    }

    @Test
    void aWrongExponentIsRejected() {
        double[][] spectra = Arrays.copyOf(wishart(12), MEMBERS + 1);
        spectra[MEMBERS] = pareto(TAIL_ALPHA * 1.25, TAIL_START, TAIL_SIZE, 13);
        SpectralDiagnostics d = SpectralDiagnostics.of(spectra, ROWS, COLS, 100);
        assertTrue(Math.abs(d.tailExponent() - TAIL_ALPHA) > Z * d.tailExponentSe(), "α " + d.tailExponent());
    }

    @Test
    void diffusionIsOlsensSpreadOfSingularValuesOverBatches() {
        // σ = 1, 2, 3: σ_max − σ_med = 1; two members, the second twice as wide: (1 + 4)/2 per batch
        double[][] spectra = {{1, 4, 9}, {4, 16, 36}};
        assertEquals(2.5 / 10, SpectralDiagnostics.diffusion(spectra, 10), 1e-15);
        assertTrue(Double.isNaN(SpectralDiagnostics.diffusion(spectra, 0)));
    }

    @Test
    void unitMedianSplitsTheLawInHalves() {
        for (double r : List.of(0.25, 0.5, 1.0)) {
            assertEquals(0.5, new org.dysonsim.physics.laws.MarchenkoPastur(r, 1.0).cdf(SpectralDiagnostics.unitMedian(r)), 1e-12);
        }
    }
}
