package org.dysonsim.physics.fokkerplanck;

import org.ejml.data.DMatrixRMaj;

/**
 * Exact time evolution of the Chang–Cooper semi-discretisation through the eigen-decomposition of
 * its symmetrised generator (docs/physics.md §4): {@code P(t) = Π^{½} Q e^{−Λt} Qᵀ Π^{−½} P₀}, Λ the
 * relaxation rates (0 for the stationary state). No time-stepping error: what is left is the
 * spatial error of the scheme, which is why convergence orders are measured with it.
 */
public final class GeneratorSpectrum {
    private final ChangCooperOperator operator;
    private final double[] rates;
    private final DMatrixRMaj vectors;
    private final double[] halfWeight;   // Π^{½} = e^{−(V − min V)/(2g²)}

    public GeneratorSpectrum(ChangCooperOperator operator) {
        this.operator = operator;
        SymmetricTridiagonal.Eigen eig = operator.symmetrisedNegative().eigen();
        this.rates = eig.values();
        this.vectors = eig.vectors();
        int n = operator.grid().cells();
        halfWeight = new double[n];
        for (int i = 0; i < n; i++) halfWeight[i] = Math.exp(-operator.shiftedPotential(i) / (2.0 * operator.g2()));
    }

    /** Relaxation rates ascending; {@code rates()[0]} is zero up to rounding. */
    public double[] rates() {
        return rates.clone();
    }

    public CellDensity evolve(CellDensity p0, double t) {
        int n = rates.length;
        double[] p = p0.values(), q = new double[n], coeff = new double[n];
        // where e^{−V/(2g²)} underflows the state is unreachable: no mass may start there
        for (int i = 0; i < n; i++) q[i] = p[i] == 0.0 ? 0.0 : p[i] / halfWeight[i];
        for (int k = 0; k < n; k++) {
            double s = 0.0;
            for (int i = 0; i < n; i++) s += vectors.get(i, k) * q[i];
            coeff[k] = s * Math.exp(-rates[k] * t);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0.0;
            for (int k = 0; k < n; k++) s += vectors.get(i, k) * coeff[k];
            out[i] = halfWeight[i] * s;
        }
        return new CellDensity(operator.grid(), out);
    }
}
