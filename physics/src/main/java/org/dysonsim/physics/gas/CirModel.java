package org.dysonsim.physics.gas;

/**
 * Independent mean-field square-root diffusions (Olsen et al. Thm 3.2),
 * {@code dλ = (α₀ − β₁λ) dt + √(8ηDλ) dW}, one per mode, sampled exactly (docs/physics.md §2).
 */
public record CirModel(int n, double alpha0, double beta1, double etaD) implements ParticleModel {}
