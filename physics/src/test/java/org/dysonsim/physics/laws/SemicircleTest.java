package org.dysonsim.physics.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SemicircleTest {
    private static final double EDGE_QUADRATURE = 1e-12;

    @Test
    void normalisedWithVarianceTau() {
        Semicircle sc = new Semicircle(0.3, 2.0);
        assertEquals(1.0, Integrals.overEdges(sc::density, sc.lower(), sc.upper(), 40), EDGE_QUADRATURE);
        assertEquals(0.3, Integrals.overEdges(x -> x * sc.density(x), sc.lower(), sc.upper(), 40), EDGE_QUADRATURE);
        assertEquals(2.0 + 0.09, Integrals.overEdges(x -> x * x * sc.density(x), sc.lower(), sc.upper(), 40), 1e-12);
        assertEquals(1.0, sc.cdf(100.0), 0.0);
        assertEquals(0.5, sc.cdf(0.3), 1e-15);
        assertEquals(Integrals.overEdges(sc::density, sc.lower(), 1.1, 40), sc.cdf(1.1), EDGE_QUADRATURE);
    }
}
