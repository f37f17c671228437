package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.gas.FarField;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.init.InitialSpectrum;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The engine reproduces the plain single-threaded loop bit for bit, whatever the block size:
 * the noise is a function of (seed, member, index, step) and the far field is summed in a
 * fixed tile order, or by the fast sum in an order fixed by the particle indices. Subclasses run the same cases on differently configured actor systems.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BitIdentityCases {
    private Simulation simulation;

    abstract Config config();

    @BeforeAll
    void start() {
        simulation = new Simulation(config());
    }

    @AfterAll
    void stop() {
        simulation.close();
    }

    private void assertMatchesReference(RunSpec spec, int... blockSizes) {
        for (int blockSize : blockSizes) {
            RunSpec sized = EngineFixtures.withBlockSize(spec, blockSize);
            RunResult result = simulation.run(sized, RecorderFactory.inMemory(), RunListener.NONE);
            assertNull(result.failure(), "block size " + blockSize);
            assertEquals(spec.members(), result.members().size());
            for (int m = 0; m < spec.members(); m++) {
                EngineFixtures.assertSameTrajectory(EngineFixtures.reference(sized, m).trajectory(),
                        result.members().get(m));
            }
        }
    }

    @Test
    void harmonicGasWithAdaptiveStepsIsIndependentOfBlockSize() {
        RunSpec spec = EngineFixtures.spec("harmonic10", EngineFixtures.harmonicGas(10, 1.0),
                new InitialSpectrum.Explicit(EngineFixtures.linspace(-2, 2, 10)), StepSizeRule.adaptive(0.02, 4),
                0.01, 24, 5, 2, 1);
        assertTrue(EngineFixtures.reference(spec, 0).maxLevel() > 0, "the case must exercise sub-steps");
        assertMatchesReference(spec, 1, 3, 10);
    }

    @Test
    void severalCoulombTilesAreIndependentOfBlockSize() {
        RunSpec spec = EngineFixtures.spec("harmonic70", EngineFixtures.harmonicGas(70, 1.0),
                new InitialSpectrum.Explicit(EngineFixtures.linspace(-6, 6, 70)), StepSizeRule.adaptive(0.05, 3),
                0.01, 12, 4, 1, 1);
        assertTrue(EngineFixtures.reference(spec, 0).maxLevel() > 0, "the case must exercise sub-steps");
        assertMatchesReference(spec, 3, 70);
    }

    @Test
    void wishartGasWithImageChargesAndBarrierIsIndependentOfBlockSize() {
        RunSpec spec = EngineFixtures.spec("wishart", EngineFixtures.wishartGas(8, 12, 0.5),
                new InitialSpectrum.Explicit(EngineFixtures.linspace(0.3, 3.0, 8)), StepSizeRule.adaptive(0.01, 3),
                0.01, 20, 6, 2, 1);
        assertTrue(EngineFixtures.reference(spec, 1).maxLevel() > 0, "the case must exercise sub-steps");
        assertMatchesReference(spec, 1, 3, 8);
    }

    @Test
    void fixedStepGasOfOneMemberIsIndependentOfBlockSize() {
        // A lone member on the plain path with a fixed step draws each chunk's noise ahead, on
        // another dispatcher thread (PlainAdvance): several chunks, sub-steps from the refinement.
        RunSpec spec = EngineFixtures.spec("fixed12", EngineFixtures.harmonicGas(12, 1.0),
                new InitialSpectrum.Explicit(EngineFixtures.linspace(-2, 2, 12)), StepSizeRule.fixed().refined(),
                0.005, 40, 7, 1, 1);
        assertMatchesReference(spec, 5, 12);
    }

    @Test
    void fastSumGasIsIndependentOfBlockSize() {
        // From FarField.FAST_FROM eigenvalues each block sums its own rows' far field and image
        // terms with the fast sum: exchanging blocks, and one block on the plain path.
        int n = FarField.FAST_FROM;
        RunSpec spec = EngineFixtures.spec("fast" + n, EngineFixtures.wishartGas(n, n + 10, 0.5),
                new InitialSpectrum.Explicit(EngineFixtures.linspace(0.5, 60.0, n)), StepSizeRule.fixed(),
                0.001, 3, 1, 1, 1);
        assertMatchesReference(spec, BlockLayout.AUTOMATIC, 700, n);
    }

    @Test
    void squareRootDiffusionsAreIndependentOfBlockSize() {
        RunSpec spec = EngineFixtures.spec("cir", new CirModel(7, 1.0, 0.5, 0.1),
                new InitialSpectrum.Explicit(EngineFixtures.linspace(0.5, 2.0, 7)), StepSizeRule.fixed(),
                0.05, 30, 7, 2, 1);
        assertMatchesReference(spec, 1, 3, 7);
    }
}
