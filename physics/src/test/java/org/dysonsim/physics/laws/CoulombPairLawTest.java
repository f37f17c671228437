package org.dysonsim.physics.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CoulombPairLawTest {
    private static final double QUADRATURE = 1e-10;

    @Test
    void harmonicPairIsTheTwoModeDensity() {
        double g2 = 0.3, omega = 2.0, centre = 0.4;
        CoulombPairLaw pair = new CoulombPairLaw(new Potential.Harmonic(omega, centre), g2, centre - 5, centre + 5, 200);
        TwoModeDensity rho = new TwoModeDensity(g2 / omega);
        for (double x : new double[] {-0.6, 0.0, 0.4, 0.9, 1.3}) {
            assertEquals(rho.density(x - centre), pair.density(x), QUADRATURE);
            assertEquals(rho.cdf(x - centre), pair.cdf(x), QUADRATURE);
        }
    }

    @Test
    void rbmPairIsNormalisedOnItsInterval() {
        CoulombPairLaw pair = new CoulombPairLaw(new Potential.Rbm(1.0, 0.5), 0.05, 0.0, 1.0, 400);
        assertEquals(1.0, Integrals.of(pair::density, 0, 1, 100), 1e-9);
        assertEquals(1.0, pair.cdf(1.0), 0.0);
        // split at y = x so that neither inner integral sees the kink of |x − y|
        double joint = Integrals.of(x -> Integrals.of(y -> pair.joint(x, y), 0, x, 4) + Integrals.of(y -> pair.joint(x, y), x, 1, 4), 0, 1, 20);
        assertEquals(1.0, joint, 1e-10);
    }
}
