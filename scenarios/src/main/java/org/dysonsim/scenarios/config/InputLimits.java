package org.dysonsim.scenarios.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;

/**
 * Bounds on what a scenario may ask for, so that input which passes validation cannot exhaust
 * the process (documented in scenarios/README.md, "Limits").
 */
public final class InputLimits {
    /** Largest scenario file or included file: scenarios are a few kilobytes. */
    public static final long MAX_FILE_BYTES = 1 << 20;
    /** Deepest nesting of objects, lists and dotted paths: the scenario schema needs four. */
    public static final int MAX_NESTING = 32;
    /** Most runs of one sweep. */
    public static final int MAX_RUNS = 10_000;

    private InputLimits() {}

    /** True when {@code value} nests deeper than {@link #MAX_NESTING}; stops looking at that depth. */
    public static boolean tooDeep(ConfigValue value) {
        return depthExceeds(value, 0);
    }

    private static boolean depthExceeds(ConfigValue value, int depth) {
        if (depth > MAX_NESTING) return true;
        if (value instanceof ConfigObject object) {
            for (ConfigValue child : object.values()) if (depthExceeds(child, depth + 1)) return true;
        } else if (value instanceof ConfigList list) {
            for (ConfigValue child : list) if (depthExceeds(child, depth + 1)) return true;
        }
        return false;
    }
}
