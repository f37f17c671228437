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

    /**
     * The report reads a member's whole trajectory: 10⁶ records of 2 levels replayed in a 256 MB
     * heap and ran out of memory in a 128 MB one, so the scenario is refused at 128 MB, naming
     * record-every, before anything is simulated.
     */
    @Test
    void aReportOfMoreRecordsThanTheHeapHoldsIsRefusedNamingRecordEvery() {
        String million = "n = 2\nsteps = 1000000\nrecord-every = 1";
        assertDoesNotThrow(() -> MemoryEstimate.check(scenario(million), 64, 2, HEAP));
        ScenarioException refused = assertThrows(ScenarioException.class,
                () -> MemoryEstimate.check(scenario(million), 64, 2, 128L << 20));
        assertEquals("record-every", refused.key());
        assertEquals("the report of 1000001 records per member of 2 level(s) needs about 239 MB of memory, more than"
                + " the 128 MB this JVM may use (DYSON_JAVA_OPTS=-Xmx...); raise record-every or give the JVM more",
                refused.getMessage().substring(refused.getMessage().indexOf("the report")));
        assertDoesNotThrow(() -> MemoryEstimate.check(scenario("n = 2\nsteps = 1000000\nrecord-every = 10"), 64, 2,
                128L << 20));
    }
}
