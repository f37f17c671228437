package org.dysonsim.physics.gas;

import static org.dysonsim.physics.gas.GasFixtures.KS_CRITICAL_1E3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.distribution.continuous.GammaDistribution;
import org.junit.jupiter.api.Test;

class CirExactTest {
    private static final double Z = 5.0;
    private static final int MEMBERS = 20000;

    /** Mean α₀/β₁ + (λ₀ − α₀/β₁)e^{−β₁t}; variance λ₀(σ²/β₁)(e^{−β₁t} − e^{−2β₁t}) + (α₀σ²/(2β₁²))(1 − e^{−β₁t})², σ² = 8ηD. */
    private static void checkMoments(CirModel m, double lambda0, double t, int steps) {
        double dt = t / steps;
        double sum = 0, sumSq = 0;
        for (int k = 0; k < MEMBERS; k++) {
            double[] x = {lambda0};
            for (long s = 0; s < steps; s++) CirExact.advance(m, x, s, dt, 17, k, 0, 1);
            assertTrue(x[0] >= 0.0, "negative value " + x[0]);
            sum += x[0];
            sumSq += x[0] * x[0];
        }
        double mean = sum / MEMBERS, var = sumSq / MEMBERS - mean * mean;
        double b = m.beta1(), theta = m.alpha0() / b, sig2 = 8 * m.etaD(), e = Math.exp(-b * t);
        double exactMean = theta + (lambda0 - theta) * e;
        double exactVar = lambda0 * sig2 / b * (e - e * e) + theta * sig2 / (2 * b) * (1 - e) * (1 - e);
        assertEquals(exactMean, mean, Z * Math.sqrt(exactVar / MEMBERS), "mean");
        // SE of a variance ≈ var·√(2/n) for near-Gaussian data; the gamma-like tail needs a kurtosis factor ~2.
        assertEquals(exactVar, var, Z * 2 * exactVar * Math.sqrt(2.0 / MEMBERS), "variance");
    }

    @Test
    void momentsAreExactWithOneStepOrMany() {
        CirModel wide = new CirModel(1, 3.0, 1.5, 0.25);   // d = α₀/(2ηD) = 6 > 1
        CirModel narrow = new CirModel(1, 0.3, 1.0, 0.5);  // d = 0.3 < 1: the Poisson-mixture branch
        checkMoments(wide, 0.2, 0.7, 1);
        checkMoments(wide, 0.2, 0.7, 7);
        checkMoments(narrow, 2.0, 0.4, 1);
        checkMoments(narrow, 2.0, 0.4, 4);
    }

    @Test
    void stationaryLawIsTheGammaOfOlsenTheorem32() {
        CirModel m = new CirModel(1, 2.0, 1.0, 0.25);
        double shape = m.alpha0() / (4 * m.etaD()), scale = 4 * m.etaD() / m.beta1();
        GammaDistribution law = new GammaDistribution(shape, scale);
        GammaDistribution wrong = new GammaDistribution(shape, 1.1 * scale);
        double[] sample = new double[4000];
        for (int k = 0; k < sample.length; k++) {
            double[] x = {0.1};
            CirExact.advance(m, x, 0, 30.0, 3, k, 0, 1); // one exact step of 30 relaxation times
            sample[k] = x[0];
        }
        assertTrue(GasFixtures.ksOneSample(sample, law::cumulativeProbability) < KS_CRITICAL_1E3);
        assertTrue(GasFixtures.ksOneSample(sample, wrong::cumulativeProbability) > KS_CRITICAL_1E3,
                "a 10 % wrong scale should be rejected");
    }
}
