package org.dysonsim.physics.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.exact.DysonOuSampler;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.dysonsim.physics.stats.LevelSpacings;
import org.junit.jupiter.api.Test;

class GaudinSpacingTest {
    private static final GaudinSpacing GOE = new GaudinSpacing();
    /** Fourth-order differences of a determinant exact to rounding: E', E'' to ~1e-9 (measured below 1e-10). */
    private static final double DERIVATIVE_TOLERANCE = 1e-7;

    /** Gap probability of a Poisson process, e^{−s}: the power check's wrong model. */
    private static double poissonCdf(double s) {
        return s <= 0 ? 0.0 : -Math.expm1(-s);
    }

    @Test
    void smallSpacingsRepelLinearlyWithGaudinsSlope() {
        // E(s) = 1 − s + π²s³/36 + O(s⁴), so p(s) = π²s/6 + O(s²) (Mehta §6.4)
        double s = 0.01;
        assertEquals(1 - s + Math.PI * Math.PI * s * s * s / 36, GOE.gapProbability(s), 1e-8);
        assertEquals(Math.PI * Math.PI / 6, GOE.density(0.02) / 0.02, 0.01);
    }

    @Test
    void isANormalisedLawOfUnitMeanSpacing() {
        GaussLegendre rule = new GaussLegendre(60);
        double mass = rule.integrate(GOE::density, 0.0, GaudinSpacing.TOP, 8);
        double mean = rule.integrate(s -> s * GOE.density(s), 0.0, GaudinSpacing.TOP, 8);
        double second = rule.integrate(s -> s * s * GOE.density(s), 0.0, GaudinSpacing.TOP, 8);
        assertEquals(1.0, mass, DERIVATIVE_TOLERANCE * 100);
        assertEquals(1.0, mean, DERIVATIVE_TOLERANCE * 100);
        // the GOE spacing variance, 0.286 (Mehta, Table A.15), a little above the surmise's 4/π − 1 = 0.273
        assertEquals(0.286, second - 1.0, 0.001);
        assertEquals(GOE.cdf(1.0), rule.integrate(GOE::density, 0.0, 1.0, 4), DERIVATIVE_TOLERANCE * 100);
    }

    /**
     * Bulk spacings of the exact GOE sampler (N = 64, 2000 matrices), unfolded by the project's
     * fitted counting function: one central spacing per matrix, so the sample is iid and the KS
     * critical values hold. Poisson and the β = 2 surmise fail the same test.
     */
    @Test
    void unfoldedBulkSpacingsOfTheExactSamplerFollowIt() {
        int n = 64, members = 2000;
        DysonOuSampler goe = new DysonOuSampler(new double[n], 0.0, 1.0, 1.0);
        double[][] spectra = new double[members][];
        for (int m = 0; m < members; m++) spectra[m] = goe.sample(41, m);
        LevelSpacings.CountingFunction counting = LevelSpacings.fitCountingFunction(spectra, 15);
        double[] central = new double[members];
        for (int m = 0; m < members; m++) central[m] = counting.at(spectra[m][n / 2]) - counting.at(spectra[m][n / 2 - 1]);
        double ks = KolmogorovSmirnov.oneSample(central, GOE::cdf).scaled();
        assertTrue(ks < KolmogorovSmirnov.CRITICAL_1E4, "GOE bulk spacings against Gaudin's law: √n·D = " + ks);
        double poisson = KolmogorovSmirnov.oneSample(central, GaudinSpacingTest::poissonCdf).scaled();
        assertTrue(poisson > KolmogorovSmirnov.CRITICAL_1E6, "Poisson is rejected: " + poisson);
        double unitary = KolmogorovSmirnov.oneSample(central, new WignerSurmise(2)::cdf).scaled();
        assertTrue(unitary > KolmogorovSmirnov.CRITICAL_1E6, "β = 2 is rejected: " + unitary);
    }
}
