package org.dysonsim.physics.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.exact.DysonOuSampler;
import org.dysonsim.physics.stats.KolmogorovSmirnov;

import org.junit.jupiter.api.Test;

/** Reference values: docs/physics.md §3 (Bornemann 2010, Table 9 / Prähofer–Spohn tables). */
class TracyWidomTest {
    /** Pointwise CDF accuracy of 56-node Nyström with our Airy function (measured 2e-14). */
    private static final double CDF_TOLERANCE = 1e-12;
    /** Moments integrate the CDF's tails with 24-point panels: measured 8e-13. */
    private static final double MOMENT_TOLERANCE = 1e-11;

    private final TracyWidom f1 = new TracyWidom(1);
    private final TracyWidom f2 = new TracyWidom(2);

    @Test
    void goeCdfAtReferencePoints() {
        assertEquals(0.274320197909199, f1.cdf(-2.0), CDF_TOLERANCE);
        assertEquals(0.831908066202942, f1.cdf(0.0), CDF_TOLERANCE);
        assertEquals(0.951421236911547, f1.cdf(1.0), CDF_TOLERANCE);
    }

    @Test
    void goeMeanAndVariance() {
        assertEquals(-1.2065335745820, f1.mean(), MOMENT_TOLERANCE);
        assertEquals(1.6077810345806, f1.variance(), MOMENT_TOLERANCE);
    }

    @Test
    void gueMeanAndVariance() {
        assertEquals(-1.7710868074115, f2.mean(), MOMENT_TOLERANCE);
        assertEquals(0.8131947928322, f2.variance(), MOMENT_TOLERANCE);
    }

    @Test
    void goeSkewness() {
        double m = f1.mean(), v = f1.variance();
        double skew = (f1.moment(3) - 3 * m * v - m * m * m) / Math.pow(v, 1.5);
        assertEquals(0.29346452407, skew, 1e-10);  // measured 2e-11
    }

    @Test
    void densityIsNormalisedAndIsTheDerivative() {
        assertEquals(1.0, Integrals.of(f1::density, -9.0, 9.0, 6), 1e-7);
        assertEquals(1.0, f1.cdf(100.0), 0.0);
        assertEquals(0.0, f1.cdf(-100.0), 0.0);
        assertEquals(f2.cdf(0.5) - f2.cdf(-0.5), Integrals.of(f2::density, -0.5, 0.5, 1), 1e-9);
    }

    /**
     * GOE matrices (N = 60, off-diagonal variance 1, from the exact Dyson sampler started at 0):
     * the scaled largest eigenvalue of 1000 independent members follows F₁ (finite-N bias after
     * centring at N − ½ is well below the KS tolerance 2.23/√1000 = 0.07) and not F₂.
     */
    @Test
    void goeLargestEigenvalueFollowsF1() {
        int n = 60, members = 1000;
        DysonOuSampler goe = new DysonOuSampler(new double[n], 0.0, 1.0, 1.0);
        double[] s = new double[members];
        for (int m = 0; m < members; m++) s[m] = TracyWidom.goeEdgeVariable(goe.sample(3, m)[n - 1], n, 1.0);
        assertTrue(KolmogorovSmirnov.oneSample(s, f1::cdf).scaled() < KolmogorovSmirnov.CRITICAL_1E4);
        assertTrue(KolmogorovSmirnov.oneSample(s, f2::cdf).scaled() > KolmogorovSmirnov.CRITICAL_1E6);
    }

    @Test
    void edgeScalingCentresAtNMinusHalf() {
        assertEquals(2.0 * Math.sqrt(2.0 * 99.5), TracyWidom.goeEdgeCentre(100, 2.0), 1e-12);
        assertEquals(Math.sqrt(2.0) * Math.pow(100, -1.0 / 6.0), TracyWidom.goeEdgeScale(100, 2.0), 1e-12);
        assertEquals(0.0, TracyWidom.goeEdgeVariable(TracyWidom.goeEdgeCentre(50, 1.0), 50, 1.0), 1e-12);
    }
}
