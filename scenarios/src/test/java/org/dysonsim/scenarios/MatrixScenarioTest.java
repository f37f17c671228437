package org.dysonsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.sgd.LossSpec;
import org.dysonsim.physics.sgd.SgdSettings;
import org.dysonsim.scenarios.config.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys of model = matrix: read into a {@link MatrixModel}, each bad value one clear line. */
class MatrixScenarioTest {
    @TempDir
    Path dir;

    private StudyPlan prepare(String text, String... overrides) throws IOException {
        Path f = dir.resolve("s.conf");
        Files.writeString(f, text);
        return StudyPlan.prepare(f, List.of(overrides), dir.resolve("runs"), Instant.EPOCH);
    }

    private RunSpec read(String text, String... overrides) throws IOException {
        return prepare(text, overrides).runs().get(0);
    }

    private void assertProblem(String key, String problemStart, String text, String... overrides) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> prepare(text, overrides));
        assertEquals(key, e.key(), e.line());
        assertTrue(e.problem().startsWith(problemStart), e.line());
        assertEquals(1, e.line().lines().count());
    }

    @Test
    void keysBecomeAMatrixModelWithStepAlphaAndAMarchenkoPasturStart() throws IOException {
        RunSpec spec = read("""
                model = matrix
                n = 4
                matrix { rows = 6, init-scale = 0.2 }
                loss { kind = teacher-student, teacher { scale = 2, noise = 0.3, ridge = 0.01 } }
                sgd { alpha = 0.05, batch = 8, momentum = 0.5 }
                data.size = 100
                forecast.top-k = 9
                """);
        MatrixModel m = assertInstanceOf(MatrixModel.class, spec.model());
        assertEquals(new MatrixModel(6, 4, new LossSpec.TeacherStudent(2, 0.3, 0.01), new SgdSettings(0.05, 8, 0.5), 100,
                0.2, 4), m, "top-k capped at n");
        assertEquals(0.05, spec.dt());
        assertEquals(4, spec.n());
        assertEquals(new InitialSpectrum.MarchenkoPastur(6, 4, 0.2 * 0.2), spec.init());
        assertEquals(new LossSpec.RbmPcd(1, 7, 1, 3), ((MatrixModel) read(
                "model = matrix\nn = 4\nloss { kind = rbm-pcd, rbm.gibbs-sweeps = 3 }").model()).loss());
        assertEquals(new LossSpec.ZeroGradient(2.5), ((MatrixModel) read(
                "model = matrix\nn = 3\nloss { kind = zero, zero.sample-variance = 2.5 }").model()).loss());
    }

    @Test
    void badValuesAreNamedByKey() {
        assertProblem("matrix.rows", "rows M must be ≥ n", "model = matrix\nn = 4\nmatrix.rows = 3");
        assertProblem("sgd.momentum", "must be in [0, 1)", "model = matrix\nsgd.momentum = 1");
        assertProblem("data.size", "loss.kind = zero draws antithetic pairs", "model = matrix\nloss.kind = zero\ndata.size = 7");
        assertProblem("loss.rbm.mu2", "must exceed κ", "model = matrix\nn = 4\nloss { kind = rbm-pcd, rbm.mu2 = 4 }");
        assertProblem("matrix.init-scale", "W₀ too large for the RBM", "model = matrix\nn = 4\nloss.kind = rbm-pcd\nmatrix.init-scale = 1");
        assertProblem("loss.kind", "unknown value", "model = matrix\nloss.kind = rbm");
        assertProblem("drift.kind", "model = matrix takes its drift from its loss", "model = matrix\ndrift.kind = harmonic");
    }

    @Test
    void keysOfOtherModelsOrLossesAreRejected() {
        assertProblem("sgd.g-tilde", "not used with model = matrix", "model = matrix\nsgd.g-tilde = 2");
        assertProblem("loss.rbm.mu2", "not used with loss.kind = teacher-student", "model = matrix\nloss.rbm.mu2 = 9");
        assertProblem("init.sigma2", "not used with model = matrix", "model = matrix\ninit.sigma2 = 2");
        assertProblem("dt", "not used with model = matrix", "model = matrix\ndt = 0.1");
        assertProblem("sgd.momentum", "not used with model = sgd", "model = sgd\nsgd.momentum = 0.5");
    }

    @Test
    void alphaAndBatchSweepLikeParticleRuns() throws IOException {
        StudyPlan plan = prepare("model = matrix\nn = 3\nsweep { sgd.alpha = [0.01, 0.02], sgd.batch = [4, 8] }");
        assertEquals(4, plan.runs().size());
        MatrixModel last = (MatrixModel) plan.runs().get(3).model();
        assertEquals(new SgdSettings(0.02, 8, 0.0), last.sgd());
    }
}
