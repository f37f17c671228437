package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import org.dysonsim.physics.gas.StepSizeRule;
import org.junit.jupiter.api.Test;

class EngineSettingsTest {
    private final EngineSettings defaults = EngineSettings.from(ConfigFactory.load());

    @Test
    void advanceMessagesAreCappedByStepsAndByPairEvaluations() {
        assertEquals(1000, defaults.advanceSteps(8, StepSizeRule.fixed()), "small systems: the step cap");
        // 1e9 pairs / 8192² = 14.9
        assertEquals(14, defaults.advanceSteps(8192, StepSizeRule.fixed()));
        // 1e9 pairs / (2048² · 2⁴ sub-steps) = 14.9
        assertEquals(14, defaults.advanceSteps(2048, StepSizeRule.adaptive(0.01, 4)));
        assertEquals(1, defaults.advanceSteps(100_000, StepSizeRule.fixed()), "never fewer than one step");
    }

    /** Large systems take fewer members in flight, so that none waits on the others beyond the engine's timeouts. */
    @Test
    void largeSystemsFlyFewerMembersButTwoPerCoreAtLeast() {
        int perCore = Math.min(64, 2 * Runtime.getRuntime().availableProcessors());
        assertEquals(64, defaults.membersInFlight(8));
        assertEquals(64, defaults.membersInFlight(EngineSettings.FULL_FLIGHT_N));
        assertEquals(Math.max(perCore, 32), defaults.membersInFlight(2048));
        assertEquals(Math.max(perCore, 4), defaults.membersInFlight(16_384));
        assertEquals(perCore, defaults.membersInFlight(1_000_000));
    }
}
