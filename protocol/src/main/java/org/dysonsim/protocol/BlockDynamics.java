package org.dysonsim.protocol;

/**
 * A member's particle-level dynamics as plain data, without the drift (which the loss actor
 * publishes as a {@link DriftLaw}). The physics counterparts are {@code GasModel} and {@code CirModel}.
 */
public sealed interface BlockDynamics extends Wire permits BlockDynamics.Gas, BlockDynamics.SquareRootDiffusions {

    /** The number of eigenvalues. */
    int n();

    /**
     * An interacting gas (docs/physics.md §1).
     *
     * @param noise   g_i² per mode
     * @param coulomb γ_i per mode
     * @param mirror  μ_i per mode, zero when there is no image term
     */
    record Gas(double[] noise, double[] coulomb, double[] mirror, Boundary lower, Boundary upper) implements BlockDynamics {
        public int n() {
            return noise.length;
        }
    }

    /** Independent square-root (CIR) diffusions {@code dλ = (α₀ − β₁λ) dt + √(8ηDλ) dW}: they carry their own drift. */
    record SquareRootDiffusions(int n, double alpha0, double beta1, double etaD) implements BlockDynamics {}

    /** A wall of the gas: none, a barrier of {@code coefficient/(x − position)}, or a reflecting wall. */
    record Boundary(BoundaryKind kind, double position, double coefficient) implements Wire {}

    enum BoundaryKind { NONE, BARRIER, REFLECT }
}
