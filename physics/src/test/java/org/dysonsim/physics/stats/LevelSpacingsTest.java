package org.dysonsim.physics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.dysonsim.physics.laws.WignerSurmise;
import org.dysonsim.physics.rng.CounterRng;
import org.junit.jupiter.api.Test;

class LevelSpacingsTest {
    @Test
    void equallySpacedLevelsUnfoldToUnitSpacings() {
        double[][] spectra = new double[3][20];
        for (double[] s : spectra) for (int i = 0; i < 20; i++) s[i] = 0.5 + 0.25 * i;
        for (double s : LevelSpacings.unfolded(spectra, 3, 0)) assertEquals(1.0, s, 1e-9);
    }

    /**
     * Independent points with a non-uniform density (x = u², so N̄(x) ∝ √x, smooth away from 0)
     * have exponential unfolded spacings; the surmise must be rejected on the same data.
     */
    @Test
    void poissonLevelsUnfoldToExponentialSpacings() {
        int members = 400, n = 60;
        double[][] spectra = new double[members][n];
        for (int m = 0; m < members; m++) {
            for (int i = 0; i < n; i++) {
                double u = 0.2 + 0.8 * CounterRng.uniform(11, m, i, 0, 0);
                spectra[m][i] = u * u;
            }
            Arrays.sort(spectra[m]);
        }
        double[] s = LevelSpacings.unfolded(spectra, 6, 2);
        KolmogorovSmirnov.Result exp = KolmogorovSmirnov.oneSample(s, x -> x <= 0 ? 0 : 1 - Math.exp(-x));
        assertTrue(exp.scaled() < KolmogorovSmirnov.CRITICAL_1E4, exp.toString());
        KolmogorovSmirnov.Result goe = KolmogorovSmirnov.oneSample(s, new WignerSurmise(1)::cdf);
        assertTrue(goe.scaled() > KolmogorovSmirnov.CRITICAL_1E6, goe.toString());
    }

    @Test
    void twoLevelSpacingsAreNormalisedByTheirMean() {
        double[] s = LevelSpacings.normalisedByMean(new double[][] {{0, 1}, {5, 8}});
        assertEquals(0.5, s[0], 1e-15);
        assertEquals(1.5, s[1], 1e-15);
    }
}
