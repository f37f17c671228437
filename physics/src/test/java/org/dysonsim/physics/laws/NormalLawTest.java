package org.dysonsim.physics.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormalLawTest {
    @Test
    void normalisedWithItsMoments() {
        NormalLaw n = new NormalLaw(0.7, 0.09);
        assertEquals(1.0, Integrals.of(n::density, -5, 6, 40), 1e-13);
        assertEquals(0.7, Integrals.moment(n, 1, -5, 6, 40), 1e-13);
        assertEquals(0.09 + 0.49, Integrals.moment(n, 2, -5, 6, 40), 1e-13);
        assertEquals(0.5, n.cdf(0.7), 1e-16);
        assertEquals(Integrals.of(n::density, -5, 0.4, 20), n.cdf(0.4), 1e-13);
    }
}
