package org.dysonsim.scenarios;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Which keys the resolved scenarios of several runs (a sweep's) set to different values. Pure functions. */
public final class ScenarioDifferences {
    private ScenarioDifferences() {}

    /** The keys some run sets to another value than the first, or that not every run sets, in key order. */
    public static SortedSet<String> keys(List<Config> scenarios) {
        SortedSet<String> differing = new TreeSet<>();
        if (scenarios.isEmpty()) return differing;
        Config first = scenarios.get(0);
        for (Config other : scenarios.subList(1, scenarios.size())) {
            for (Map.Entry<String, ConfigValue> e : first.entrySet()) {
                if (!other.hasPath(e.getKey()) || !other.getValue(e.getKey()).unwrapped().equals(e.getValue().unwrapped())) {
                    differing.add(e.getKey());
                }
            }
            for (Map.Entry<String, ConfigValue> e : other.entrySet()) {
                if (!first.hasPath(e.getKey())) differing.add(e.getKey());
            }
        }
        return differing;
    }

    /** A key's value as a table shows it: a string as it is, a number or a list as HOCON writes it, "" when unset. */
    public static String value(Config scenario, String key) {
        if (!scenario.hasPath(key)) return "";
        ConfigValue v = scenario.getValue(key);
        return v.unwrapped() instanceof String s ? s : v.render(ConfigRenderOptions.concise());
    }
}
