package org.dysonsim.physics.tails;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {
    /** Relative accuracy expected of the series and quadratures (rounding of ~100 terms). */
    private static final double TOL = 1e-12;

    @Test
    void hurwitzZetaMatchesClosedForms() {
        assertEquals(Math.PI * Math.PI / 6, HurwitzZeta.of(2, 1), TOL);
        assertEquals(1.2020569031595942, HurwitzZeta.of(3, 1), TOL);
        assertEquals(Math.PI * Math.PI / 2, HurwitzZeta.of(2, 0.5), TOL); // ζ(s, ½) = (2^s − 1)ζ(s)
        assertEquals(HurwitzZeta.of(1.5, 3) - Math.pow(3, -1.5) - Math.pow(4, -1.5), HurwitzZeta.of(1.5, 5), TOL);
    }

    @Test
    void exponentialIntegralMatchesClosedFormsOnBothBranches() {
        assertEquals(0.21938393439552026, Math.exp(ExponentialIntegral.log(1, 1.0)), TOL);
        assertEquals(0.5597735947761608, Math.exp(ExponentialIntegral.log(1, 0.5)), TOL);
        assertEquals(Math.exp(-0.5) - 0.5 * 0.5597735947761608, Math.exp(ExponentialIntegral.log(2, 0.5)), TOL);
        for (double z : new double[] {1e-6, 0.3, 1.0, 2.0, 40.0}) {
            // E_½(z) = √(π/z) erfc(√z)
            assertEquals(0.5 * Math.log(Math.PI / z) + Math.log(Erf.erfc(Math.sqrt(z))), ExponentialIntegral.log(0.5, z), 1e-11, "z=" + z);
        }
        assertEquals(-Math.log(1.5), ExponentialIntegral.log(2.5, 0.0), TOL);
    }

    @Test
    void discreteTruncatedNormaliserMatchesDirectSums() {
        for (double lambda : new double[] {1e-3, 0.02, 0.3, 2.0}) {
            double direct = 0;
            for (int k = 3; k < 200_000; k++) direct += Math.pow(k, -1.7) * Math.exp(-lambda * k);
            assertEquals(Math.log(direct), DiscreteAlternatives.logNormaliser(1.7, lambda, 3), 1e-12, "lambda=" + lambda);
        }
        assertEquals(Math.log(HurwitzZeta.of(1.7, 3)), DiscreteAlternatives.logNormaliser(1.7, 0.0, 3), 0.0);
        // α = 0 is the geometric law: Σ_{k≥3} e^{−λk} = e^{−3λ}/(1 − e^{−λ})
        assertEquals(-0.9 - Math.log(-Math.expm1(-0.3)), DiscreteAlternatives.logNormaliser(0.0, 0.3, 3), 1e-12);
    }

    @Test
    void likelihoodRatioPValues() {
        double[] a = {0.0, 1.0, 0.5, 1.5}, b = {0.2, 0.1, 0.3, 0.4};
        LikelihoodRatio ab = LikelihoodRatio.vuong(a, b), ba = LikelihoodRatio.vuong(b, a);
        assertEquals(-ab.logRatio(), ba.logRatio(), 1e-15);
        assertEquals(ab.pValue(), ba.pValue(), 1e-15);
        double sd = Math.sqrt((0.04 + 0.81 + 0.04 + 1.21) / 4 - 0.5 * 0.5); // differences −0.2, 0.9, 0.2, 1.1
        assertEquals(2.0 / (sd * 2), ab.normalised(), 1e-12);
        assertEquals(Erf.erfc(ab.normalised() / Math.sqrt(2)), ab.pValue(), 1e-15);
        // nested: 2|R| = 3.8415 is the 5 % point of χ²₁
        double[] small = {-1.0, -1.0}, large = {-1.0, -1.0 + 3.841459 / 2};
        assertEquals(0.05, LikelihoodRatio.nested(small, large).pValue(), 1e-6);
    }
}
