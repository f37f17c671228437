package org.dysonsim.scenarios.report;

import java.util.Optional;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.actors.RunResult;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.physics.sgd.LossSpec;
import org.dysonsim.physics.sgd.SgdSettings;
import org.dysonsim.protocol.TrajectoryEvent;

/**
 * What the report's matrix analyses need of a matrix-level run ({@code model = matrix}): W is
 * rows×cols (M×N), trained by {@code W ← W − α G_B} with minibatch size |B|; every member
 * recorded a {@link TrajectoryEvent.GradientRecorded} beside each snapshot. Read from the run's
 * {@link MatrixModel}, which a replay rebuilds from the stored scenario.
 *
 * @param loss    {@link #RBM}, {@link #TEACHER_STUDENT} or {@link #ZERO}
 * @param mu2     RBM visible mass μ² (NaN for other losses)
 * @param sigmaH2 RBM hidden variance σ_h² (NaN for other losses)
 * @param mass2   m² of the RBM's target lattice field (NaN for other losses)
 */
public record MatrixRun(int rows, int cols, double alpha, int batch, double momentum, String loss, double mu2,
                        double sigmaH2, double mass2) {
    public static final String RBM = "rbm-pcd", TEACHER_STUDENT = "teacher-student", ZERO = "zero-gradient";

    /** Empty unless the run is a matrix-level run ({@link MatrixModel}) whose members all carry gradient records. */
    public static Optional<MatrixRun> of(RunResult run) {
        return of(run.spec(), !run.members().isEmpty() && run.members().stream().noneMatch(m -> m.gradients().isEmpty()));
    }

    /** @param gradients whether the run has members and every one recorded gradient records */
    public static Optional<MatrixRun> of(RunSpec spec, boolean gradients) {
        if (!(spec.model() instanceof MatrixModel model) || !gradients) return Optional.empty();
        SgdSettings sgd = model.sgd();
        if (model.loss() instanceof LossSpec.RbmPcd rbm) {
            return Optional.of(new MatrixRun(model.rows(), model.n(), sgd.alpha(), sgd.batch(), sgd.momentum(), RBM, rbm.mu2(),
                    rbm.sigmaH2(), rbm.mass2()));
        }
        String loss = model.loss() instanceof LossSpec.TeacherStudent ? TEACHER_STUDENT : ZERO;
        return Optional.of(new MatrixRun(model.rows(), model.n(), sgd.alpha(), sgd.batch(), sgd.momentum(), loss, Double.NaN,
                Double.NaN, Double.NaN));
    }
}
