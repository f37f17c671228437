package org.dysonsim.physics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dysonsim.physics.laws.SpectralLaw;
import org.junit.jupiter.api.Test;

class L1DistanceTest {
    private static final SpectralLaw UNIFORM = new SpectralLaw() {
        public double density(double x) {
            return x > 0 && x < 1 ? 1 : 0;
        }

        public double cdf(double x) {
            return Math.max(0, Math.min(1, x));
        }
    };

    @Test
    void zeroForMatchingBinProbabilitiesAndCountsOutsideMass() {
        Histogram h = new Histogram(0, 1, new long[] {1, 1, 1, 1}, 0, 0);
        assertEquals(0.0, L1Distance.between(h, UNIFORM), 1e-15);
        // half the mass beyond the range: |0.5·¼ − ¼|·4 + |½ − 0| = 1
        Histogram spilled = new Histogram(0, 1, new long[] {1, 1, 1, 1}, 0, 4);
        assertEquals(1.0, L1Distance.between(spilled, UNIFORM), 1e-15);
    }
}
