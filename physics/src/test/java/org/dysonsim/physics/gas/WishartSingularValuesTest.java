package org.dysonsim.physics.gas;

import static org.dysonsim.physics.gas.GasFixtures.KS_CRITICAL_1E3;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A zero-gradient matrix run decides between Bru's Wishart equation and the convention printed
 * by Olsen et al. (docs/physics.md §1): singular values of W₀ + s·B(t) against both particle forms.
 */
class WishartSingularValuesTest {
    private static final int M = 5;
    private static final double[] S0 = {0.5, 1.0, 1.5};
    private static final double S2 = 1.0, T = 0.5, DT = 0.002;
    private static final int MEMBERS = 2000;

    private static double[][] particleRun(GasModel model) {
        double[][] ends = new double[MEMBERS][];
        for (int k = 0; k < MEMBERS; k++) {
            ends[k] = GasFixtures.run(model, StepSizeRule.fixed(), S0, 41, k, DT, Math.round(T / DT));
        }
        return ends;
    }

    private static double[] column(double[][] rows, int i) {
        double[] c = new double[rows.length];
        for (int k = 0; k < rows.length; k++) c[k] = rows[k][i];
        return c;
    }

    @Test
    void brusFormMatchesMatricesAndThePrintedFormDoesNot() {
        double[][] matrix = new double[MEMBERS][];
        for (int k = 0; k < MEMBERS; k++) matrix[k] = GasFixtures.wishartMatrix(S0, M, S2, T, 93, k);
        double[][] bru = particleRun(GasFixtures.wishartBru(S0.length, M, S2));
        double[][] olsen = particleRun(GasFixtures.wishartOlsen(S0.length, M, S2));
        for (int i = 0; i < S0.length; i++) {
            double ks = GasFixtures.ksTwoSample(column(bru, i), column(matrix, i));
            assertTrue(ks < KS_CRITICAL_1E3, "Bru, singular value " + i + ": KS " + ks);
            for (double[] row : bru) assertTrue(row[0] > 0.0, "the wall at 0 is never reached for m > n");
        }
        double worst = 0.0;
        for (int i = 0; i < S0.length; i++) {
            worst = Math.max(worst, GasFixtures.ksTwoSample(column(olsen, i), column(matrix, i)));
        }
        assertTrue(worst > KS_CRITICAL_1E3, "the printed convention should be rejected: KS " + worst);
    }
}
