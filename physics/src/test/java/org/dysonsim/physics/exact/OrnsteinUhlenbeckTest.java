package org.dysonsim.physics.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dysonsim.physics.laws.NormalLaw;
import org.junit.jupiter.api.Test;

class OrnsteinUhlenbeckTest {
    private final OrnsteinUhlenbeck ou = new OrnsteinUhlenbeck(1.5, 0.4, 0.3);

    @Test
    void transitionsComposeChapmanKolmogorov() {
        NormalLaw first = ou.transition(2.0, 0.3), both = ou.transition(2.0, 0.8), second = ou.transition(0.0, 0.5);
        double shrink = Math.exp(-1.5 * 0.5);
        assertEquals(both.mean(), 0.4 + (first.mean() - 0.4) * shrink, 1e-14);
        assertEquals(both.variance(), shrink * shrink * first.variance() + second.variance(), 1e-14);
    }

    @Test
    void relaxesToTheStationaryLawAndBrownianMotionAtZeroStiffness() {
        assertEquals(ou.stationary().variance(), ou.transition(-1, 30).variance(), 1e-15);
        assertEquals(0.2, ou.stationary().variance(), 1e-15);
        assertEquals(2 * 0.3 * 0.7, new OrnsteinUhlenbeck(0, 0, 0.3).transition(1, 0.7).variance(), 1e-15);
        assertEquals(2 * 0.3 * 1e-6, new OrnsteinUhlenbeck(1e-9, 0, 0.3).transition(1, 1e-6).variance(), 1e-18);
    }
}
