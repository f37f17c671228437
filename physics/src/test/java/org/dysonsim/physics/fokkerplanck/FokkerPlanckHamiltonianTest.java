package org.dysonsim.physics.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.laws.Potential;
import org.junit.jupiter.api.Test;

class FokkerPlanckHamiltonianTest {
    /** OU: H is the harmonic oscillator, {@code E_n = n·a}; central differences are second order. */
    @Test
    void ornsteinUhlenbeckRatesAreMultiplesOfTheStiffness() {
        double a = 2, g2 = 0.5;
        double[] coarse = new FokkerPlanckHamiltonian(new Potential.Harmonic(a, 0), g2, new CellGrid(-4, 4, 400)).rates(5);
        double[] fine = new FokkerPlanckHamiltonian(new Potential.Harmonic(a, 0), g2, new CellGrid(-4, 4, 800)).rates(5);
        for (int k = 0; k < 5; k++) {
            assertEquals(k * a, fine[k], 2e-4 * (k + 1) * (k + 1));
            double ratio = (coarse[k] - k * a) / (fine[k] - k * a);
            assertTrue(ratio > 3.6 && ratio < 4.4, "level " + k + " ratio " + ratio);
        }
    }

    @Test
    void groundStateIsTheRootOfTheStationaryLaw() {
        FokkerPlanckHamiltonian h = new FokkerPlanckHamiltonian(new Potential.Harmonic(2, 0.1), 0.5, new CellGrid(-4, 4, 800));
        double[] psi = h.groundState();
        SymmetricTridiagonal m = h.matrix();
        double residual = 0;
        for (int i = 0; i < psi.length; i++) {
            double hv = m.diagonal()[i] * psi[i];
            if (i > 0) hv += m.offDiagonal()[i - 1] * psi[i - 1];
            if (i + 1 < psi.length) hv += m.offDiagonal()[i] * psi[i + 1];
            residual = Math.max(residual, Math.abs(hv));
        }
        assertTrue(residual < 1e-4, "‖Hψ₀‖∞ = " + residual);   // O(h²) truncation of ψ₀''
    }

    /**
     * RBM with its reflecting wall at 0 (Robin, here Neumann since V'(0) = 0) and the singular
     * wall at 1: the Hamiltonian's rates agree with the Chang–Cooper generator's and with
     * docs/physics.md §4 (Richardson from 400 and 800 cells).
     */
    @Test
    void rbmRatesAgreeWithTheGeneratorAndTheReference() {
        Potential rbm = new Potential.Rbm(1.0, 0.5);
        double[] c = new FokkerPlanckHamiltonian(rbm, 0.05, new CellGrid(0, 1, 400)).rates(4);
        double[] f = new FokkerPlanckHamiltonian(rbm, 0.05, new CellGrid(0, 1, 800)).rates(4);
        double[] reference = {0, 1.32743, 4.3944, 8.9027};
        double[] generator = new GeneratorSpectrum(new ChangCooperOperator(rbm, 0.05, new CellGrid(0, 1, 400))).rates();
        for (int k = 1; k < 4; k++) {
            assertEquals(reference[k], (4 * f[k] - c[k]) / 3, 1e-4);
            assertEquals(generator[k], f[k], 1e-3 * k);
        }
    }
}
