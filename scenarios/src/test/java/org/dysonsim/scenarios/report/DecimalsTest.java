package org.dysonsim.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DecimalsTest {
    @Test
    void statedValuesReadAsStated() {
        assertEquals("0.0025", Decimals.of(0.0025));
        assertEquals("0.04999696", Decimals.of(0.04999696));
        assertEquals("400", Decimals.of(400.0));
        assertEquals("0.5", Decimals.of(0.5));
        assertEquals("-3.25", Decimals.of(-3.25));
        assertEquals("0", Decimals.of(-0.0));
        assertEquals("1.5e-7", Decimals.of(1.5e-7));
        assertEquals("2e-5", Decimals.of(2e-5));
    }

    @Test
    void artefactsOfBinaryArithmeticAreCut() {
        assertEquals("0.0025000000000000005", Double.toString(0.05 * 0.05).replace("E", "e"), "the artefact this is about");
        assertEquals("0.0025", Decimals.of(0.05 * 0.05));
        assertEquals("5.6", Decimals.of(28 * 0.2));
        assertEquals("0.16", Decimals.of(0.4 * 0.4));
        assertEquals("0.3", Decimals.of(0.1 + 0.2));
        assertEquals("0.333333", Decimals.of(1.0 / 3));
    }

    @Test
    void tablesKeepFourDigitsWithoutTrailingZeros() {
        assertEquals("0.1", Decimals.of(0.1, 4));
        assertEquals("0.1235", Decimals.of(0.123456, 4));
        assertEquals("1.235e-5", Decimals.of(1.23456e-5, 4));
        assertEquals("12", Decimals.of(12.0, 4));
        assertEquals("NaN", Decimals.of(Double.NaN, 4));
        assertEquals("∞", Decimals.of(Double.POSITIVE_INFINITY));
    }
}
