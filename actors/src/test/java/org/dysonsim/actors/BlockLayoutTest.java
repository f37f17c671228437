package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.init.InitialSpectrum;
import org.junit.jupiter.api.Test;

class BlockLayoutTest {
    @Test
    void automaticLayoutGivesEachCoreOneBlockOfAMemberAndNoMore() {
        assertEquals(2, BlockLayout.automatic(1024, 2, 1, 1).blocks(), "one member, two cores");
        assertEquals(512, BlockLayout.automatic(1024, 2, 1, 1).blockSize());
        assertEquals(1, BlockLayout.automatic(1024, 2, 8, 1).blocks(), "members keep the cores busy");
        assertEquals(1, BlockLayout.automatic(100, 2, 1, 1).blocks(), "under two tiles: no exchange");
        assertEquals(3, BlockLayout.automatic(4096, 2, 1, 3).blocks(), "at least one block per node");
        assertEquals(16, BlockLayout.automatic(65_536, 16, 1, 1).blocks());
        assertEquals(4, BlockLayout.automatic(65_536, 16, 4, 1).blocks(), "four members share sixteen cores");
        assertEquals(3, BlockLayout.automatic(3, 2, 1, 5).blocks(), "never more blocks than eigenvalues");
    }

    @Test
    void anExplicitBlockSizeIsKept() {
        RunSpec spec = EngineFixtures.spec("layout", EngineFixtures.harmonicGas(1024, 1.0),
                new InitialSpectrum.Explicit(EngineFixtures.linspace(-2, 2, 1024)), StepSizeRule.fixed(), 0.01, 1, 1, 1, 64);
        assertEquals(64, BlockLayout.forRun(spec, 2).blockSize());
        assertEquals(512, BlockLayout.forRun(EngineFixtures.withBlockSize(spec, BlockLayout.AUTOMATIC), 2).blockSize());
    }
}
