package org.dysonsim.scenarios.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.List;
import java.util.Set;

/**
 * Typed, range-checked reads of a resolved scenario. Every failure is a
 * {@link ScenarioException} naming the file and the key, so a user sees one line.
 */
public final class ScenarioValues {
    private final String file;
    private final Config config;

    private final Set<String> given;

    /** Values of a stored, resolved scenario: every key counts as given on purpose. */
    public ScenarioValues(String file, Config config) {
        this(file, config, null);
    }

    /** @param given the keys the user set, or null when they cannot be told from defaults */
    public ScenarioValues(String file, Config config, Set<String> given) {
        this.file = file;
        this.config = config;
        this.given = given;
    }

    /** The keys the user set, or null when unknown (a stored resolved scenario). */
    public Set<String> given() {
        return given;
    }

    public String file() {
        return file;
    }

    public Config config() {
        return config;
    }

    public ScenarioException error(String key, String problem) {
        return new ScenarioException(file, key, problem);
    }

    /** True when the key holds null (a default derived from other keys). */
    public boolean isNull(String key) {
        return !config.hasPath(key);
    }

    public String text(String key) {
        ConfigValue v = value(key);
        if (v.valueType() != ConfigValueType.STRING) throw error(key, "expected a string, got " + describe(v));
        return (String) v.unwrapped();
    }

    /** A string that must be one of {@code options}. */
    public String choice(String key, List<String> options) {
        String s = text(key);
        if (!options.contains(s)) {
            throw error(key, "unknown value " + TerminalText.quoted(s) + ", expected one of " + String.join(", ", options)
                    + DidYouMean.hint(s, options));
        }
        return s;
    }

    public boolean flag(String key) {
        ConfigValue v = value(key);
        if (v.valueType() != ConfigValueType.BOOLEAN) throw error(key, "expected true or false, got " + describe(v));
        return (Boolean) v.unwrapped();
    }

    public long integer(String key, long min, long max) {
        ConfigValue v = value(key);
        double d = numberOf(key, v, "an integer");
        long l;
        if (v.unwrapped() instanceof Integer || v.unwrapped() instanceof Long) {
            l = ((Number) v.unwrapped()).longValue(); // exact: every 64-bit integer written as digits
        } else if (d == Math.rint(d) && Math.abs(d) <= 9.0e15) {
            l = (long) d; // 4.0 and the like (HOCON reads integral exponent forms such as 1e3 as integers)
        } else if (d == Math.rint(d)) {
            throw error(key, "expected an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", got " + describe(v));
        } else {
            throw error(key, "expected an integer, got " + describe(v));
        }
        if (l < min) throw error(key, "must be ≥ " + min + ", got " + l);
        if (l > max) throw error(key, "must be ≤ " + max + ", got " + l);
        return l;
    }

    public int integer(String key, int min) {
        return (int) integer(key, min, Integer.MAX_VALUE);
    }

    public double number(String key) {
        ConfigValue v = value(key);
        return finite(key, numberOf(key, v, "a number"));
    }

    public double positive(String key) {
        return checkPositive(key, number(key));
    }

    public double nonNegative(String key) {
        return checkNonNegative(key, number(key));
    }

    /** A scalar (the same for every mode) or a list of exactly {@code n} numbers. */
    public double[] perMode(String key, int n, Bound bound) {
        ConfigValue v = value(key);
        if (v.valueType() == ConfigValueType.LIST) return list(key, n, bound);
        double d = bound.check(this, key, finite(key, numberOf(key, v, "a number or a list of " + n + " numbers")));
        double[] out = new double[n];
        java.util.Arrays.fill(out, d);
        return out;
    }

    /** A list of exactly {@code length} numbers. */
    public double[] list(String key, int length, Bound bound) {
        ConfigValue v = value(key);
        if (v.valueType() != ConfigValueType.LIST) {
            throw error(key, "expected a list of " + length + " numbers, got " + describe(v));
        }
        List<?> items = (List<?>) v.unwrapped();
        if (items.size() != length) {
            throw error(key, "expected a list of " + length + " numbers, got " + items.size());
        }
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            if (!(items.get(i) instanceof Number num)) {
                throw error(key, "element " + i + " is not a number: " + TerminalText.escape(String.valueOf(items.get(i))));
            }
            out[i] = bound.check(this, key, finite(key, num.doubleValue()));
        }
        return out;
    }

    /** A range check applied to each value read. */
    public interface Bound {
        double check(ScenarioValues values, String key, double value);

        Bound ANY = (values, key, value) -> value;
        Bound POSITIVE = (values, key, value) -> values.checkPositive(key, value);
        Bound NON_NEGATIVE = (values, key, value) -> values.checkNonNegative(key, value);
    }

    double checkPositive(String key, double d) {
        if (!(d > 0)) throw error(key, "must be > 0, got " + d);
        return d;
    }

    double checkNonNegative(String key, double d) {
        if (!(d >= 0)) throw error(key, "must be ≥ 0, got " + d);
        return d;
    }

    private double finite(String key, double d) {
        if (!Double.isFinite(d)) throw error(key, "must be finite, got " + d);
        return d;
    }

    private double numberOf(String key, ConfigValue v, String expected) {
        if (v.valueType() != ConfigValueType.NUMBER) throw error(key, "expected " + expected + ", got " + describe(v));
        return ((Number) v.unwrapped()).doubleValue();
    }

    private ConfigValue value(String key) {
        if (!config.hasPathOrNull(key)) throw error(key, "missing");
        if (config.getIsNull(key)) throw error(key, "missing (no default; set it in the scenario)");
        return config.getValue(key);
    }

    static String describe(ConfigValue v) {
        return switch (v.valueType()) {
            case STRING -> "string " + TerminalText.quoted((String) v.unwrapped());
            case NUMBER -> v.unwrapped().toString();
            case BOOLEAN -> "boolean " + v.unwrapped();
            case LIST -> "a list";
            case OBJECT -> "an object";
            case NULL -> "null";
        };
    }
}
