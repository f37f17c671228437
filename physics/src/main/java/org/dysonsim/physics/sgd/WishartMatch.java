package org.dysonsim.physics.sgd;

/**
 * The Wishart process that a zero-gradient matrix run follows (docs/physics.md §1, Bru's form).
 *
 * <p>One step adds −α G_B to W, and G_B is the mean of |B| per-sample gradients drawn with
 * replacement, each entry of variance σ² (uncorrelated across entries, mean zero): each entry of W
 * gains variance α²σ²/|B| per step. With time t = step·α (one step is a time α, as in the SGD
 * form), the entry variance rate is s² = ασ²/|B|; by the central limit theorem over steps, W(t) is
 * W₀ + s·B(t) with B a matrix of Brownian motions. In the parametrisation s² = 2ηD of the
 * particle model {@code model = wishart}: η = α (the {@code wishart.eta} key) and
 * D = σ²/(2|B|) ({@code wishart.d}), with {@code dt} any step size and time t = steps·α.
 * Momentum is not covered (it makes the increments correlated).
 *
 * @param eta the learning rate α as η
 * @param d   the diffusion constant σ²/(2|B|)
 */
public record WishartMatch(double eta, double d) {

    public static WishartMatch of(double alpha, int batch, double sampleVariance) {
        return new WishartMatch(alpha, sampleVariance / (2.0 * batch));
    }

    /** s² = 2ηD, the entry variance rate of W per unit time. */
    public double s2() {
        return 2 * eta * d;
    }
}
