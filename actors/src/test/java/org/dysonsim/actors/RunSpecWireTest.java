package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.sgd.LossSpec;
import org.dysonsim.physics.sgd.SgdSettings;
import org.junit.jupiter.api.Test;

/** A run written to the wire and read back is the same run, field for field and bit for bit. */
class RunSpecWireTest {
    private static final double[] A = {1.5, -2.25, Double.MIN_VALUE};

    private static RunSpec spec(org.dysonsim.physics.gas.ParticleModel model, InitialSpectrum init,
                                RunSpec.Coordinates coordinates, RunSpec.Mapping mapping, RunSpec.Checks checks) {
        return new RunSpec("run-7", "wire", "name = wire\nn = 3\n", model, init, StepSizeRule.adaptive(0.01, 6),
                0.125, 300, 7, -5L, 4, new RunSpec.Placement(2, 3), coordinates, mapping, checks);
    }

    private static List<RunSpec> everyKind() {
        Wall barrier = Wall.barrier(0, 2.5);
        Wall reflect = Wall.reflect(9);
        RunSpec.Checks checks = new RunSpec.Checks(new String[] {"wishart-mp", "two-mode"}, 2);
        return List.of(
                spec(new GasModel(A, A, A, new Drift.Harmonic(A, A), barrier, reflect), new InitialSpectrum.Explicit(A),
                        RunSpec.Coordinates.EIGENVALUES, new RunSpec.Mapping.Direct(), RunSpec.Checks.DEFAULTS),
                spec(new GasModel(A, A, new double[3], new Drift.RbmSmooth(A), Wall.NONE, Wall.NONE),
                        new InitialSpectrum.MarchenkoPastur(20, 3, 0.5), RunSpec.Coordinates.SINGULAR_VALUES,
                        new RunSpec.Mapping.Wishart(5, 0.05, 2.0), checks),
                spec(new GasModel(A, A, A, new Drift.MeanField(0.5, A), barrier, Wall.NONE),
                        new InitialSpectrum.DegeneratePairs(new double[] {1, 4}, 0.01), RunSpec.Coordinates.EIGENVALUES,
                        new RunSpec.Mapping.Sgd(0.01, 8), checks),
                spec(new GasModel(A, A, A, new Drift.Constant(A), Wall.NONE, reflect), new InitialSpectrum.Explicit(A),
                        RunSpec.Coordinates.EIGENVALUES, new RunSpec.Mapping.Direct(), checks),
                spec(new GasModel(A, A, A, new Drift.Zero(), Wall.NONE, Wall.NONE), new InitialSpectrum.Goe(3, 0.5),
                        RunSpec.Coordinates.EIGENVALUES, new RunSpec.Mapping.Direct(), checks),
                spec(new CirModel(3, 1.0, 0.5, 0.1), new InitialSpectrum.Explicit(A), RunSpec.Coordinates.EIGENVALUES,
                        new RunSpec.Mapping.Direct(), checks),
                spec(new MatrixModel(6, 3, new LossSpec.RbmPcd(1, 7, 1, 2), new SgdSettings(0.01, 8, 0.5), 100, 0.1, 2, 40),
                        new InitialSpectrum.Explicit(A), RunSpec.Coordinates.SINGULAR_VALUES, new RunSpec.Mapping.Direct(),
                        checks),
                spec(new MatrixModel(6, 3, new LossSpec.TeacherStudent(1, 0.1, 0.01), new SgdSettings(0.01, 8, 0), 100,
                        0.1, 2), new InitialSpectrum.Explicit(A), RunSpec.Coordinates.EIGENVALUES,
                        new RunSpec.Mapping.Direct(), checks),
                spec(new MatrixModel(6, 3, new LossSpec.ZeroGradient(2.0), new SgdSettings(0.01, 8, 0), 100, 0.1, 2),
                        new InitialSpectrum.Explicit(A), RunSpec.Coordinates.EIGENVALUES, new RunSpec.Mapping.Direct(),
                        checks));
    }

    @Test
    void everyKindOfRunReadsBackEqualFieldForField() {
        for (RunSpec spec : everyKind()) {
            RunSpec back = RunSpecWire.fromWire(RunSpecWire.toWire(spec));
            assertTrue(ProtocolSerializationTest.deepEquals(spec, back), "read back: " + spec.model() + " " + spec.init());
        }
    }

    @Test
    void aRunReadBackStartsEveryMemberAtTheSameBits() {
        RunSpec spec = everyKind().get(1); // Marchenko–Pastur start, in singular values
        RunSpec back = RunSpecWire.fromWire(RunSpecWire.toWire(spec));
        for (long member = 0; member < 3; member++) {
            assertArrayEquals(spec.initialPositions(member), back.initialPositions(member), "member " + member);
        }
        assertEquals(spec.checks().predictionNames(), back.checks().predictionNames());
    }
}
