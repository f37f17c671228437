package org.dysonsim.physics.sgd;

import java.util.Arrays;
import org.dysonsim.physics.rng.CounterRng;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Gaussian–Gaussian RBM trained by persistent contrastive divergence ({@link LossSpec.RbmPcd};
 * Aarts, Lucini, Park, arXiv 2309.15002 and PRE 111, 015303). Energy
 * E(φ, h) = ½μ²φᵀφ + hᵀh/(2σ_h²) − φᵀWh, W of N_v × N_h; conditionals
 * h | φ ~ N(σ_h² Wᵀφ, σ_h² I) and φ | h ~ N(Wh/μ², I/μ²); marginal
 * p(φ) ∝ exp(−½ φᵀ(μ² − σ_h² WWᵀ)φ). The loss is the negative log-likelihood per sample,
 * whose gradient is −σ_h²(⟨φφᵀ⟩_data − ⟨φφᵀ⟩_model)W; PCD estimates the model term with |B|
 * persistent chains (one per minibatch sample) advanced by Gibbs sweeps before each gradient.
 * At the fixed point the eigenvalues of WᵀW are (μ² − κ_k)/σ_h² for the N_h smallest κ_k.
 */
public final class RbmPcdLoss implements MinibatchLoss {
    private final int m, n, size, batch, sweeps;
    private final long seed, member;
    private final double mu2, sigmaH2;
    private final LatticeField field;
    private final double[] data;    // P×M
    private final double[] chains;  // |B|×M, persistent

    RbmPcdLoss(LossSpec.RbmPcd spec, int m, int n, int size, int batch, long seed, long member) {
        this.m = m;
        this.n = n;
        this.size = size;
        this.batch = batch;
        this.sweeps = spec.gibbsSweeps();
        this.seed = seed;
        this.member = member;
        this.mu2 = spec.mu2();
        this.sigmaH2 = spec.sigmaH2();
        this.field = new LatticeField(m, spec.mass2());
        data = new double[size * m];
        double[] z = new double[m];
        for (int d = 0; d < size; d++) {
            for (int x = 0; x < m; x++) z[x] = CounterRng.gaussian(seed, member, (long) d * m + x, 0, SgdStreams.DATA);
            field.sample(z, data, d * m);
        }
        // chains start from the model of W = 0: φ ~ N(0, I/μ²)
        chains = new double[batch * m];
        double sd = 1.0 / Math.sqrt(mu2);
        for (int k = 0; k < chains.length; k++) chains[k] = sd * CounterRng.gaussian(seed, member, k, 0, SgdStreams.CHAIN_START);
    }

    /** The target eigenvalues of WᵀW, ascending: (μ² − κ)/σ_h² for the N_h smallest κ_k. */
    public double[] targetEigenvalues() {
        double[] kappa = field.kappas();
        Arrays.sort(kappa);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = (mu2 - kappa[i]) / sigmaH2;
        Arrays.sort(x);
        return x;
    }

    public LatticeField field() {
        return field;
    }

    /** The persistent chains (|B|×M, row per chain), a copy. */
    public double[] chains() {
        return chains.clone();
    }

    /** The persistent chains. */
    @Override
    public double[] state() {
        return chains();
    }

    @Override
    public void restore(double[] state) {
        if (state.length != chains.length) {
            throw new IllegalArgumentException("the chains have " + chains.length + " values, got " + state.length);
        }
        System.arraycopy(state, 0, chains, 0, chains.length);
    }

    @Override
    public MinibatchGradient gradient(long step, DMatrixRMaj w, SingularPairs pairs) {
        advanceChains(step, w);
        int[] idx = Minibatch.indices(seed, member, step, batch, size);
        DMatrixRMaj g = new DMatrixRMaj(m, n);
        double[] a = new double[n], b = new double[n];
        double quadratic = 0;
        SampleStatistics stats = pairs == null ? null : new SampleStatistics(batch, pairs.k());
        for (int i = 0; i < batch; i++) {
            int phiAt = idx[i] * m, psiAt = i * m;
            transposeTimes(w, data, phiAt, a);
            transposeTimes(w, chains, psiAt, b);
            double phi2 = TeacherStudentLoss.squaredNorm(data, phiAt, m), a2 = TeacherStudentLoss.squaredNorm(a, 0, n);
            quadratic += mu2 * phi2 - sigmaH2 * a2;
            for (int r = 0; r < m; r++) {
                double pr = data[phiAt + r], qr = chains[psiAt + r];
                int base = r * n;
                for (int c = 0; c < n; c++) g.data[base + c] -= sigmaH2 * (pr * a[c] - qr * b[c]);
            }
            if (stats != null) {
                double[] p = new double[pairs.k()];
                for (int j = 0; j < p.length; j++) {
                    p[j] = -sigmaH2 * (pairs.left(data, phiAt, j) * pairs.right(a, 0, j)
                            - pairs.left(chains, psiAt, j) * pairs.right(b, 0, j));
                }
                double psi2 = TeacherStudentLoss.squaredNorm(chains, psiAt, m), b2 = TeacherStudentLoss.squaredNorm(b, 0, n);
                double cross = dot(data, phiAt, chains, psiAt, m) * dot(a, 0, b, 0, n);
                stats.add(p, sigmaH2 * sigmaH2 * (phi2 * a2 + psi2 * b2 - 2 * cross));
            }
        }
        double norm = 0;
        for (int k = 0; k < g.data.length; k++) {
            g.data[k] /= batch;
            norm += g.data[k] * g.data[k];
        }
        double loss = 0.5 * quadratic / batch - 0.5 * logDetKernel(w) + 0.5 * m * Math.log(2 * Math.PI);
        if (stats == null) return new MinibatchGradient(g, loss, null, null, Double.NaN);
        return new MinibatchGradient(g, loss, TeacherStudentLoss.projections(g, pairs), stats.projectionVariances(),
                stats.noiseVariance(norm, m * n));
    }

