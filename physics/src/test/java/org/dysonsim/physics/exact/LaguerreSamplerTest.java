package org.dysonsim.physics.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.junit.jupiter.api.Test;

class LaguerreSamplerTest {
    private static final int ROWS = 30, COLS = 10, MEMBERS = 3000;

    /** tr BBᵀ is χ² with MN degrees of freedom: mean MN, variance 2MN. */
    @Test
    void traceIsChiSquaredWithMnDegrees() {
        LaguerreSampler sampler = new LaguerreSampler(ROWS, COLS);
        double sum = 0, sq = 0;
        for (int m = 0; m < MEMBERS; m++) {
            double tr = 0;
            for (double v : sampler.sample(9, m)) tr += v;
            sum += tr;
            sq += tr * tr;
        }
        double mean = sum / MEMBERS, var = sq / MEMBERS - mean * mean;
        assertEquals(ROWS * COLS, mean, 5 * Math.sqrt(2.0 * ROWS * COLS / MEMBERS));
        assertEquals(2.0 * ROWS * COLS, var, 5 * 2.0 * ROWS * COLS * Math.sqrt(2.0 / MEMBERS));
    }

    /**
     * The largest and smallest eigenvalues (one each per member, so independent samples) against
     * full Gram matrices WᵀW from {@link InitialSpectrum.MarchenkoPastur}; power: a 5 % larger
     * entry variance is rejected.
     */
    @Test
    void extremeEigenvaluesMatchFullGramMatrices() {
        LaguerreSampler sampler = new LaguerreSampler(ROWS, COLS);
        InitialSpectrum full = new InitialSpectrum.MarchenkoPastur(ROWS, COLS, 1.0);
        double[] maxB = new double[MEMBERS], maxW = new double[MEMBERS], minB = new double[MEMBERS], minW = new double[MEMBERS];
        double[] maxWide = new double[MEMBERS];
        for (int m = 0; m < MEMBERS; m++) {
            double[] b = sampler.sample(4, m), w = full.sample(5, m);
            maxB[m] = b[COLS - 1];
            minB[m] = b[0];
            maxW[m] = w[COLS - 1];
            minW[m] = w[0];
            maxWide[m] = 1.05 * b[COLS - 1];
        }
        assertTrue(KolmogorovSmirnov.twoSample(maxB, maxW).scaled() < KolmogorovSmirnov.CRITICAL_1E4);
        assertTrue(KolmogorovSmirnov.twoSample(minB, minW).scaled() < KolmogorovSmirnov.CRITICAL_1E4);
        assertTrue(KolmogorovSmirnov.twoSample(maxWide, maxW).scaled() > KolmogorovSmirnov.CRITICAL_1E6);
    }
}
