package org.dysonsim.physics.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WignerSurmiseTest {
    private static final double QUADRATURE = 1e-12;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void normalisedWithTheGivenMeanSpacing(int beta) {
        WignerSurmise w = new WignerSurmise(beta, 1.7);
        assertEquals(1.0, Integrals.of(w::density, 0.0, 20.0, 40), QUADRATURE);
        assertEquals(1.7, Integrals.moment(w, 1, 0.0, 20.0, 40), QUADRATURE);
        assertEquals(1.0, w.cdf(1e3), 0.0);
        assertEquals(Integrals.of(w::density, 0.0, 2.1, 10), w.cdf(2.1), QUADRATURE);
    }

    @ParameterizedTest
    @ValueSource(ints = {1})
    void goeSurmiseIsTheTextbookForm(int beta) {
        WignerSurmise w = new WignerSurmise(beta);
        double s = 0.8;
        assertEquals(Math.PI / 2 * s * Math.exp(-Math.PI * s * s / 4), w.density(s), 1e-15);
        assertEquals(1 - Math.exp(-Math.PI * s * s / 4), w.cdf(s), 1e-15);
    }
}
