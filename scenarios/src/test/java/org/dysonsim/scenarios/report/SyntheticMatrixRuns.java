package org.dysonsim.scenarios.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.sgd.LossSpec;
import org.dysonsim.physics.sgd.SgdSettings;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.protocol.TrajectoryEvent.GradientRecorded;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Matrix-level runs made without the engine, with what a zero-gradient matrix run records: W
 * (rows×cols) starts with N(0, σ₀²) entries and takes {@code W ← W − αG_B}, G_B with iid
 * N(0, v/|B|) entries (the mean of |B| per-sample gradients of entry variance v); every
 * {@code recordEvery} steps the eigenvalues of WᵀW and a {@link GradientRecorded} with the top-k
 * singular values and the next step's G_B projected on their pairs.
 */
public final class SyntheticMatrixRuns {
    public record Setup(int rows, int cols, double sigma0Squared, double alpha, int batch, double v, long steps, int recordEvery,
                 int members, int topK, long seed) {}

    private SyntheticMatrixRuns() {}

    /** @param recordedNoise the per-sample variance written into the records (the true v, or a wrong one for a power check) */
    public static RunResult zeroGradient(Setup s, double recordedNoise) {
        MatrixModel model = new MatrixModel(s.rows(), s.cols(), new LossSpec.ZeroGradient(s.v()), new SgdSettings(s.alpha(), s.batch(), 0.0),
                1000, Math.sqrt(s.sigma0Squared()), s.topK());
        RunSpec spec = new RunSpec("synthetic", "synthetic", "name = synthetic\nmodel = matrix\n", model,
                new InitialSpectrum.Explicit(filled(s.cols(), 1)), StepSizeRule.fixed(), s.alpha(), s.steps(), s.recordEvery(), s.seed(),
                s.members(), 64, RunSpec.Coordinates.EIGENVALUES);
        List<MemberTrajectory> members = new ArrayList<>();
        for (int m = 0; m < s.members(); m++) {
            DMatrixRMaj w = new DMatrixRMaj(s.rows(), s.cols());
            for (int i = 0; i < w.data.length; i++) w.data[i] = Math.sqrt(s.sigma0Squared()) * CounterRng.gaussian(s.seed(), m, i, 0, 0);
            List<Long> steps = new ArrayList<>();
            List<double[]> values = new ArrayList<>();
            List<GradientRecorded> gradients = new ArrayList<>();
            for (long step = 0; ; step++) {
                if (step % s.recordEvery() == 0 || step == s.steps()) {
                    steps.add(step);
                    values.add(eigenvalues(w));
                    gradients.add(record(w, gradient(s, m, step + 1), step, s, recordedNoise));
                }
                if (step == s.steps()) break;
                CommonOps_DDRM.addEquals(w, -s.alpha(), gradient(s, m, step + 1));
            }
            members.add(new MemberTrajectory(m, steps.stream().mapToLong(Long::longValue).toArray(),
                    steps.stream().mapToDouble(x -> x * s.alpha()).toArray(), values.toArray(new double[0][]), gradients));
        }
        return new RunResult(spec, members, null);
    }

    /** The minibatch gradient that step {@code step} applies. */
    public static DMatrixRMaj gradient(Setup s, int member, long step) {
        DMatrixRMaj g = new DMatrixRMaj(s.rows(), s.cols());
        double sd = Math.sqrt(s.v() / s.batch());
        for (int i = 0; i < g.data.length; i++) g.data[i] = sd * CounterRng.gaussian(s.seed(), member, i, step, 1);
        return g;
    }

    /** Ascending eigenvalues of WᵀW: the squared singular values (rows ≥ cols). */
    public static double[] eigenvalues(DMatrixRMaj w) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(w.numRows, w.numCols, false, false, true);
        if (!svd.decompose(w.copy())) throw new IllegalStateException("SVD failed");
        return Arrays.stream(svd.getSingularValues()).map(x -> x * x).sorted().toArray();
    }

    private static GradientRecorded record(DMatrixRMaj w, DMatrixRMaj g, long step, Setup s, double recordedNoise) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(w.numRows, w.numCols, true, true, true);
        if (!svd.decompose(w.copy())) throw new IllegalStateException("SVD failed");
        double[] sv = svd.getSingularValues();
        DMatrixRMaj u = svd.getU(null, false), v = svd.getV(null, false);
        Integer[] order = new Integer[sv.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(sv[b], sv[a]));
        double[] top = new double[s.topK()], projections = new double[s.topK()], variances = new double[s.topK()];
        for (int r = 0; r < s.topK(); r++) {
            int j = order[r];
            top[r] = sv[j];
            double p = 0;
            for (int a = 0; a < w.numRows; a++) for (int b = 0; b < w.numCols; b++) p += u.get(a, j) * g.get(a, b) * v.get(b, j);
            projections[r] = p;
            variances[r] = recordedNoise;
        }
        return new GradientRecorded(step, step * s.alpha(), 0.0, top, projections, variances, recordedNoise);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
