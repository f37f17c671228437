package org.dysonsim.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/** Actor-system settings for benchmarks: the defaults, quiet logging. */
final class BenchConfig {
    private BenchConfig() {}

    static Config engine() {
        return ConfigFactory.parseString("pekko.loglevel = WARNING\npekko.log-dead-letters = off")
                .withFallback(ConfigFactory.load());
    }
}
