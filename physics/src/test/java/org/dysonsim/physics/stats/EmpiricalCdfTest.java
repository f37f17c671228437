package org.dysonsim.physics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EmpiricalCdfTest {
    @Test
    void rightContinuousStepsWithTies() {
        EmpiricalCdf f = new EmpiricalCdf(new double[] {3, 1, 2, 2});
        assertEquals(0.0, f.at(0.99), 0.0);
        assertEquals(0.25, f.at(1.0), 0.0);
        assertEquals(0.75, f.at(2.0), 0.0);
        assertEquals(0.75, f.at(2.5), 0.0);
        assertEquals(1.0, f.at(3.0), 0.0);
        assertEquals(4, f.size());
    }
}
