package org.dysonsim.scenarios.report;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Optional;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.protocol.TrajectoryEvent;

/**
 * What the report's matrix analyses need of a matrix-level run ({@code model = matrix}): W is
 * rows×cols (M×N), trained by {@code W ← W − α G_B} with minibatch size |B|; every member
 * recorded a {@link TrajectoryEvent.GradientRecorded} beside each snapshot. Read from the
 * resolved scenario, so a replay sees exactly what the live run saw.
 *
 * @param loss    the loss kind as the scenario names it
 * @param mu2     RBM visible mass μ² (NaN for other losses)
 * @param sigmaH2 RBM hidden variance σ_h² (NaN for other losses)
 * @param mass2   m² of the RBM's target lattice field (NaN for other losses)
 */
public record MatrixRun(int rows, int cols, double alpha, int batch, double momentum, String loss, double mu2,
                        double sigmaH2, double mass2) {
    public static final String RBM = "rbm-pcd", TEACHER_STUDENT = "teacher-student", ZERO = "zero-gradient";

    /** Empty unless the run is a matrix-level run whose members all carry gradient records. */
    public static Optional<MatrixRun> of(RunResult run) {
        String text = run.spec().scenarioText();
        if (text == null || text.isBlank() || run.members().isEmpty()) return Optional.empty();
        Config c = ConfigFactory.parseString(text);
        if (!c.hasPath("model") || !c.getString("model").equals("matrix")) return Optional.empty();
        for (MemberTrajectory m : run.members()) if (m.gradients().isEmpty()) return Optional.empty();
        int cols = run.spec().n();
        int rows = c.hasPath("matrix.rows") ? c.getInt("matrix.rows") : cols;
        String loss = c.getString("matrix.loss");
        boolean rbm = loss.equals(RBM);
        return Optional.of(new MatrixRun(rows, cols, c.getDouble("sgd.alpha"), c.getInt("sgd.batch"),
                c.hasPath("sgd.momentum") ? c.getDouble("sgd.momentum") : 0.0, loss,
                rbm ? c.getDouble("rbm.mu2") : Double.NaN, rbm ? c.getDouble("rbm.sigma-h2") : Double.NaN,
                rbm ? c.getDouble("rbm.mass2") : Double.NaN));
    }

}
