package org.dysonsim.scenarios.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cartesian product of sweep axes, in the order of the map, the last axis varying fastest. */
public final class Sweep {
    private Sweep() {}

    /** One map of key to value per combination; a single empty map when there are no axes. */
    public static <V> List<Map<String, V>> combinations(Map<String, List<V>> axes) {
        List<Map<String, V>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<V>> axis : axes.entrySet()) {
            List<Map<String, V>> next = new ArrayList<>();
            for (Map<String, V> partial : out) {
                for (V value : axis.getValue()) {
                    Map<String, V> extended = new LinkedHashMap<>(partial);
                    extended.put(axis.getKey(), value);
                    next.add(extended);
                }
            }
            out = next;
        }
        return out;
    }
}
