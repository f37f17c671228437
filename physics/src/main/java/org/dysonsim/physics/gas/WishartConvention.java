package org.dysonsim.physics.gas;

import java.util.Arrays;

/**
 * Which equation the singular values {@code s_k = √λ_k} of an m×n Wishart process with entry
 * variance rate {@code s² = 2ηD} follow (docs/physics.md §1). Both have noise {@code g² = s²/2 = ηD}.
 * {@link #BRU} is the matrix process (checked by Monte Carlo): Coulomb and image strength ηD, a
 * wall at 0 of coefficient {@code ηD(m − n)}. {@link #OLSEN} is the form printed by Olsen et al.
 * (Thm 3.1/6.7), turned into singular values by Itô's formula: half the Coulomb and image
 * strength and coefficient {@code ηD(m − n + 1)/2}; kept for comparison only.
 */
public enum WishartConvention {
    BRU, OLSEN;

    /** The gas of the n singular values with the given smooth drift; a zero coefficient (Bru, m = n) is a reflecting wall at 0. */
    public GasModel singularValues(int m, int n, double etaD, Drift drift) {
        if (m < n) throw new IllegalArgumentException("rows m must be ≥ n, got " + m + " < " + n);
        double strength = this == BRU ? etaD : etaD / 2;
        double wallCoefficient = this == BRU ? etaD * (m - n) : etaD * (m - n + 1) / 2;
        Wall lower = wallCoefficient > 0 ? Wall.barrier(0.0, wallCoefficient) : Wall.reflect(0.0);
        return new GasModel(filled(n, etaD), filled(n, strength), filled(n, strength), drift, lower, Wall.NONE);
    }

    /**
     * As {@link #singularValues(int, int, double, Drift)}, with the noise of the largest values
     * given apart: {@code topEtaD[r]} for the (r + 1)-th largest. The Coulomb, image and wall terms
     * come from the noise in all the other directions and keep the isotropic {@code etaD}.
     */
    public GasModel singularValues(int m, int n, double etaD, double[] topEtaD, Drift drift) {
        GasModel model = singularValues(m, n, etaD, drift);
        double[] noise = model.noise().clone();
        for (int r = 0; r < topEtaD.length; r++) noise[n - 1 - r] = topEtaD[r];
        return new GasModel(noise, model.coulomb(), model.mirror(), model.drift(), model.lower(), model.upper());
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }
}
