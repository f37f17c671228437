package org.dysonsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.scenarios.config.ScenarioException;
import org.dysonsim.scenarios.config.ScenarioLoader;
import org.dysonsim.scenarios.config.ScenarioValues;
import org.dysonsim.scenarios.config.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSpecReaderTest {
    @TempDir
    Path dir;

    private RunSpec read(String text, String... overrides) throws IOException {
        Path f = dir.resolve("s.conf");
        Files.writeString(f, text);
        Study study = new ScenarioLoader().load(f, List.of(overrides));
        return RunSpecReader.read(new ScenarioValues(study.file(), study.runs().get(0)), "id");
    }

    private ScenarioException failure(String text, String... overrides) {
        return assertThrows(ScenarioException.class, () -> read(text, overrides));
    }

    private void assertProblem(String key, String problemStart, ScenarioException e) {
        assertEquals(key, e.key(), e.line());
        assertTrue(e.problem().startsWith(problemStart), e.line());
        assertEquals(1, e.line().lines().count());
    }

    @Test
    void defaultsGiveACoulombGasFromMarchenkoPastur() throws IOException {
        RunSpec spec = read("name = scenario\n");
        GasModel gas = assertInstanceOf(GasModel.class, spec.model());
        assertEquals(8, spec.n());
        assertArrayEquals(gas.noise(), gas.coulomb());
        assertEquals(new InitialSpectrum.MarchenkoPastur(16, 8, 1.0), spec.init());
        assertEquals(RunSpec.Coordinates.EIGENVALUES, spec.coordinates());
        assertTrue(spec.rule().adaptive());
        assertTrue(spec.scenarioText().contains("record-every"));
    }

    @Test
    void wrongTypes() {
        assertProblem("n", "expected an integer, got string \"abc\"", failure("n = abc"));
        assertProblem("n", "expected an integer, got 2.5", failure("n = 2.5"));
        assertProblem("dt", "expected a number", failure("dt = [1]"));
        assertProblem("step.adaptive", "expected true or false", failure("step.adaptive = 3"));
        assertProblem("noise.g2", "element 1 is not a number", failure("n = 2\nnoise.g2 = [1, x]"));
    }

    @Test
    void oneCoulombModeIsARun() throws IOException {
        // the fokker-planck prediction applies to exactly such a run (FokkerPlanckPredictionTest)
        RunSpec one = read("n = 1\ninit { kind = explicit, values = [0.2] }\ndrift { kind = harmonic, centre = 1.0 }");
        assertEquals(1, one.n());
        assertEquals(RunSpec.Coordinates.EIGENVALUES, one.coordinates());
    }

    @Test
    void outOfRange() {
        assertProblem("n", "must be ≥ 1, got 0", failure("n = 0"));
        assertProblem("n", "must be ≥ 2, got 1", failure("model = sgd\nn = 1"));
        assertProblem("dt", "must be > 0", failure("dt = 0"));
        assertProblem("sgd.alpha", "must be > 0", failure("model = sgd\nsgd.alpha = -0.1"));
        assertProblem("sgd.batch", "must be ≥ 1, got 0", failure("model = sgd\nsgd.batch = 0"));
        assertProblem("wishart.m", "rows m must be ≥ n = 8, got 5", failure("model = wishart\nwishart.m = 5"));
        assertProblem("noise.g2", "expected a list of 8 numbers, got 3", failure("noise.g2 = [1, 2, 3]"));
        assertProblem("noise.g2", "must be > 0", failure("noise.g2 = -1"));
        assertProblem("init.rows", "rows M must be ≥ n", failure("init.rows = 4"));
        assertProblem("step.max-level", "must be ≤ 30", failure("step.max-level = 31"));
    }

    @Test
    void unknownChoiceSuggestsTheClosest() {
        ScenarioException e = failure("drift.kind = harmonc");
        assertProblem("drift.kind", "unknown value \"harmonc\"", e);
        assertTrue(e.problem().endsWith("(did you mean harmonic?)"), e.problem());
    }

    @Test
    void rbmWallMustBeAboveEveryMembersInitialSpectrum() {
        // MP with M = 20, N = 10, σ² = 1 reaches up to about 20(1 + √0.5)² ≈ 58 and at least ~ 30 in some member
        ScenarioException e = failure("n = 10\ndrift { kind = rbm, mu2 = 25 }\ninit.rows = 20\nensemble.members = 20");
        assertProblem("drift.mu2", "μ² = 25.0 must be above the largest initial eigenvalue", e);
    }

    @Test
    void initialValuesMustBeDistinctAndInsideTheWalls() {
        assertProblem("init.values", "initial values must be distinct",
                failure("n = 3\ninit { kind = explicit, values = [1, 2, 2] }"));
        assertProblem("init.values", "initial values must be above the wall",
                failure("n = 2\ndrift { kind = rbm, mu2 = 5 }\ninit { kind = explicit, values = [-1, 2] }"));
        assertProblem("init.kind", "degenerate-pairs needs an even n",
                failure("n = 3\ninit { kind = degenerate-pairs, centres = [1] }"));
    }

    @Test
    void sgdMapsToTheSdeWithDtAlphaAndNoiseAlphaGTildeSquaredOverBatch() throws IOException {
        RunSpec spec = read("model = sgd\nn = 2\nsgd { alpha = 0.02, batch = 4, g-tilde = [1, 3] }\nstep.adaptive = true");
        GasModel gas = (GasModel) spec.model();
        assertEquals(0.02, spec.dt());
        assertArrayEquals(new double[] {0.02 / 4 * 1, 0.02 / 4 * 9}, gas.noise(), 1e-15);
        assertArrayEquals(gas.noise(), gas.coulomb());
        assertTrue(!spec.rule().adaptive(), "the SGD form is a fixed step");
    }

    @Test
    void wishartBruAndOlsenConventions() throws IOException {
        RunSpec bru = read("model = wishart\nn = 3\nwishart { m = 5, eta = 0.1, d = 2 }");
        GasModel g = (GasModel) bru.model();
        double etaD = 0.2;
        assertEquals(RunSpec.Coordinates.SINGULAR_VALUES, bru.coordinates());
        assertArrayEquals(new double[] {etaD, etaD, etaD}, g.noise(), 1e-15);
        assertArrayEquals(new double[] {etaD, etaD, etaD}, g.coulomb(), 1e-15);
        assertArrayEquals(new double[] {etaD, etaD, etaD}, g.mirror(), 1e-15);
        assertEquals(Wall.barrier(0.0, etaD * 2), g.lower());

        GasModel olsen = (GasModel) read("model = wishart\nn = 3\nwishart { m = 5, eta = 0.1, d = 2, convention = olsen }").model();
        assertArrayEquals(new double[] {etaD / 2, etaD / 2, etaD / 2}, olsen.coulomb(), 1e-15);
        assertEquals(Wall.barrier(0.0, etaD * 3 / 2), olsen.lower());

        GasModel square = (GasModel) read("model = wishart\nn = 3\nwishart.m = 3").model();
        assertEquals(Wall.Kind.REFLECT, square.lower().kind());
    }

    @Test
    void rbmFromLatticeGivesLargestKappaToTheLowestMode() throws IOException {
        RunSpec spec = read("n = 4\ndrift { kind = rbm, mu2 = 100, lattice { sites = 4, mass2 = 0.5 } }");
        GasModel g = (GasModel) spec.model();
        Drift.RbmSmooth rbm = assertInstanceOf(Drift.RbmSmooth.class, g.drift());
        // κ_k = 0.5 + 2 − 2cos(πk/2), k = 0..3: 0.5, 2.5, 4.5, 2.5 → descending
        assertArrayEquals(new double[] {4.5, 2.5, 2.5, 0.5}, rbm.kappa(), 1e-12);
        assertEquals(Wall.barrier(100, 100), g.upper());
        assertEquals(Wall.reflect(0), g.lower());
        assertEquals(Wall.NONE, ((GasModel) read("n = 4\ndrift { kind = rbm, mu2 = 100, lower = none }").model()).lower());
    }

    @Test
    void rbmKappaListAndHarmonicPerModeLists() throws IOException {
        GasModel rbm = (GasModel) read("n = 2\ndrift { kind = rbm, mu2 = 100, kappa = [1, 2] }").model();
        assertArrayEquals(new double[] {1, 2}, ((Drift.RbmSmooth) rbm.drift()).kappa());
        GasModel h = (GasModel) read("n = 2\ndrift { kind = harmonic, centre = [1, 2], stiffness = 3 }").model();
        assertEquals(-3 * (5 - 2), h.drift().at(5, 1), 1e-15);
    }

    @Test
    void cirTakesItsOwnParametersAndRejectsADrift() throws IOException {
        RunSpec spec = read("model = cir\nn = 1\ncir { alpha0 = 2, beta1 = 0.5, eta-d = 0.25 }\ninit { kind = explicit, values = [1] }");
        assertEquals(new CirModel(1, 2, 0.5, 0.25), spec.model());
        assertProblem("drift.kind", "cir has its own drift", failure("model = cir\ndrift.kind = harmonic"));
    }

    @Test
    void goeStartReadsItsEntryVarianceAndNothingOfMarchenkoPastur() throws IOException {
        RunSpec spec = read("n = 6\ninit { kind = goe, sigma2 = 0.5 }\ndrift.kind = harmonic");
        assertEquals(new InitialSpectrum.Goe(6, 0.5), spec.init());
        assertProblem("init.sigma2", "must be > 0", failure("init { kind = goe, sigma2 = 0 }"));
    }
}
