package org.dysonsim.scenarios.report.predictions;

import org.dysonsim.scenarios.report.MatrixRun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.scenarios.StudyPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The particle companion of an RBM matrix run: its coordinates, time step and noise calibration. */
class RbmCompanionTest {
    static final MatrixRun RBM = new MatrixRun(10, 10, 0.01, 8, 0.0, MatrixRun.RBM, 5.0, 0.5, 0.5);
    static final double V = 0.3;

    @TempDir
    Path dir;

    @Test
    void kappaIsTheLearnedLatticeSpectrumWithItsDegeneratePairs() {
        RbmCompanion c = RbmCompanion.of(RBM, V);
        // N_v = 10: κ_0 = m², κ_5 = m² + 4 single, k = 1..4 each twice
        assertEquals(0.5 + 4.0, c.kappa()[0], 1e-12);
        assertEquals(0.5, c.kappa()[9], 1e-12);
        assertArrayEquals(new int[] {1, 3, 5, 7}, c.degeneratePairs());
        // with N_h = 4 < N_v the RBM learns the four smallest κ: m², then k = ±1 and one of k = ±2
        RbmCompanion four = RbmCompanion.of(new MatrixRun(10, 4, 0.01, 8, 0.0, MatrixRun.RBM, 4.0, 0.5, 0.5), V);
        double k1 = 0.5 + 2 - 2 * Math.cos(2 * Math.PI / 10), k2 = 0.5 + 2 - 2 * Math.cos(4 * Math.PI / 10);
        assertArrayEquals(new double[] {k2, k1, k1, 0.5}, four.kappa(), 1e-12);
        assertArrayEquals(new int[] {1}, four.degeneratePairs());
    }

    @Test
    void noiseMatchesTheMatrixNoiseAtEveryFixedPoint() {
        RbmCompanion c = RbmCompanion.of(RBM, V);
        assertEquals(2 * 0.5 * 0.01, c.alphaP(), 1e-15, "one SGD step is 2σ_h²α of particle time");
        GasModel model = c.model();
        for (int i = 0; i < c.n(); i++) {
            double x = c.mu2() - c.kappa()[i];
            // matrix: λ = x/σ_h² moves by noise of variance 4λα²v/|B| per step; x by σ_h⁴ times that
            double matrixPerStep = Math.pow(c.sigmaH2(), 2) * 4 * c.eigenvalue(x) * RBM.alpha() * RBM.alpha() * V / RBM.batch();
            double particlePerStep = 2 * model.noise()[i] * c.alphaP();
            assertEquals(matrixPerStep, particlePerStep, 1e-15 * matrixPerStep, "mode " + i);
            assertEquals(model.noise()[i], model.coulomb()[i], 0.0, "Dyson's β = 1 gas");
        }
        assertEquals(new Drift.RbmSmooth(c.kappa()).kappa().length, ((Drift.RbmSmooth) model.drift()).kappa().length);
        assertEquals(Wall.barrier(5.0, 5.0), model.upper());
        assertEquals(Wall.reflect(0.0), model.lower());
    }

    @Test
    void itsScenarioRunsAsTheSameModel() throws IOException {
        RbmCompanion c = RbmCompanion.of(RBM, V);
        double[] start = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        Path file = dir.resolve("companion.conf");
        Files.writeString(file, c.scenario("companion", 100, 10, 3, 4, start));
        RunSpec spec = StudyPlan.prepare(file, List.of(), dir, java.time.Instant.EPOCH).runs().get(0);
        GasModel read = (GasModel) spec.model();
        GasModel model = c.model();
        assertArrayEquals(model.noise(), read.noise(), 1e-15);
        assertArrayEquals(model.coulomb(), read.coulomb(), 1e-15);
        assertArrayEquals(((Drift.RbmSmooth) model.drift()).kappa(), ((Drift.RbmSmooth) read.drift()).kappa(), 0.0);
        assertEquals(model.upper(), read.upper());
        assertEquals(model.lower(), read.lower());
        assertEquals(c.alphaP(), spec.dt(), 0.0);
        assertEquals(RbmCompanion.STEPPING, spec.rule());
        assertArrayEquals(start, spec.initialPositions(0), 0.0);
    }
}
