package org.dysonsim.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/**
 * The bit-identity cases on two dispatcher threads, a single block taking the plain-stepper
 * path, with a pair budget so small that blocks advance a few steps per message.
 */
class BitIdentityTwoThreadsTest extends BitIdentityCases {
    @Override
    Config config() {
        return ConfigFactory.parseString("dysonsim.engine.advance-pair-budget = 100")
                .withFallback(EngineFixtures.config(2, true));
    }
}
