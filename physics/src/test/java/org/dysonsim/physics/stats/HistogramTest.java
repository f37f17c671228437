package org.dysonsim.physics.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void countsWithUnderAndOverflowAndPoissonErrors() {
        Histogram h = Histogram.of(new double[] {-1, 0, 0.1, 0.5, 0.99, 1.0, 3}, 0, 1, 2);
        assertArrayEquals(new long[] {2, 2}, h.counts());
        assertEquals(1, h.underflow());
        assertEquals(2, h.overflow());
        assertEquals(7, h.total());
        assertEquals(2.0 / 7 / 0.5, h.density(0), 1e-15);
        assertEquals(Math.sqrt(2) / 7 / 0.5, h.densityError(1), 1e-15);
        assertEquals(0.25, h.centre(0), 1e-15);
    }
}
