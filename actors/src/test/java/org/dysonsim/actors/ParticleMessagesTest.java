package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.protocol.BlockCommand;
import org.dysonsim.protocol.BlockDynamics;
import org.dysonsim.protocol.BlockSetup;
import org.dysonsim.protocol.ClockCommand;
import org.dysonsim.protocol.DriftLaw;
import org.dysonsim.protocol.LossCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The drift travels as plain data from the loss actor, its one source, and computes the same bits. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticleMessagesTest {
    private final ActorTestKit testKit = ActorTestKit.create("particle-messages", EngineFixtures.config(2, false));

    @AfterAll
    void stop() {
        testKit.shutdownTestKit();
    }

    private static final double[] A = {1.5, -2.25, Double.MIN_VALUE};
    private static final double[] B = {0.25, 3.0, 1e300};

    @Test
    void everyDriftComesBackFromItsLawWithTheSameValues() {
        List<Drift> drifts = List.of(new Drift.Zero(), new Drift.Harmonic(A, B), new Drift.RbmSmooth(A),
                new Drift.MeanField(0.75, B), new Drift.Constant(A));
        for (Drift drift : drifts) {
            Drift back = ParticleMessages.drift(ParticleMessages.driftLaw(drift));
            assertEquals(drift.getClass(), back.getClass());
            for (int mode = 0; mode < A.length; mode++) {
                for (double x : new double[] {-1.0, 0.0, 2.5}) {
                    assertEquals(Double.doubleToRawLongBits(drift.at(x, mode)), Double.doubleToRawLongBits(back.at(x, mode)),
                            drift + " at " + x);
                    assertEquals(drift.slope(x, mode), back.slope(x, mode), 0.0);
                }
            }
        }
        Drift.Harmonic harmonic = (Drift.Harmonic) ParticleMessages.drift(ParticleMessages.driftLaw(new Drift.Harmonic(A, B)));
        assertArrayEquals(A, harmonic.centre(), 0.0);
        assertArrayEquals(B, harmonic.stiffness(), 0.0);
    }

    @Test
    void aLawWhoseParametersDoNotFitIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ParticleMessages.drift(new DriftLaw(DriftLaw.Kind.HARMONIC, new double[] {1, 2, 3})));
        assertThrows(IllegalArgumentException.class,
                () -> ParticleMessages.drift(new DriftLaw(DriftLaw.Kind.ZERO, new double[] {1})));
        assertThrows(IllegalArgumentException.class,
                () -> ParticleMessages.drift(new DriftLaw(DriftLaw.Kind.MEAN_FIELD, new double[0])));
        assertThrows(IllegalArgumentException.class,
                () -> ParticleMessages.driftLaw(new Drift.Harmonic(A, new double[] {1})));
    }

    @Test
    void aBlockSetupCarriesTheGasWithoutItsDrift() {
        GasModel gas = new GasModel(A, B, A, new Drift.Harmonic(A, B), Wall.barrier(0.0, 2.5), Wall.reflect(9.0));
        RunSpec spec = EngineFixtures.spec("plain", gas, new InitialSpectrum.Explicit(B), StepSizeRule.adaptive(0.02, 5),
                0.01, 10, 5, 1, 2);
        BlockSetup setup = ParticleMessages.blockSetup(spec, 3, BlockLayout.of(3, 2), 1, null, true);
        BlockDynamics.Gas dynamics = assertInstanceOf(BlockDynamics.Gas.class, setup.dynamics());
        Drift fromLoss = new Drift.RbmSmooth(B);
        assertEquals(new GasModel(A, B, A, fromLoss, gas.lower(), gas.upper()).toString(),
                ParticleMessages.gas(dynamics, fromLoss).toString());
        assertEquals(spec.rule(), ParticleMessages.rule(setup.rule()));
        assertEquals(List.of(3, 2, 3, 1), List.of(setup.n(), setup.blockSize(), setup.member(), setup.index()));
    }

    /**
     * A gas block is spawned without the drift: it subscribes to the loss actor and does nothing
     * until the drift arrives from there, then steps exactly as the plain integrator with it.
     */
    @Test
    void aGasBlockStepsWithTheDriftOfTheLossActorAlone() {
        int n = 4;
        GasModel gas = EngineFixtures.harmonicGas(n, 2.0);
        StepSizeRule rule = StepSizeRule.adaptive(0.02, 6);
        RunSpec spec = EngineFixtures.spec("drift-once", gas, new InitialSpectrum.Explicit(EngineFixtures.linspace(-1, 1, n)),
                rule, 0.01, 30, 10, 1, n);
        TestProbe<LossCommand> loss = testKit.createTestProbe();
        TestProbe<ClockCommand> clock = testKit.createTestProbe();
        ActorRef<BlockCommand> block = testKit.spawn(EigenvalueBlock.create(
                ParticleMessages.blockSetup(spec, 0, BlockLayout.of(n, n), 0, loss.getRef(), false)));
        LossCommand.Subscribe subscribe = loss.expectMessageClass(LossCommand.Subscribe.class);
        double[] start = EngineFixtures.linspace(-1, 1, n);
        block.tell(new BlockCommand.Advance(0, 30, start.clone(), clock.getRef()));
        clock.expectNoMessage(Duration.ofMillis(300));

        Drift drift = new Drift.Harmonic(EngineFixtures.constant(n, 0.5), EngineFixtures.constant(n, 3.0));
        subscribe.block().tell(new BlockCommand.UseDrift(ParticleMessages.driftLaw(drift)));
        ClockCommand.Advanced advanced = clock.expectMessageClass(ClockCommand.Advanced.class);

        double[] expected = start.clone();
        GasModel withLossDrift = new GasModel(gas.noise(), gas.coulomb(), gas.mirror(), drift, gas.lower(), gas.upper());
        assertEquals(null, new PlainAdvance(withLossDrift, rule, 0.01, spec.seed(), 0, 0, n).run(expected, 0, 30));
        assertArrayEquals(expected, advanced.positions(), 0.0);
        double[] withSpecDrift = start.clone();
        new PlainAdvance(gas, rule, 0.01, spec.seed(), 0, 0, n).run(withSpecDrift, 0, 30);
        assertThrows(AssertionError.class, () -> assertArrayEquals(withSpecDrift, advanced.positions(), 0.0),
                "the block must not use a drift of its own");
    }
}
