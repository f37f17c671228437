package org.dysonsim.physics.sgd;

/** Which loss trains a weight matrix, with its own parameters. Plain data. */
public sealed interface LossSpec permits LossSpec.RbmPcd, LossSpec.TeacherStudent, LossSpec.ZeroGradient {

    /**
     * Gaussian–Gaussian RBM on samples of a free scalar field on a periodic lattice of M sites
     * (Aarts, Park, Lucini, PRE 111, 015303; W is N_v × N_h = M × N), trained by persistent
     * contrastive divergence with |B| chains kept between steps.
     *
     * @param mass2       m² of the target field: κ_k = m² + 2 − 2cos(2πk/M)
     * @param mu2         μ², the visible mass of the RBM
     * @param sigmaH2     σ_h², the hidden variance
     * @param gibbsSweeps Gibbs sweeps per SGD step for the persistent chains
     */
    record RbmPcd(double mass2, double mu2, double sigmaH2, int gibbsSweeps) implements LossSpec {}

    /**
     * Linear teacher–student regression: x ~ N(0, I_M), y = W*ᵀx + noise·ε (ε ~ N(0, I_N)),
     * teacher entries N(0, teacherScale²/M); per-sample loss ½‖Wᵀx − y‖² + (ridge/2)‖W‖²_F.
     */
    record TeacherStudent(double teacherScale, double noise, double ridge) implements LossSpec {}

    /**
     * Pure minibatch noise: per-sample gradients σ·(±a bᵀ), a ∈ R^M, b ∈ R^N standard normal,
     * the data set made of antithetic pairs so that the full-batch gradient is exactly zero.
     * Each per-sample gradient entry has variance {@code sampleVariance} = σ².
     */
    record ZeroGradient(double sampleVariance) implements LossSpec {}
}
