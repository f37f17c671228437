package org.dysonsim.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;

/**
 * The scenario key {@code blocks.nodes}: over how many cluster nodes a member's eigenvalue
 * blocks are spread (round-robin over the nodes' {@link BlockHost}s, this node first). 1, the
 * default, keeps every block beside its supervisor. Like {@code blocks.size} a tuning knob: the
 * far field is summed per 64-particle tile in tile order whoever computes it, so results are
 * bit-identical for any placement. Read from the resolved scenario the run carries.
 */
final class BlockPlacement {

    static final String KEY = "blocks.nodes";

    private BlockPlacement() {}

    static int nodesOf(RunSpec spec) {
        try {
            Config scenario = ConfigFactory.parseString(spec.scenarioText() == null ? "" : spec.scenarioText());
            return scenario.hasPath(KEY) ? Math.max(1, scenario.getInt(KEY)) : 1;
        } catch (ConfigException e) {
            return 1; // not a scenario (a test's free text): nothing asks for a split
        }
    }
}
