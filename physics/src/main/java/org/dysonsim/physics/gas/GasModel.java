package org.dysonsim.physics.gas;

/**
 * One Coulomb-gas system (docs/physics.md §1), in the coordinates it is simulated in:
 *
 * <pre>
 *   dx_i = [K_i(x_i) + γ_i Σ_{j≠i} 1/(x_i − x_j) + μ_i Σ_{j≠i} 1/(x_i + x_j) + walls] dt + √(2 g_i²) dW_i
 * </pre>
 *
 * {@code γ_i = g_i²} is Dyson's β = 1 gas; the Wishart singular-value form has
 * {@code γ = μ = s²/2}, {@code g² = s²/2} and a barrier at 0 of coefficient {@code γ(m − n)}
 * (Bru) or half the Coulomb strength and coefficient {@code γ(m − n + 1)/2} (the convention
 * printed by Olsen et al.).
 *
 * @param noise    g_i², the noise strength per mode (noise √(2g_i²) dW_i)
 * @param coulomb  γ_i, the Coulomb strength per mode (must be &gt; 0)
 * @param mirror   μ_i, strength of the image-charge term Σ 1/(x_i + x_j), zero when absent
 * @param drift    the smooth drift, explicit
 * @param lower    the lower wall
 * @param upper    the upper wall
 */
public record GasModel(double[] noise, double[] coulomb, double[] mirror, Drift drift, Wall lower, Wall upper)
        implements ParticleModel {

    public int n() {
        return noise.length;
    }

    public boolean hasMirror() {
        for (double m : mirror) {
            if (m != 0.0) return true;
        }
        return false;
    }
}
