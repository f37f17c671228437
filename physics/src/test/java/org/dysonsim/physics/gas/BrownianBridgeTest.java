package org.dysonsim.physics.gas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BrownianBridgeTest {
    @Test
    void refinedIncrementsAddUpToTheCoarseOne() {
        double[] coarse = new double[1];
        double[] fine = new double[1 << 6];
        for (long step = 0; step < 200; step++) {
            BrownianBridge.increments(3, 1, 4, step, 0, 0.5, coarse);
            BrownianBridge.increments(3, 1, 4, step, 6, 0.5, fine);
            double sum = 0.0;
            for (double d : fine) sum += d;
            assertEquals(coarse[0], sum, 1e-13, "step " + step);
        }
    }

    @Test
    void subIncrementsHaveTheVarianceOfTheirLength() {
        // 2^4 sub-increments per step over 4000 steps: 64 000 samples of variance dt/16.
        int level = 4, steps = 4000;
        double dt = 0.8;
        double[] buf = new double[1 << level];
        double sum = 0, sumSq = 0, lag = 0;
        int count = 0;
        for (long s = 0; s < steps; s++) {
            BrownianBridge.increments(11, 0, 2, s, level, dt, buf);
            for (int k = 0; k < buf.length; k++) {
                sum += buf[k];
                sumSq += buf[k] * buf[k];
                if (k > 0) lag += buf[k] * buf[k - 1];
                count++;
            }
        }
        double var = dt / (1 << level);
        // SE of the mean: √(var/count); of the mean square: var·√(2/count); z = 5.
        assertEquals(0.0, sum / count, 5 * Math.sqrt(var / count));
        assertEquals(var, sumSq / count, 5 * var * Math.sqrt(2.0 / count));
        assertEquals(0.0, lag / count, 5 * var / Math.sqrt(count));
    }
}
