package org.dysonsim.physics.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.gas.CirExact;
import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.laws.GammaLaw;
import org.dysonsim.physics.laws.GaussLegendre;
import org.dysonsim.physics.rng.CounterStream;
import org.dysonsim.physics.rng.Samplers;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CirTransitionTest {
    private static final GaussLegendre RULE = new GaussLegendre(20);
    private static final double QUADRATURE = 1e-9;
    private static final int DRAWS = 20_000;

    /** ∫ f over (0, ∞) through λ = y² (removes the λ^{d/2−1} singularity at 0 for d < 2). */
    private static double integral(java.util.function.DoubleUnaryOperator f, double top) {
        return RULE.integrate(y -> 2 * y * f.applyAsDouble(y * y), 0, Math.sqrt(top), 80);
    }

    @ParameterizedTest(name = "α₀={0} β₁={1} ηD={2} λ₀={3} t={4}")
    @CsvSource({"0.8, 2.0, 0.05, 0.1, 0.3", "0.1, 1.0, 0.05, 0.6, 0.2", "0.8, 0.0, 0.05, 0.3, 0.5", "0.5, 1.0, 0.01, 40.0, 0.1"})
    void normalisedWithTheExactMeanAndVariance(double alpha0, double beta1, double etaD, double lambda0, double t) {
        CirTransition law = new CirTransition(alpha0, beta1, etaD, lambda0, t);
        double m = beta1 == 0 ? lambda0 + alpha0 * t : alpha0 / beta1 + (lambda0 - alpha0 / beta1) * Math.exp(-beta1 * t);
        assertEquals(m, law.mean(), 1e-13);
        double top = law.mean() + 40 * Math.sqrt(law.variance());
        assertEquals(1.0, integral(law::density, top), QUADRATURE);
        assertEquals(m, integral(x -> x * law.density(x), top), QUADRATURE * top);
        assertEquals(law.variance() + m * m, integral(x -> x * x * law.density(x), top), QUADRATURE * top * top);
        double q = m + 0.5 * Math.sqrt(law.variance());
        assertEquals(integral(law::density, q), law.cdf(q), QUADRATURE);
        assertEquals(1.0, law.cdf(top), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"0.8, 2.0, 0.05, 0.1, 0.3"})
    void agreesWithNonCentralChiSquaredDrawsAndRejectsTheStationaryLaw(double alpha0, double beta1, double etaD, double lambda0, double t) {
        CirTransition law = new CirTransition(alpha0, beta1, etaD, lambda0, t);
        double c = 2 * etaD * -Math.expm1(-beta1 * t) / beta1;
        double[] x = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            x[i] = c * Samplers.noncentralChiSquared(alpha0 / (2 * etaD), lambda0 * Math.exp(-beta1 * t) / c, new CounterStream(5, i, 0, 0, 0));
        }
        assertTrue(KolmogorovSmirnov.oneSample(x, law::cdf).scaled() < KolmogorovSmirnov.CRITICAL_1E4);
        GammaLaw stationary = GammaLaw.squareRootStationary(alpha0, beta1, etaD);
        assertTrue(KolmogorovSmirnov.oneSample(x, stationary::cdf).scaled() > KolmogorovSmirnov.CRITICAL_1E6);
    }

    /**
     * An ensemble stepped by the engine's exact CIR sampler ({@link CirExact}, steps of 0.05) read
     * at three times, one value per member, against the transition law; power: at the first time
     * the stationary gamma law is rejected on the same members.
     */
    @org.junit.jupiter.api.Test
    void ensembleSteppedByTheEngineMatchesTheLawAtThreeTimes() {
        CirModel model = new CirModel(1, 0.8, 2.0, 0.05);
        int members = 4000;
        double lambda0 = 1.0, dt = 0.05;
        int[] readAt = {2, 10, 40};   // t = 0.1, 0.5, 2
        double[][] x = new double[readAt.length][members];
        for (int m = 0; m < members; m++) {
            double[] state = {lambda0};
            int r = 0;
            for (int step = 0; step < readAt[readAt.length - 1]; step++) {
                CirExact.advance(model, state, step, dt, 29, m, 0, 1);
                if (step + 1 == readAt[r]) x[r++][m] = state[0];
            }
        }
        for (int r = 0; r < readAt.length; r++) {
            CirTransition law = new CirTransition(0.8, 2.0, 0.05, lambda0, readAt[r] * dt);
            KolmogorovSmirnov.Result ks = KolmogorovSmirnov.oneSample(x[r], law::cdf);
            assertTrue(ks.scaled() < KolmogorovSmirnov.CRITICAL_1E4, "t = " + readAt[r] * dt + ": " + ks);
        }
        GammaLaw stationary = GammaLaw.squareRootStationary(0.8, 2.0, 0.05);
        assertTrue(KolmogorovSmirnov.oneSample(x[0], stationary::cdf).scaled() > KolmogorovSmirnov.CRITICAL_1E6);
    }

    @ParameterizedTest
    @CsvSource({"0.8, 2.0, 0.05, 0.1"})
    void longTimesReachTheGammaStationaryLaw(double alpha0, double beta1, double etaD, double lambda0) {
        CirTransition law = new CirTransition(alpha0, beta1, etaD, lambda0, 40.0);
        GammaLaw stationary = GammaLaw.squareRootStationary(alpha0, beta1, etaD);
        for (double x : new double[] {0.1, 0.3, 0.5, 0.9}) {
            assertEquals(stationary.density(x), law.density(x), 1e-12);
            assertEquals(stationary.cdf(x), law.cdf(x), 1e-12);
        }
    }
}
