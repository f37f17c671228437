package org.dysonsim.physics.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TwoModeDensityTest {
    private static final double QUADRATURE = 1e-11;
    private final TwoModeDensity rho = new TwoModeDensity(0.6);

    @Test
    void normalisedWithTheClosedFormMoments() {
        double s = Math.sqrt(0.6), a = -12 * s, b = 12 * s;
        assertEquals(1.0, Integrals.of(rho::density, a, b, 40), QUADRATURE);
        assertEquals(0.0, Integrals.moment(rho, 1, a, b, 40), QUADRATURE);
        double m2 = Integrals.moment(rho, 2, a, b, 40), m4 = Integrals.moment(rho, 4, a, b, 40);
        assertEquals(1.5 * 0.36 / 0.6, m2, QUADRATURE);
        assertEquals(23.0 / 4.0 * 0.36, m4, QUADRATURE);
        assertEquals(-4.0 / 27.0, m4 / (3 * m2 * m2) - 1.0, QUADRATURE);
        assertEquals(-4.0 / 27.0, rho.binderCumulantB(), 1e-15);
    }

    @Test
    void cdfIsTheIntegralOfTheDensity() {
        for (double x : new double[] {-2.5, -0.4, 0.0, 0.3, 1.9}) {
            assertEquals(Integrals.of(rho::density, -10, x, 40), rho.cdf(x), QUADRATURE);
        }
        assertEquals(1.0, rho.cdf(50), 1e-15);
        assertEquals(0.0, rho.cdf(-50), 1e-15);
    }

    @Test
    void spacingIsTheGoeSurmiseWithMeanRootPiSigma() {
        assertEquals(Math.sqrt(Math.PI * 0.6), Integrals.moment(rho.spacing(), 1, 0, 30, 40), QUADRATURE);
        double s = 0.9;
        assertEquals(s / (2 * 0.6) * Math.exp(-s * s / (4 * 0.6)), rho.spacing().density(s), 1e-15);
    }
}
