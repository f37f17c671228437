package org.dysonsim.scenarios;

import java.util.Arrays;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.gas.WishartConvention;

/** How the parameters of each scenario model become a {@link GasModel} (docs/physics.md §1). Pure functions. */
public final class ModelMapping {
    private ModelMapping() {}

    /** Dyson's β = 1 gas: Coulomb strength γ_i = g_i², no mirror charges, no walls unless the drift brings them. */
    public static GasModel coulomb(double[] g2, Drift drift, Wall lower, Wall upper) {
        return new GasModel(g2.clone(), g2.clone(), new double[g2.length], drift, lower, upper);
    }

    /** The SGD form as the SDE it discretises: one step is {@code dt = α}. */
    public record Sgd(double dt, double[] g2) {}

    /**
     * {@code x ← x + αK + (α²/|B|) Σ g̃²/(x_i − x_j) + (α/√|B|) √2 g̃ η} is one Euler step of the
     * Coulomb gas with {@code dt = α} and {@code g² = (α/|B|) g̃²} (docs/physics.md §1, SGD form).
     */
    public static Sgd sgd(double alpha, int batch, double[] gTilde) {
        double[] g2 = new double[gTilde.length];
        for (int i = 0; i < g2.length; i++) g2[i] = alpha / batch * gTilde[i] * gTilde[i];
        return new Sgd(alpha, g2);
    }

    /**
     * Singular values {@code s_k = √λ_k} of an m×n Wishart process with entry variance rate
     * {@code s² = 2ηD} in the given convention ({@link WishartConvention}, docs/physics.md §1).
     */
    public static GasModel wishart(int m, int n, double eta, double d, WishartConvention convention, Drift drift) {
        return convention.singularValues(m, n, eta * d, drift);
    }

    /**
     * Target spectrum of a free scalar field on a periodic lattice of {@code sites} sites
     * (Aarts, Park, Lucini PRE 111, 015303): {@code κ_k = m² + 2 − 2cos(2πk/N_v)} for
     * {@code k = 0..n−1}. Mode i (the i-th smallest particle) gets the i-th largest κ, so the RBM
     * fixed points {@code μ² − κ_i} increase with i as the ordered particles do.
     */
    public static double[] latticeKappa(int n, int sites, double mass2) {
        double[] kappa = new double[n];
        for (int k = 0; k < n; k++) kappa[k] = mass2 + 2.0 - 2.0 * Math.cos(2.0 * Math.PI * k / sites);
        Arrays.sort(kappa);
        for (int i = 0; i < n / 2; i++) {
            double t = kappa[i];
            kappa[i] = kappa[n - 1 - i];
            kappa[n - 1 - i] = t;
        }
        return kappa;
    }
}
