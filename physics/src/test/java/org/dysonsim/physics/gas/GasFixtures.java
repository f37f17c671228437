package org.dysonsim.physics.gas;

import java.util.Arrays;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Shared problems with exact answers: the gas models and the matrix samplers they are held against. */
final class GasFixtures {
    /** Two-sample KS critical value of √(nm/(n+m))·D at 1e-3 (docs/physics.md §7). */
    static final double KS_CRITICAL_1E3 = 1.9495;

    private GasFixtures() {}

    static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** Dyson's β = 1 gas with noise g² and a harmonic well of stiffness Ω around 0 (Ω = 0: pure Dyson). */
    static GasModel dyson(int n, double g2, double omega) {
        Drift drift = omega == 0 ? new Drift.Zero() : new Drift.Harmonic(new double[n], filled(n, omega));
        return new GasModel(filled(n, g2), filled(n, g2), new double[n], drift, Wall.NONE, Wall.NONE);
    }

    /** Singular values of W₀ + s·B(t), m×n (Bru's equation, docs/physics.md §1). */
    static GasModel wishartBru(int n, int m, double s2) {
        double g2 = s2 / 2;
        return new GasModel(filled(n, g2), filled(n, g2), filled(n, g2), new Drift.Zero(),
                Wall.barrier(0.0, g2 * (m - n)), Wall.NONE);
    }

    /** The convention printed by Olsen et al. (half the Coulomb term, m − n + 1 wall), same noise. */
    static GasModel wishartOlsen(int n, int m, double s2) {
        double g2 = s2 / 2;
        return new GasModel(filled(n, g2), filled(n, g2 / 2), filled(n, g2 / 2), new Drift.Zero(),
                Wall.barrier(0.0, g2 / 2 * (m - n + 1)), Wall.NONE);
    }

    static double[] run(GasModel model, StepSizeRule rule, double[] x0, long seed, long member, double dt, long steps) {
        double[] x = x0.clone();
        GasStepper stepper = new GasStepper(model, rule, seed, member);
        for (long s = 0; s < steps; s++) stepper.advance(x, s, dt);
        return x;
    }

    /** Eigenvalues of diag(x₀) + √(g²t)·(A + Aᵀ)/√2: Dyson Brownian motion at time t (docs/physics.md §3, a → 0). */
    static double[] dysonMatrix(double[] x0, double g2, double t, long seed, long replica) {
        int n = x0.length;
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        double scale = Math.sqrt(g2 * t);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double a = CounterRng.gaussian(seed, replica, i * n + j, 0, 0);
                double b = CounterRng.gaussian(seed, replica, j * n + i, 0, 1);
                double g = (a + b) / Math.sqrt(2.0);
                if (i == j) g = a * Math.sqrt(2.0);
                h.set(i, j, scale * g);
                h.set(j, i, scale * g);
            }
            h.add(i, i, x0[i]);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        eig.decompose(h.copy());
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = eig.getEigenvalue(i).getReal();
        Arrays.sort(v);
        return v;
    }

    /** Singular values of W₀ + √(s²t)·A, A iid N(0, 1), W₀ = [diag(s₀); 0] of size m×n. */
    static double[] wishartMatrix(double[] s0, int m, double s2, double t, long seed, long replica) {
        int n = s0.length;
        DMatrixRMaj w = new DMatrixRMaj(m, n);
        double scale = Math.sqrt(s2 * t);
        for (int k = 0; k < m * n; k++) w.data[k] = scale * CounterRng.gaussian(seed, replica, k, 0, 0);
        for (int i = 0; i < n; i++) w.add(i, i, s0[i]);
        DMatrixRMaj x = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(w, w, x);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        eig.decompose(x);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = Math.sqrt(Math.max(0.0, eig.getEigenvalue(i).getReal()));
        Arrays.sort(v);
        return v;
    }

    /** Two-sample Kolmogorov–Smirnov statistic scaled by √(nm/(n+m)). */
    static double ksTwoSample(double[] a, double[] b) {
        return KolmogorovSmirnov.twoSample(a, b).scaled();
    }

    /** One-sample KS statistic √n·D against a CDF. */
    static double ksOneSample(double[] sample, java.util.function.DoubleUnaryOperator cdf) {
        return KolmogorovSmirnov.oneSample(sample, cdf).scaled();
    }
}
