package org.dysonsim.physics.laws;

/**
 * A confining potential V with {@code K = −V'} (docs/physics.md §1): the stationary one-mode law is
 * {@code ∝ e^{−V/g²}}. Value and two derivatives, because the Fokker–Planck Hamiltonian needs V''.
 */
public interface Potential {
    double value(double x);

    double derivative(double x);

    double secondDerivative(double x);

    /** {@code V = Ω(x − x*)²/2}. */
    record Harmonic(double omega, double centre) implements Potential {
        public double value(double x) {
            double d = x - centre;
            return 0.5 * omega * d * d;
        }

        public double derivative(double x) {
            return omega * (x - centre);
        }

        public double secondDerivative(double x) {
            return omega;
        }
    }

    /**
     * RBM drift of Aarts et al. (PRE 111, 015303) on (0, μ²): {@code K = (1/κ − 1/(μ² − x))x},
     * {@code V = −x²/(2κ) − x − μ² log(μ² − x)}, fixed point {@code μ² − κ}.
     */
    record Rbm(double mu2, double kappa) implements Potential {
        public double value(double x) {
            return -x * x / (2.0 * kappa) - x - mu2 * Math.log(mu2 - x);
        }

        public double derivative(double x) {
            return -(1.0 / kappa - 1.0 / (mu2 - x)) * x;
        }

        public double secondDerivative(double x) {
            double d = mu2 - x;
            return -1.0 / kappa + 1.0 / d + x / (d * d);
        }
    }
}
