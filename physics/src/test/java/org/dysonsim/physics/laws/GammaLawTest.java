package org.dysonsim.physics.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GammaLawTest {
    @Test
    void olsenStationaryLawHasShapeAlphaOver4EtaDAndTheDriftsFixedPointAsMean() {
        GammaLaw g = GammaLaw.squareRootStationary(0.8, 2.0, 0.05);
        assertEquals(4.0, g.shape(), 1e-15);
        assertEquals(0.1, g.scale(), 1e-15);
        assertEquals(0.8 / 2.0, g.mean(), 1e-15);
        assertEquals(1.0, Integrals.of(g::density, 0, 10, 40), 1e-12);
        assertEquals(g.mean(), Integrals.moment(g, 1, 0, 10, 40), 1e-12);
        assertEquals(g.variance() + g.mean() * g.mean(), Integrals.moment(g, 2, 0, 10, 40), 1e-12);
        assertEquals(Integrals.of(g::density, 0, 0.33, 10), g.cdf(0.33), 1e-12);
    }

    @Test
    void nonIntegerShapeStillNormalises() {
        GammaLaw g = new GammaLaw(2.5, 0.4);
        assertEquals(1.0, g.cdf(1e4), 1e-15);
        // x^{3/2} at 0 is not analytic: the substitution x = y² makes it so
        assertEquals(1.0, Integrals.of(y -> 2 * y * g.density(y * y), 0, 6, 60), 1e-12);
    }
}
