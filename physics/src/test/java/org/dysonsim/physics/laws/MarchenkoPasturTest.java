package org.dysonsim.physics.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarchenkoPasturTest {
    /** Independent quadrature (cosine map of the whole support, not the law's own map). */
    private static final double EDGE_QUADRATURE = 1e-12;

    @ParameterizedTest
    @CsvSource({"0.25, 1.0, 1.0", "0.5, 2.5, 0.8", "1.0, 0.7, 1.0"})
    void normalisedToItsAreaWithTheMomentsOfTheLaw(double r, double s2, double area) {
        MarchenkoPastur mp = new MarchenkoPastur(r, s2, area);
        double lo = mp.lower(), hi = mp.upper();
        assertEquals(area, Integrals.overEdges(mp::density, lo, hi, 40), EDGE_QUADRATURE);
        assertEquals(area, mp.cdf(hi + 1.0), 0.0);
        assertEquals(0.0, mp.cdf(lo - 1e-9), 0.0);
        assertEquals(area * s2, Integrals.overEdges(x -> x * mp.density(x), lo, hi, 40), EDGE_QUADRATURE * hi);
        double m2 = Integrals.overEdges(x -> x * x * mp.density(x), lo, hi, 40) / area;
        assertEquals(r * s2 * s2, m2 - s2 * s2, EDGE_QUADRATURE * hi * hi);
        assertEquals(mp.variance(), r * s2 * s2, 0.0);
    }

    @ParameterizedTest
    @CsvSource({"0.25, 1.0", "0.5, 2.5", "1.0, 0.7"})
    void cdfIsTheIntegralOfTheDensity(double r, double s2) {
        MarchenkoPastur mp = new MarchenkoPastur(r, s2);
        for (double q : new double[] {0.1, 0.37, 0.5, 0.81, 0.99}) {
            double x = mp.lower() + q * (mp.upper() - mp.lower());
            assertEquals(Integrals.overEdges(mp::density, mp.lower(), x, 40), mp.cdf(x), EDGE_QUADRATURE);
        }
    }

    @ParameterizedTest
    @CsvSource({"0.0", "1.5"})
    void rejectsRatiosOutsideTheUnitInterval(double r) {
        assertThrows(IllegalArgumentException.class, () -> new MarchenkoPastur(r, 1.0));
    }

    @org.junit.jupiter.api.Test
    void gramScalingMultipliesTheWidthByTheRowCount() {
        MarchenkoPastur mp = MarchenkoPastur.ofGram(400, 100, 0.5);
        assertEquals(200.0 * 2.25, mp.upper(), 1e-12);
        assertEquals(200.0 * 0.25, mp.lower(), 1e-12);
    }
}
