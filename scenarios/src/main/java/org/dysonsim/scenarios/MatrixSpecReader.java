package org.dysonsim.scenarios;

import java.util.Arrays;
import java.util.List;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.physics.sgd.LatticeField;
import org.dysonsim.physics.sgd.LossSpec;
import org.dysonsim.physics.sgd.SgdSettings;
import org.dysonsim.scenarios.config.ScenarioValues;

/**
 * The keys of {@code model = matrix} (a weight matrix trained by minibatch SGD, issue 5), checked
 * one by one; documented in scenarios/README.md.
 */
final class MatrixSpecReader {
    static final List<String> LOSSES = List.of("rbm-pcd", "teacher-student", "zero");

    private MatrixSpecReader() {}

    static MatrixModel read(ScenarioValues v, int n) {
        int rows = v.isNull("matrix.rows") ? n : v.integer("matrix.rows", 1);
        if (rows < n) throw v.error("matrix.rows", "rows M must be ≥ n = " + n + " columns (else WᵀW has zero eigenvalues), got " + rows);
        double initScale = v.positive("matrix.init-scale");
        double alpha = v.positive("sgd.alpha");
        int batch = v.integer("sgd.batch", 1);
        double momentum = v.nonNegative("sgd.momentum");
        if (momentum >= 1) throw v.error("sgd.momentum", "must be in [0, 1), got " + momentum);
        int dataSize = (int) v.integer("data.size", 1, Integer.MAX_VALUE);
        int topK = (int) Math.min(v.integer("forecast.top-k", 1, Integer.MAX_VALUE), n); // at most n exist
        LossSpec loss = switch (v.choice("loss.kind", LOSSES)) {
            case "rbm-pcd" -> rbm(v, rows, n, initScale);
            case "teacher-student" -> new LossSpec.TeacherStudent(v.positive("loss.teacher.scale"),
                    v.nonNegative("loss.teacher.noise"), v.nonNegative("loss.teacher.ridge"));
            default -> {
                if (dataSize % 2 != 0) {
                    throw v.error("data.size", "loss.kind = zero draws antithetic pairs: needs an even size, got " + dataSize);
                }
                yield new LossSpec.ZeroGradient(v.positive("loss.zero.sample-variance"));
            }
        };
        long checkpointEvery = v.integer("matrix.checkpoint-every", 0);
        return new MatrixModel(rows, n, loss, new SgdSettings(alpha, batch, momentum), dataSize, initScale, topK,
                checkpointEvery);
    }

    private static LossSpec.RbmPcd rbm(ScenarioValues v, int sites, int hidden, double initScale) {
        double mass2 = v.positive("loss.rbm.mass2");
        double mu2 = v.positive("loss.rbm.mu2");
        double sigmaH2 = v.positive("loss.rbm.sigma-h2");
        int sweeps = (int) v.integer("loss.rbm.gibbs-sweeps", 1, 1000);
        double[] kappa = new LatticeField(sites, mass2).kappas();
        Arrays.sort(kappa);
        double learned = kappa[hidden - 1];
        if (mu2 <= learned) {
            throw v.error("loss.rbm.mu2", "must exceed κ = " + learned + " of the " + hidden
                    + " lowest lattice modes (the target eigenvalues (μ² − κ)/σ_h² must be > 0), got " + mu2);
        }
        // the largest singular value of W₀ is about initScale·(√M + √N); μ² − σ_h²s² > 0 keeps p(φ) normalisable
        double top = initScale * (Math.sqrt(sites) + Math.sqrt(hidden));
        if (sigmaH2 * top * top >= mu2) {
            throw v.error("matrix.init-scale", "W₀ too large for the RBM: σ_h²·(init-scale·(√M + √N))² = "
                    + sigmaH2 * top * top + " must stay below μ² = " + mu2);
        }
        return new LossSpec.RbmPcd(mass2, mu2, sigmaH2, sweeps);
    }
}
