package org.dysonsim.scenarios.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class MemoryEstimateTest {
    private static final long HEAP = 256L << 20;

    private static ScenarioValues scenario(String text) {
        return new ScenarioValues("s.conf", ConfigFactory.parseString(text)
                .withFallback(ConfigFactory.parseResources("scenario-defaults.conf")).resolve());
    }

    @Test
    void aLargeMarchenkoPasturStartIsDrawnInLinearMemoryAndASmallOneDense() {
        // 40 000 × 40 000 entries: W and WᵀW would take 38 GB; the bidiagonal model takes about 1 MB
        assertDoesNotThrow(() -> MemoryEstimate.check(scenario("n = 40000\ninit.rows = 40000"), 64, 2, HEAP));
        // 3000 × 3000 is below the dense limit: W, WᵀW, its copy and work space are 4 × 72 MB per sampling thread
        ScenarioException dense = assertThrows(ScenarioException.class,
                () -> MemoryEstimate.check(scenario("n = 3000\ninit.rows = 3000"), 64, 2, HEAP));
        assertEquals("n", dense.key());
    }
}
