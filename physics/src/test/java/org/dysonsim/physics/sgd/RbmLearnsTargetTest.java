package org.dysonsim.physics.sgd;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The RBM trained by PCD on lattice-field samples learns its target spectrum: at small α/|B| the
 * singular values of W settle at s*_k = √((μ² − κ_k)/σ_h²) with the predicted width.
 *
 * <p>Predicted width of a non-degenerate mode (linear noise around the fixed point, docs/physics.md §1
 * SGD form): the drift of s per unit time is σ_h² s(1/κ − 1/(μ² − σ_h² s²)), of stiffness
 * Ω = 2σ_h⁴s*²/κ²; the per-sample projection is −σ_h² s[(u·φ)² − (u·ψ)²] with (u·φ)² of variance
 * 2/κ², so the noise strength is g² = (α/2|B|)·σ_h⁴s*²(2/κ²)(1 + τ), where τ = (1 + ρ²)/(1 − ρ²)
 * is the integrated autocorrelation of (u·ψ)² in the persistent chain, ρ = (σ_h²s*²/μ²)^sweeps
 * its Gibbs contraction per step. Var(s) = g²/Ω = (α/|B|)(1 + τ)/2, plus the spread of the
 * members' own data sets: the empirical 1/κ of P samples is off by √(2/P), shifting s* by
 * κ√(2/P)/(2σ_h²s*), of variance κ²/(2Pσ_h⁴s*²).
 */
class RbmLearnsTargetTest {
    private static final int SITES = 4, BATCH = 16, DATA = 20_000, MEMBERS = 40;
    private static final double MASS2 = 1.0, MU2 = 7.0, SIGMA_H2 = 1.0, ALPHA = 0.005, START = 1.2;
    /** 5000 steps = 25 time units, four relaxation times of the slowest (UV) mode (Ω = 0.16). */
    private static final long BURN_IN = 5000, SAMPLE_EVERY = 100, SAMPLES = 60;
    /** docs/physics.md §7: z = 5 standard errors, errors from the spread over independent members. */
    private static final double Z = 5.0;

    @Test
    void singularValuesSettleAtTheTargetWithThePredictedWidth() {
        double[] target = null;
        double[][] meanOfMember = new double[MEMBERS][];
        double[][] squareOfMember = new double[MEMBERS][];
        for (int k = 0; k < MEMBERS; k++) {
            var loss = (RbmPcdLoss) MinibatchLoss.create(new LossSpec.RbmPcd(MASS2, MU2, SIGMA_H2, 1), SITES, SITES, DATA,
                    BATCH, 11, k);
            target = loss.targetEigenvalues();
            // a common start, W₀ = 1.2·I + small noise: the smallest singular value of a random
            // square W₀ is near 0, from where the UV mode would take hundreds of time units to grow;
            // from 1.2 its offset to s* = 1.41 decays to 0.21·e^{−4} ≈ 0.004, a sixth of its width
            DMatrixRMaj w0 = InitialWeights.gaussian(SITES, SITES, 0.05, 11, k);
            for (int i = 0; i < SITES; i++) w0.add(i, i, START);
            MatrixTraining training = new MatrixTraining(loss, new SgdSettings(ALPHA, BATCH, 0.0), w0);
            training.advance(BURN_IN);
            meanOfMember[k] = new double[SITES];
            squareOfMember[k] = new double[SITES];
            for (int s = 0; s < SAMPLES; s++) {
                training.advance(SAMPLE_EVERY);
                double[] x = training.spectrum();
                for (int i = 0; i < SITES; i++) {
                    double d = Math.sqrt(x[i]) - Math.sqrt(target[i]);
                    meanOfMember[k][i] += d / SAMPLES;
                    squareOfMember[k][i] += d * d / SAMPLES;
                }
            }
        }
        double[] predicted = new double[SITES];
        for (int i = 0; i < SITES; i++) predicted[i] = predictedVariance(target[i], true);

        // learned: every mode within its predicted width of the target (degenerate pairs are split
        // by their repulsion by less than that width)
        for (int i = 0; i < SITES; i++) {
            Estimate bias = Estimate.of(column(meanOfMember, i));
            assertTrue(Math.abs(bias.mean) <= Math.sqrt(predicted[i]) + Z * bias.se,
                    "mode " + i + ": mean offset " + bias.mean + " ± " + bias.se + ", width " + Math.sqrt(predicted[i]));
        }
        // the degenerate pair (κ = m² + 2, modes 1 and 2) is centred on its target
        double[] pairCentre = new double[MEMBERS];
        for (int k = 0; k < MEMBERS; k++) pairCentre[k] = (meanOfMember[k][1] + meanOfMember[k][2]) / 2;
        Estimate centre = Estimate.of(pairCentre);
        assertTrue(Math.abs(centre.mean) <= Z * centre.se + 0.1 * Math.sqrt(predicted[1]),
                "pair centre offset " + centre.mean + " ± " + centre.se);

        // width of the non-degenerate modes (lowest κ: mode 3; highest: mode 0)
        for (int i : new int[] {0, 3}) {
            Estimate width = Estimate.of(column(squareOfMember, i));
            assertTrue(Math.abs(width.mean - predicted[i]) <= Z * width.se,
                    "mode " + i + ": variance " + width.mean + " ± " + width.se + ", predicted " + predicted[i]);
        }
        // power: without the persistent chains' autocorrelation the IR width is rejected
        Estimate ir = Estimate.of(column(squareOfMember, 3));
        assertFalse(Math.abs(ir.mean - predictedVariance(target[3], false)) <= Z * ir.se,
                "white chain noise should be rejected for the IR mode: variance " + ir.mean);
    }

    /** Var(s) for the eigenvalue x* = s*² of WᵀW (class comment); {@code chainMemory} false: τ = 1. */
    private static double predictedVariance(double xStar, boolean chainMemory) {
        double kappa = MU2 - SIGMA_H2 * xStar;
        double rho = SIGMA_H2 * xStar / MU2;
        double tau = chainMemory ? (1 + rho * rho) / (1 - rho * rho) : 1.0;
        return ALPHA / BATCH * (1 + tau) / 2 + kappa * kappa / (2.0 * DATA * SIGMA_H2 * SIGMA_H2 * xStar);
    }

    private record Estimate(double mean, double se) {
        static Estimate of(double[] values) {
            double m = 0;
            for (double v : values) m += v / values.length;
            double ss = 0;
            for (double v : values) ss += (v - m) * (v - m);
            return new Estimate(m, Math.sqrt(ss / (values.length - 1) / values.length));
        }
    }

    private static double[] column(double[][] rows, int i) {
        double[] c = new double[rows.length];
        for (int k = 0; k < rows.length; k++) c[k] = rows[k][i];
        return c;
    }
}
