package org.dysonsim.scenarios.report.analyses;

import org.dysonsim.scenarios.report.MemberSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.sgd.LossSpec;
import org.dysonsim.physics.sgd.SgdSettings;
import org.dysonsim.protocol.TrajectoryEvent.GradientRecorded;
import org.junit.jupiter.api.Test;

class DriftCheckTest {
    static final double ALPHA = 0.1;

    /** Records 10 steps apart; σ moves by {@code move} per step while the projection says {@code projection}. */
    static RunResult run(double projection, double move) {
        MatrixModel model = new MatrixModel(4, 2, new LossSpec.ZeroGradient(1.0), new SgdSettings(ALPHA, 4, 0.0), 100, 1.0, 1);
        RunSpec spec = new RunSpec("d", "d", "", model, new InitialSpectrum.Explicit(new double[2]), StepSizeRule.fixed(), ALPHA, 20, 10, 1, 2,
                64, RunSpec.Coordinates.EIGENVALUES);
        List<MemberTrajectory> members = new ArrayList<>();
        for (int m = 0; m < 2; m++) {
            List<GradientRecorded> g = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                g.add(new GradientRecorded(10L * k, k * ALPHA * 10, 0, new double[] {3 + 10 * k * move}, new double[] {projection},
                        new double[] {1}, 1));
            }
            members.add(new MemberTrajectory(m, new long[] {0, 10, 20}, new double[] {0, 1, 2}, new double[][] {{1, 9}, {1, 9}, {1, 9}}, g));
        }
        return new RunResult(spec, members, null);
    }

    @Test
    void firstOrderDriftAgainstTheRecordedChange() {
        RunResult moving = run(-0.5, 0.05);
        ForecastCheck.DriftCheck exact = ForecastCheck.driftCheck(moving.spec(), MemberSource.of(moving.members()));
        assertArrayEquals(new double[] {0.05}, exact.firstOrder(), 1e-15);
        assertArrayEquals(new double[] {0.05}, exact.observed(), 1e-15);
        RunResult resting = run(-0.5, 0.0);
        ForecastCheck.DriftCheck still = ForecastCheck.driftCheck(resting.spec(), MemberSource.of(resting.members()));
        assertArrayEquals(new double[] {0.05}, still.firstOrder(), 1e-15);
        assertArrayEquals(new double[] {0.0}, still.observed(), 1e-15);
    }
}
