package org.dysonsim.physics.sgd;

import org.dysonsim.physics.rng.CounterRng;
import org.ejml.data.DMatrixRMaj;

/**
 * Linear teacher–student regression ({@link LossSpec.TeacherStudent}): per-sample loss
 * ℓ_i = ½‖Wᵀx_i − y_i‖² + (λ/2)‖W‖²_F, per-sample gradient g_i = x_i r_iᵀ + λW with residual
 * r_i = Wᵀx_i − y_i. The data set (x_d, y_d), d < P, is drawn once and kept.
 */
public final class TeacherStudentLoss implements MinibatchLoss {
    private final int m, n, size, batch;
    private final long seed, member;
    private final double ridge;
    private final double[] x;  // P×M
    private final double[] y;  // P×N
    private final DMatrixRMaj teacher;

    TeacherStudentLoss(LossSpec.TeacherStudent spec, int m, int n, int size, int batch, long seed, long member) {
        this.m = m;
        this.n = n;
        this.size = size;
        this.batch = batch;
        this.seed = seed;
        this.member = member;
        this.ridge = spec.ridge();
        teacher = new DMatrixRMaj(m, n);
        double scale = spec.teacherScale() / Math.sqrt(m);
        for (int k = 0; k < m * n; k++) teacher.data[k] = scale * CounterRng.gaussian(seed, member, k, 0, SgdStreams.TEACHER);
        x = new double[size * m];
        y = new double[size * n];
        for (int d = 0; d < size; d++) {
            for (int r = 0; r < m; r++) x[d * m + r] = CounterRng.gaussian(seed, member, (long) d * m + r, 0, SgdStreams.DATA);
            for (int c = 0; c < n; c++) {
                double v = spec.noise() * CounterRng.gaussian(seed, member, (long) d * n + c, 0, SgdStreams.LABEL_NOISE);
                for (int r = 0; r < m; r++) v += teacher.data[r * n + c] * x[d * m + r];
                y[d * n + c] = v;
            }
        }
    }

    /** W*, the teacher (M×N). */
    public DMatrixRMaj teacher() {
        return teacher.copy();
    }

    @Override
    public MinibatchGradient gradient(long step, DMatrixRMaj w, SingularPairs pairs) {
        int[] idx = Minibatch.indices(seed, member, step, batch, size);
        DMatrixRMaj g = new DMatrixRMaj(m, n);
        double[] r = new double[n];
        double lossSum = 0;
        SampleStatistics stats = pairs == null ? null : new SampleStatistics(batch, pairs.k());
        for (int d : idx) {
            double rr = residual(w, d, r);
            lossSum += 0.5 * rr;
            int xo = d * m;
            for (int row = 0; row < m; row++) {
                double xr = x[xo + row];
                int base = row * n;
                for (int c = 0; c < n; c++) g.data[base + c] += xr * r[c];
            }
            if (stats != null) {
                double[] p = new double[pairs.k()];
                for (int j = 0; j < p.length; j++) p[j] = pairs.left(x, xo, j) * pairs.right(r, 0, j) + ridge * pairs.values()[j];
                stats.add(p, squaredNorm(x, xo, m) * rr);
            }
        }
        double sampledNorm = 0;
        for (int k = 0; k < g.data.length; k++) {
            g.data[k] /= batch;
            sampledNorm += g.data[k] * g.data[k];
        }
        double weightNorm = 0;
        for (int k = 0; k < g.data.length; k++) {
            weightNorm += w.data[k] * w.data[k];
            g.data[k] += ridge * w.data[k];
        }
        double loss = lossSum / batch + 0.5 * ridge * weightNorm;
        if (stats == null) return new MinibatchGradient(g, loss, null, null, Double.NaN);
        return new MinibatchGradient(g, loss, projections(g, pairs), stats.projectionVariances(),
                stats.noiseVariance(sampledNorm, m * n));
    }

    @Override
    public double loss(long step, DMatrixRMaj w) {
        double[] r = new double[n];
        double sum = 0;
        for (int d : Minibatch.indices(seed, member, step, batch, size)) sum += 0.5 * residual(w, d, r);
        double weightNorm = 0;
        for (double v : w.data) weightNorm += v * v;
        return sum / batch + 0.5 * ridge * weightNorm;
    }

    /** Fills r = Wᵀx_d − y_d and returns ‖r‖². */
    private double residual(DMatrixRMaj w, int d, double[] r) {
        int xo = d * m, yo = d * n;
        for (int c = 0; c < n; c++) r[c] = -y[yo + c];
        for (int row = 0; row < m; row++) {
            double xr = x[xo + row];
            int base = row * n;
            for (int c = 0; c < n; c++) r[c] += w.data[base + c] * xr;
        }
        double rr = 0;
        for (double v : r) rr += v * v;
        return rr;
    }

    static double squaredNorm(double[] a, int offset, int length) {
        double s = 0;
        for (int i = 0; i < length; i++) s += a[offset + i] * a[offset + i];
        return s;
    }

    static double[] projections(DMatrixRMaj g, SingularPairs pairs) {
        double[] p = new double[pairs.k()];
        for (int j = 0; j < p.length; j++) p[j] = pairs.project(g, j);
        return p;
    }
}
