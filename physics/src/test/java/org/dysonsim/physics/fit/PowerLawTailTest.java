package org.dysonsim.physics.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.junit.jupiter.api.Test;

class PowerLawTailTest {
    private static final double Z = 5.0;
    private static final int TAIL = 3000, BODY = 2000;

    /** Pareto(α = 2.5, x_min = 1) above a body on (0.2, 1): the smallest-KS x_min finds the knee. */
    @Test
    void recoversExponentAndKnee() {
        double[] x = new double[TAIL + BODY];
        for (int i = 0; i < TAIL; i++) x[i] = Math.pow(CounterRng.uniform(51, 0, i, 0, 0), -1.0 / 1.5);
        for (int i = 0; i < BODY; i++) x[TAIL + i] = 0.2 + 0.8 * CounterRng.uniform(52, 0, i, 0, 0);
        PowerLawTail fit = PowerLawTail.fit(x);
        assertEquals(2.5, fit.alpha(), Z * fit.alphaSe());
        // the knee: within the spread of the lowest tail points (x_min from KS is a noisy statistic)
        assertEquals(1.0, fit.xMin(), 0.15);
        assertTrue(fit.tailSize() > 0.7 * TAIL);
    }

    @Test
    void unbiasedClosedFormAtAGivenXMin() {
        double[] x = {1, 2, 4, 8, 1, 2, 4, 8, 1.5, 3};
        PowerLawTail fit = PowerLawTail.fitAbove(x, 1.0);
        double sumLog = 0;
        for (double v : x) sumLog += Math.log(v);
        assertEquals(1 + 9 / sumLog, fit.alpha(), 1e-14);
        assertEquals((fit.alpha() - 1) / Math.sqrt(10), fit.alphaSe(), 1e-14);
    }

    /** Power: an exponential tail fitted as a power law above a fixed x_min fails the KS test. */
    @Test
    void exponentialTailIsRejected() {
        double[] x = new double[TAIL];
        for (int i = 0; i < TAIL; i++) x[i] = 1.0 - Math.log(CounterRng.uniform(53, 0, i, 0, 0));
        PowerLawTail fit = PowerLawTail.fitAbove(x, 1.0);
        assertTrue(Math.sqrt(fit.tailSize()) * fit.ksDistance() > KolmogorovSmirnov.CRITICAL_1E6, fit.toString());
        double[] pareto = new double[TAIL];
        for (int i = 0; i < TAIL; i++) pareto[i] = Math.pow(CounterRng.uniform(54, 0, i, 0, 0), -1.0 / 1.5);
        PowerLawTail right = PowerLawTail.fitAbove(pareto, 1.0);
        assertTrue(Math.sqrt(right.tailSize()) * right.ksDistance() < KolmogorovSmirnov.CRITICAL_1E4, right.toString());
    }
}
