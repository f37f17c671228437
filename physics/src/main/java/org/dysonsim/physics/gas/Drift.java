package org.dysonsim.physics.gas;

/**
 * The smooth, explicitly integrated part of the drift {@code K_i(x)} of mode {@code i}
 * (docs/physics.md §1). Singular walls are not drifts: they are {@link Wall}s, handled implicitly.
 * Implementations are records of plain arrays so a drift can travel in a message.
 */
public sealed interface Drift permits Drift.Zero, Drift.Harmonic, Drift.RbmSmooth, Drift.MeanField, Drift.Constant,
        Drift.FrozenCharges {

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

    /**
     * A constant push plus the field of charges held still, {@code K_i(x) = v_i + γ Σ_c 1/(x − c)
     * + μ Σ_e 1/(x + e) + w/x}: the Coulomb pull of fixed singular values {@code c} ({@code charges}),
     * the image pull of fixed ones {@code e} ({@code images}) and a wall at 0 of coefficient
     * {@code w}, smooth while {@code x} stays above every charge. The drift of the top singular
     * values of a forecast moved in a frozen bulk (docs/physics.md §2, *Forecasts in a frozen bulk*).
     */
    record FrozenCharges(double[] push, double coulomb, double[] charges, double mirror, double[] images, double wall)
            implements Drift {
        public double at(double x, int mode) {
            double sum = 0.0, image = 0.0;
            for (double c : charges) sum += 1.0 / (x - c);
            for (double e : images) image += 1.0 / (x + e);
            return push[mode] + coulomb * sum + mirror * image + wall / x;
        }

        public double slope(double x, int mode) {
            double sum = 0.0, image = 0.0;
            for (double c : charges) sum += 1.0 / ((x - c) * (x - c));
            for (double e : images) image += 1.0 / ((x + e) * (x + e));
            return -coulomb * sum - mirror * image - wall / (x * x);
        }
    }

    /** A constant push {@code K_i = v_i}: the gradient term of a forecast of singular values (Olsen et al., Algorithm 1). */
    record Constant(double[] value) implements Drift {
        public double at(double x, int mode) { return value[mode]; }
        public double slope(double x, int mode) { return 0.0; }
    }
}
