package org.dysonsim.physics.sgd;

import org.dysonsim.physics.rng.CounterRng;
import org.ejml.data.DMatrixRMaj;

/**
 * Pure minibatch noise ({@link LossSpec.ZeroGradient}): sample d has the linear loss
 * ℓ_d(W) = σ ε_d a_qᵀ W b_q and gradient g_d = σ ε_d a_q b_qᵀ, with q = ⌊d/2⌋, ε_d = +1 for even
 * d and −1 for odd d, a_q ∈ R^M and b_q ∈ R^N standard normal. The antithetic pairs make the
 * full-batch gradient exactly zero (P even); every entry of g_d has mean 0 and variance σ² over
 * the data distribution, uncorrelated across entries. The data set is virtual: a_q, b_q are
 * redrawn from their counters when sampled, so memory does not grow with P·(M + N).
 *
 * <p>The spectrum of WᵀW then follows the Wishart process of docs/physics.md §1 with the rate of
 * {@link WishartMatch}.
 */
public final class ZeroGradientLoss implements MinibatchLoss {
    private final int m, n, size, batch;
    private final long seed, member;
    private final double sigma;

    ZeroGradientLoss(LossSpec.ZeroGradient spec, int m, int n, int size, int batch, long seed, long member) {
        if (size % 2 != 0) throw new IllegalArgumentException("the data set of antithetic pairs needs an even size, got " + size);
        this.m = m;
        this.n = n;
        this.size = size;
        this.batch = batch;
        this.seed = seed;
        this.member = member;
        this.sigma = Math.sqrt(spec.sampleVariance());
    }

    /** Fills a (M) and b (N) of sample d and returns its sign ε_d·σ. */
    private double sample(int d, double[] a, double[] b) {
        long q = d / 2;
        long base = q * (m + n);
        for (int r = 0; r < m; r++) a[r] = CounterRng.gaussian(seed, member, base + r, 0, SgdStreams.DATA);
        for (int c = 0; c < n; c++) b[c] = CounterRng.gaussian(seed, member, base + m + c, 0, SgdStreams.DATA);
        return d % 2 == 0 ? sigma : -sigma;
    }

    @Override
    public MinibatchGradient gradient(long step, DMatrixRMaj w, SingularPairs pairs) {
        DMatrixRMaj g = new DMatrixRMaj(m, n);
        double[] a = new double[m], b = new double[n];
        double lossSum = 0;
        SampleStatistics stats = pairs == null ? null : new SampleStatistics(batch, pairs.k());
        for (int d : Minibatch.indices(seed, member, step, batch, size)) {
            double s = sample(d, a, b);
            lossSum += s * bilinear(w, a, b);
            for (int r = 0; r < m; r++) {
                double ar = s * a[r];
                int rowBase = r * n;
                for (int c = 0; c < n; c++) g.data[rowBase + c] += ar * b[c];
            }
            if (stats != null) {
                double[] p = new double[pairs.k()];
                for (int j = 0; j < p.length; j++) p[j] = s * pairs.left(a, 0, j) * pairs.right(b, 0, j);
                stats.add(p, s * s * TeacherStudentLoss.squaredNorm(a, 0, m) * TeacherStudentLoss.squaredNorm(b, 0, n));
            }
        }
        double norm = 0;
        for (int k = 0; k < g.data.length; k++) {
            g.data[k] /= batch;
            norm += g.data[k] * g.data[k];
        }
        double loss = lossSum / batch;
        if (stats == null) return new MinibatchGradient(g, loss, null, null, Double.NaN);
        return new MinibatchGradient(g, loss, TeacherStudentLoss.projections(g, pairs), stats.projectionVariances(),
                stats.noiseVariance(norm, m * n));
    }

    @Override
    public double loss(long step, DMatrixRMaj w) {
        double[] a = new double[m], b = new double[n];
        double sum = 0;
        for (int d : Minibatch.indices(seed, member, step, batch, size)) sum += sample(d, a, b) * bilinear(w, a, b);
        return sum / batch;
    }

    private static double bilinear(DMatrixRMaj w, double[] a, double[] b) {
        int n = w.numCols;
        double s = 0;
        for (int r = 0; r < a.length; r++) {
            double row = 0;
            for (int c = 0; c < n; c++) row += w.data[r * n + c] * b[c];
            s += a[r] * row;
        }
        return s;
    }
}
