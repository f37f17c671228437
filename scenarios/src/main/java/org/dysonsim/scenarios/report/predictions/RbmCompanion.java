package org.dysonsim.scenarios.report.predictions;

import org.dysonsim.scenarios.report.MatrixRun;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.scenarios.ModelMapping;

/**
 * The particle-level run that matches an RBM matrix run (Aarts, Park, Lucini PRE 111, 015303):
 * an SGD-form Coulomb gas with the RBM drift and the target κ_k of the matrix run's lattice field.
 *
 * <p>Coordinates and time. The matrix loss (matrix-core's RbmPcdLoss) has model covariance
 * {@code (μ² − σ_h²WWᵀ)⁻¹} and gradient {@code −σ_h²(⟨φφᵀ⟩_data − ⟨φφᵀ⟩_model)W}; along a singular
 * pair aligned with a data mode of stiffness κ, {@code W ← W − αG} moves {@code x = σ_h²λ}
 * (λ an eigenvalue of WᵀW) by {@code 2σ_h²α·K(x)} per step with {@code K(x) = (1/κ − 1/(μ² − x))x}
 * (docs/physics.md §1). So the particles are {@code x = σ_h²λ} and one SGD step is
 * {@code α_p = 2σ_h²α} of particle time; the fixed points {@code μ² − κ_k} are the matrix's
 * {@code (μ² − κ_k)/σ_h²} times σ_h².
 *
 * <p>Noise, calibrated from the measured gradient noise (not derived from the loss): with the
 * recorded per-sample variance {@code v_i} of the gradient along mode i, a singular value moves
 * by noise of variance {@code α²v_i/|B|} per step, so λ = s² by {@code 4λα²v_i/|B|} and x by
 * {@code 4σ_h²xα²v_i/|B|}. The SGD form gives {@code 2g²α_p = 2α_p²g̃²/|B|}; equal at the fixed
 * point {@code x*_i} when {@code g̃_i² = x*_i·v_i/(2σ_h²)}. For the top-k modes v_i is the recorded
 * variance of the projection u_iᵀg v_i (the noise along that singular pair); for the others, the
 * recorded variance of one gradient entry (the isotropic reading). The walls: reflecting at 0,
 * the barrier at μ² of the RBM drift.
 *
 * @param kappa       κ of each particle (the n smallest κ_k of the lattice, largest first: particle i is the i-th smallest)
 * @param gTilde2     g̃_i² per particle
 * @param alphaP      the particle step α_p = 2σ_h²α
 * @param noise       v_i per particle
 */
public record RbmCompanion(int n, double mu2, double sigmaH2, double[] kappa, double[] gTilde2, double alphaP, int batch,
                           double[] noise) {

    /** Relative difference below which two κ count as one degenerate level. */
    static final double DEGENERATE = 1e-9;

    /** @param noise v_i per particle (ascending particles), see the class comment */
    public static RbmCompanion of(MatrixRun matrix, double[] noise) {
        int n = matrix.cols();
        double[] kappa = learnedKappa(n, matrix.rows(), matrix.mass2());
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = (matrix.mu2() - kappa[i]) * noise[i] / (2 * matrix.sigmaH2());
        return new RbmCompanion(n, matrix.mu2(), matrix.sigmaH2(), kappa, g, 2 * matrix.sigmaH2() * matrix.alpha(), matrix.batch(),
                noise.clone());
    }

    /** The same v for every particle. */
    public static RbmCompanion of(MatrixRun matrix, double noise) {
        double[] v = new double[matrix.cols()];
        Arrays.fill(v, noise);
        return of(matrix, v);
    }

    /**
     * The κ an RBM with n hidden units learns on a lattice of {@code sites} sites: the n smallest of
     * {@code κ_k = m² + 2 − 2cos(2πk/N_v)}, k = 0 … N_v − 1 (the eigenvalues of WᵀW at the fixed point are
     * (μ² − κ)/σ_h² for these), in descending order so that the fixed points μ² − κ ascend with the particles.
     */
    static double[] learnedKappa(int n, int sites, double mass2) {
        double[] all = new double[sites];
        for (int k = 0; k < sites; k++) all[k] = mass2 + 2.0 - 2.0 * Math.cos(2.0 * Math.PI * k / sites);
        Arrays.sort(all);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = all[n - 1 - i];
        return out;
    }

    /** The particles' model: the SGD form with g² = (α_p/|B|)g̃² (ModelMapping.sgd), the RBM drift and its walls. */
    public GasModel model() {
        double[] gTilde = Arrays.stream(gTilde2).map(Math::sqrt).toArray();
        double[] g2 = ModelMapping.sgd(alphaP, batch, gTilde).g2();
        return ModelMapping.coulomb(g2, new Drift.RbmSmooth(kappa.clone()), Wall.reflect(0.0), Wall.barrier(mu2, mu2));
    }

    /** Particle position of a matrix eigenvalue, and back. */
    public double particle(double lambda) {
        return sigmaH2 * lambda;
    }

    public double eigenvalue(double x) {
        return x / sigmaH2;
    }

    /**
     * Sub-steps where the gas is dense (θ = 0.1, docs/physics.md §2): a fixed SGD step can carry the
     * smallest level, which starts near the reflecting wall at 0, past its neighbour.
     */
    public static final StepSizeRule STEPPING = StepSizeRule.adaptive(0.1, 12);

    /**
     * The companion as a scenario that {@code dyson run} accepts (initial spectrum: the given
     * start): the SGD form written as the Coulomb gas it is (dt = α_p, g² = (α_p/|B|)g̃²), which
     * lets the step be cut by {@link #STEPPING}.
     */
    public String scenario(String name, long steps, int recordEvery, long seed, int members, double[] start) {
        return String.format(Locale.ROOT, "name = %s%nmodel = coulomb%nn = %d%nsteps = %d%ndt = %s%nrecord-every = %d%nseed = %d%n"
                        + "ensemble.members = %d%nnoise.g2 = %s%n"
                        + "drift { kind = rbm, mu2 = %s, kappa = %s, lower = reflect }%n"
                        + "init { kind = explicit, values = %s }%n"
                        + "step { adaptive = true, theta = %s, theta-drift = %s, max-level = %d }%n",
                name, n, steps, alphaP, recordEvery, seed, members, list(model().noise()), mu2, list(kappa), list(start),
                STEPPING.theta(), STEPPING.thetaDrift(), STEPPING.maxLevel());
    }

    private static String list(double[] v) {
        return Arrays.stream(v).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Indices i of the particles whose κ equals that of particle i + 1: the degenerate pairs of the lattice. */
    public int[] degeneratePairs() {
        // κ_k and κ_{N_v−k} agree up to rounding of the cosines
        return java.util.stream.IntStream.range(0, n - 1)
                .filter(i -> Math.abs(kappa[i] - kappa[i + 1]) <= DEGENERATE * Math.abs(kappa[i])).toArray();
    }
}