    @Override
    public double loss(long step, DMatrixRMaj w) {
        double[] a = new double[n];
        double quadratic = 0;
        for (int d : Minibatch.indices(seed, member, step, batch, size)) {
            transposeTimes(w, data, d * m, a);
            quadratic += mu2 * TeacherStudentLoss.squaredNorm(data, d * m, m) - sigmaH2 * TeacherStudentLoss.squaredNorm(a, 0, n);
        }
        return 0.5 * quadratic / batch - 0.5 * logDetKernel(w) + 0.5 * m * Math.log(2 * Math.PI);
    }

    /**
     * The exact gradient of {@link #loss}: −σ_h²(C_B − K⁻¹)W with C_B the minibatch's ⟨φφᵀ⟩ and
     * K = μ² − σ_h² WWᵀ; PCD replaces K⁻¹ by the chains' average. For tests.
     */
    public DMatrixRMaj exactGradient(long step, DMatrixRMaj w) {
        DMatrixRMaj c = new DMatrixRMaj(m, m);
        for (int d : Minibatch.indices(seed, member, step, batch, size)) {
            for (int r = 0; r < m; r++) {
                for (int s = 0; s < m; s++) c.data[r * m + s] += data[d * m + r] * data[d * m + s] / batch;
            }
        }
        DMatrixRMaj kInverse = kernel(w);
        if (!CommonOps_DDRM.invert(kInverse)) throw new IllegalStateException("K is singular");
        CommonOps_DDRM.subtractEquals(c, kInverse);
        DMatrixRMaj g = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(-sigmaH2, c, w, g);
        return g;
    }

    /** Gibbs sweeps of every chain at W: h | ψ, then ψ | h; draws keyed by (chain, sweep, unit, step). */
    private void advanceChains(long step, DMatrixRMaj w) {
        double[] h = new double[n];
        double sdH = Math.sqrt(sigmaH2), sdV = 1.0 / Math.sqrt(mu2);
        for (int chain = 0; chain < batch; chain++) {
            int at = chain * m;
            for (int sweep = 0; sweep < sweeps; sweep++) {
                long key = (long) chain * sweeps + sweep;
                transposeTimes(w, chains, at, h);
                for (int c = 0; c < n; c++) {
                    h[c] = sigmaH2 * h[c] + sdH * CounterRng.gaussian(seed, member, key * n + c, step, SgdStreams.GIBBS_HIDDEN);
                }
                for (int r = 0; r < m; r++) {
                    double s = 0;
                    for (int c = 0; c < n; c++) s += w.data[r * n + c] * h[c];
                    chains[at + r] = s / mu2 + sdV * CounterRng.gaussian(seed, member, key * m + r, step, SgdStreams.GIBBS_VISIBLE);
                }
            }
        }
    }

    /** K = μ² I − σ_h² WWᵀ, the inverse covariance of the RBM's visible field. */
    private DMatrixRMaj kernel(DMatrixRMaj w) {
        DMatrixRMaj k = new DMatrixRMaj(m, m);
        CommonOps_DDRM.multTransB(-sigmaH2, w, w, k);
        for (int r = 0; r < m; r++) k.add(r, r, mu2);
        return k;
    }

    /** log det K, +∞ loss (−∞ here) when K is not positive definite: the RBM is not normalisable. */
    private double logDetKernel(DMatrixRMaj w) {
        DMatrixRMaj k = kernel(w);
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(m, true);
        if (!chol.decompose(k)) return Double.NEGATIVE_INFINITY;
        DMatrixRMaj l = chol.getT(null);
        double s = 0;
        for (int r = 0; r < m; r++) s += Math.log(l.get(r, r));
        return 2 * s;
    }

    /** out = Wᵀ v, v read from {@code offset}. */
    private static void transposeTimes(DMatrixRMaj w, double[] v, int offset, double[] out) {
        int m = w.numRows, n = w.numCols;
        Arrays.fill(out, 0.0);
        for (int r = 0; r < m; r++) {
            double vr = v[offset + r];
            int base = r * n;
            for (int c = 0; c < n; c++) out[c] += w.data[base + c] * vr;
        }
    }

    private static double dot(double[] a, int ao, double[] b, int bo, int length) {
        double s = 0;
        for (int i = 0; i < length; i++) s += a[ao + i] * b[bo + i];
        return s;
    }
}
