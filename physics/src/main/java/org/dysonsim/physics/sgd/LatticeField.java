package org.dysonsim.physics.sgd;

/**
 * The free scalar field on a periodic lattice of {@code sites} sites, the RBM's target (Aarts,
 * Park, Lucini, PRE 111, 015303): p(φ) ∝ exp(−½ φᵀKφ), (Kφ)_x = (m² + 2)φ_x − φ_{x+1} − φ_{x−1},
 * with eigenvalues κ_k = m² + 2 − 2cos(2πk/N_v) on the real Fourier modes (docs/physics.md §1).
 */
public final class LatticeField {
    private final int sites;
    private final double[] kappa;
    /** Row k: the k-th real Fourier mode (orthonormal). */
    private final double[][] modes;
    /** The wave number q of mode k. */
    private final int[] waveOf;

    public LatticeField(int sites, double mass2) {
        this.sites = sites;
        this.kappa = new double[sites];
        this.modes = new double[sites][sites];
        this.waveOf = new int[sites];
        int k = 0;
        k = put(k, 0, false);
        for (int q = 1; 2 * q < sites; q++) {
            k = put(k, q, false);
            k = put(k, q, true);
        }
        if (sites % 2 == 0) put(k, sites / 2, false);
        for (int j = 0; j < sites; j++) kappa[j] = mass2 + 2.0 - 2.0 * Math.cos(2.0 * Math.PI * wave(j) / sites);
    }

    private int put(int k, int q, boolean sine) {
        double norm = (q == 0 || 2 * q == sites) ? Math.sqrt(1.0 / sites) : Math.sqrt(2.0 / sites);
        for (int x = 0; x < sites; x++) {
            double phase = 2.0 * Math.PI * q * x / sites;
            modes[k][x] = norm * (sine ? Math.sin(phase) : Math.cos(phase));
        }
        waveOf[k] = q;
        return k + 1;
    }

    private int wave(int k) {
        return waveOf[k];
    }

    public int sites() {
        return sites;
    }

    /** κ of the k-th real Fourier mode (the modes in the order 0, 1c, 1s, 2c, 2s, …). */
    public double kappa(int k) {
        return kappa[k];
    }

    /** The κ_k in the order of the modes; each value except κ_0 (and κ_{N_v/2}) appears twice. */
    public double[] kappas() {
        return kappa.clone();
    }

    /** Component x of the k-th real Fourier mode. */
    public double mode(int k, int x) {
        return modes[k][x];
    }

    /** Fills φ (from {@code offset}) with a sample φ = Σ_k z_k e_k/√κ_k from standard normals z. */
    public void sample(double[] z, double[] phi, int offset) {
        for (int x = 0; x < sites; x++) phi[offset + x] = 0.0;
        for (int k = 0; k < sites; k++) {
            double c = z[k] / Math.sqrt(kappa[k]);
            for (int x = 0; x < sites; x++) phi[offset + x] += c * modes[k][x];
        }
    }
}
