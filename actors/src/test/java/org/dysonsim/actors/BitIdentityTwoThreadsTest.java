package org.dysonsim.actors;

import com.typesafe.config.Config;

/** The bit-identity cases on two dispatcher threads, a single block taking the plain-stepper path. */
class BitIdentityTwoThreadsTest extends BitIdentityCases {
    @Override
    Config config() {
        return EngineFixtures.config(2, true);
    }
}
