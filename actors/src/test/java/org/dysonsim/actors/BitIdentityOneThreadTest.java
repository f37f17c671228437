package org.dysonsim.actors;

import com.typesafe.config.Config;

/** The bit-identity cases on one dispatcher thread, a single block also running the exchange protocol. */
class BitIdentityOneThreadTest extends BitIdentityCases {
    @Override
    Config config() {
        return EngineFixtures.config(1, false);
    }
}
