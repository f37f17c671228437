package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.protocol.BlockHostCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Placement of a member's blocks on block hosts, in one actor system: the scenario key, and a
 * host that never answers, which must end in a restart and then a one-line diagnostic rather
 * than a hang. (Blocks on real remote nodes: SplitSystemTest.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlockPlacementTest {
    private final ActorTestKit testKit = ActorTestKit.create("placement", ConfigFactory.parseString("""
            dysonsim.engine {
              ask-timeout = 1s
              max-restarts = 1
            }
            """).withFallback(EngineFixtures.config(2, true)));

    @AfterAll
    void stop() {
        testKit.shutdownTestKit();
    }

    private static RunSpec spec() {
        return new RunSpec("placement", "test", "name = a\n", EngineFixtures.harmonicGas(8, 1.0),
                new InitialSpectrum.Explicit(EngineFixtures.linspace(-2, 2, 8)), StepSizeRule.fixed(), 0.01, 10, 5,
                EngineFixtures.SEED, 1, 4, RunSpec.Coordinates.EIGENVALUES);
    }

    private static RunSpec spec(int nodes) {
        return spec().withPlacement(new RunSpec.Placement(4, nodes));
    }

    @Test
    void theSpecSaysHowManyNodesAndDefaultsToOne() {
        assertEquals(3, BlockPlacement.nodesOf(spec(3)));
        assertEquals(1, BlockPlacement.nodesOf(spec()), "a spec built without a scenario keeps its blocks here");
        assertEquals(1, BlockPlacement.nodesOf(spec("blocks.nodes = 3\n")), "the scenario text is not read again");
    }

    private static RunSpec spec(String scenarioText) {
        RunSpec s = spec();
        return new RunSpec(s.runId(), s.scenarioName(), scenarioText, s.model(), s.init(), s.rule(), s.dt(), s.steps(),
                s.recordEvery(), s.seed(), s.members(), s.placement(), s.coordinates(), s.mapping(), s.checks());
    }

    @Test
    void aHostThatNeverPlacesItsBlockFailsTheMemberWithOneLineAfterItsRestarts() throws InterruptedException {
        BlockHost.start(testKit.system());
        TestProbe<BlockHostCommand> silent = testKit.createTestProbe();
        testKit.system().receptionist().tell(Receptionist.register(BlockHost.KEY, silent.ref()));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (BlockHosts.get(testKit.system()).choose(2).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(2, BlockHosts.get(testKit.system()).choose(2).size(), "both hosts are listed");

        RunResult result = new Simulation(testKit.system()).run(spec(2),
                RecorderFactory.inMemory(), RunListener.NONE);

        assertFalse(result.succeeded());
        assertTrue(result.failure().contains("did not place every block within 1 s"), result.failure());
        assertTrue(result.failure().contains("gave up after 1 restarts"), result.failure());
        assertEquals(1, result.failure().lines().count(), "one line: " + result.failure());
        silent.expectMessageClass(BlockHostCommand.Spawn.class);
    }
}
