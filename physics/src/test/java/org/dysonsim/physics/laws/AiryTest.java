package org.dysonsim.physics.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AiryTest {
    /** Absolute accuracy reached in all three regimes (series loses ~7 digits at −8). */
    private static final double TOLERANCE = 1e-10;

    // Reference values: mpmath.airyai at 30 digits.
    @ParameterizedTest
    @CsvSource({
        "-12, -0.066555175054373129474",
        "-8.5, -0.33029023763020887902",
        "-8, -0.052705050356386202622",
        "-5, 0.35076100902411431979",
        "-1, 0.5355608832923521188",
        "0, 0.35502805388781723926",
        "0.5, 0.23169360648083348977",
        "0.999, 0.13545163140435457453",
        "1, 0.13529241631288141552",
        "2, 0.034924130423274379135",
        "5, 0.00010834442813607441735",
        "10, 1.1047532552898685934e-10",
        "20, 1.6916728686705403136e-27"})
    void matchesReferenceValues(double x, double expected) {
        assertEquals(expected, Airy.ai(x), TOLERANCE);
    }

    @ParameterizedTest
    @CsvSource({"2, 0.034924130423274379135", "5, 0.00010834442813607441735", "10, 1.1047532552898685934e-10"})
    void integralRegimeIsRelativelyAccurate(double x, double expected) {
        assertEquals(1.0, Airy.ai(x) / expected, 1e-12);
    }
}
