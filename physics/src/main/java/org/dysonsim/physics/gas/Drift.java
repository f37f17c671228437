package org.dysonsim.physics.gas;

/**
 * The smooth, explicitly integrated part of the drift {@code K_i(x)} of mode {@code i}
 * (docs/physics.md §1). Singular walls are not drifts: they are {@link Wall}s, handled implicitly.
 * Implementations are records of plain arrays so a drift can travel in a message.
 */
public sealed interface Drift permits Drift.Zero, Drift.Harmonic, Drift.RbmSmooth, Drift.MeanField, Drift.Constant {

    /** K_i(x). */
    double at(double x, int mode);

    /** dK_i/dx, used by the step-size rule. */
    double slope(double x, int mode);

    /** No drift: pure Dyson Brownian motion. */
    record Zero() implements Drift {
        public double at(double x, int mode) { return 0.0; }
        public double slope(double x, int mode) { return 0.0; }
    }

    /** Harmonic well {@code K = −Ω_i (x − c_i)}. */
    record Harmonic(double[] centre, double[] stiffness) implements Drift {
        public double at(double x, int mode) { return -stiffness[mode] * (x - centre[mode]); }
        public double slope(double x, int mode) { return -stiffness[mode]; }
    }

    /**
     * Smooth part {@code x/κ_i + 1} of the RBM drift {@code K = (1/κ − 1/(μ² − x)) x}
     * (Aarts, Park, Lucini PRE 111, 015303); the remainder {@code −μ²/(μ² − x)} is the upper
     * {@link Wall} at {@code μ²} with coefficient {@code μ²} (docs/physics.md §2).
     */
    record RbmSmooth(double[] kappa) implements Drift {
        public double at(double x, int mode) { return x / kappa[mode] + 1.0; }
        public double slope(double x, int mode) { return 1.0 / kappa[mode]; }
    }

    /** Quadratic mean field {@code K = c (λ*_i − λ)} (Olsen et al. Thm 3.2 drift). */
    record MeanField(double c, double[] target) implements Drift {
        public double at(double x, int mode) { return c * (target[mode] - x); }
        public double slope(double x, int mode) { return -c; }
    }

    /** A constant push {@code K_i = v_i}: the gradient term of a forecast of singular values (Olsen et al., Algorithm 1). */
    record Constant(double[] value) implements Drift {
        public double at(double x, int mode) { return value[mode]; }
        public double slope(double x, int mode) { return 0.0; }
    }
}
