package org.dysonsim.scenarios;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The seed of each point of a sweep: by default every point draws its own noise, a pure function
 * of the scenario's seed and the point's swept values ({@code key=value}, keys in sweep order), so
 * a point's noise stays the same when values are added to an axis or the axes are listed in another
 * order in the file; {@code sweep.common-noise = true} (or a swept {@code seed}) keeps the seeds as
 * given. The mix: 64-bit FNV-1a over the UTF-8 text of the values, then SplitMix64's finaliser of
 * the seed XOR the finalised hash.
 */
public final class SweepSeeds {
    private SweepSeeds() {}

    /** The seed of the point whose swept keys take the rendered {@code values}, in the scenario of seed {@code seed}. */
    public static long of(long seed, Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) text.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.toString().getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return finalised(seed ^ finalised(hash));
    }

    /** SplitMix64's output function: every input bit reaches every output bit. */
    private static long finalised(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
