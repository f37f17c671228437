package org.dysonsim.physics.sgd;

/**
 * Accumulates, sample by sample, the per-sample projections u_jᵀ g_i v_j and squared norms
 * ‖g_i‖²_F of a minibatch, and turns them into the gradient record's statistics.
 */
final class SampleStatistics {
    private final int batch;
    private final double[][] projections;
    private final double[] norms;
    private int next;

    SampleStatistics(int batch, int k) {
        this.batch = batch;
        this.projections = new double[k][batch];
        this.norms = new double[batch];
    }

    /** {@code p[j]} = u_jᵀ g_i v_j and {@code normSquared} = ‖g_i‖²_F of the next sample. */
    void add(double[] p, double normSquared) {
        for (int j = 0; j < p.length; j++) projections[j][next] = p[j];
        norms[next++] = normSquared;
    }

    /** Unbiased variance over the batch of the per-sample projections; NaN if |B| = 1. */
    double[] projectionVariances() {
        double[] v = new double[projections.length];
        for (int j = 0; j < v.length; j++) {
            double mean = 0;
            for (double p : projections[j]) mean += p;
            mean /= batch;
            double ss = 0;
            for (double p : projections[j]) ss += (p - mean) * (p - mean);
            v[j] = batch > 1 ? ss / (batch - 1) : Double.NaN;
        }
        return v;
    }

    /**
     * Σ_i ‖g_i − Ḡ‖² / (M N (|B| − 1)) from Σ_i ‖g_i‖² − |B|‖Ḡ‖², Ḡ the batch mean of the
     * sampled part (a constant added to every g_i, such as a ridge term, changes nothing).
     */
    double noiseVariance(double meanNormSquared, int entries) {
        if (batch < 2) return Double.NaN;
        double sum = 0;
        for (double q : norms) sum += q;
        return Math.max(sum - batch * meanNormSquared, 0.0) / ((double) entries * (batch - 1));
    }
}
