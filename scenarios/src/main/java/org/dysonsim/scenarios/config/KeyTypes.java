package org.dysonsim.scenarios.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.Map;
import java.util.Set;

/**
 * The type of every scenario key, checked on each resolved run before anything reads it, so a
 * value of the wrong kind is one line naming the key even where the chosen model never reads
 * it. A key's type is its default's; the table below adds the keys that also take a list of
 * per-mode values and those whose default is null.
 */
final class KeyTypes {
    /**
     * Keys that take one number for every mode or a list of n numbers, and an imported run's one
     * number for every record or a list of one per record.
     */
    private static final Set<String> PER_MODE = Set.of("noise.g2", "sgd.g-tilde", "drift.centre", "drift.stiffness",
            "drift.target", "training.lr", "training.batch-size");
    /** Keys whose default is null (derived from other keys, or written by dyson import), by type. */
    private static final Map<String, ConfigValueType> DERIVED = Map.of("matrix.rows", ConfigValueType.NUMBER,
            "wishart.m", ConfigValueType.NUMBER, "init.rows", ConfigValueType.NUMBER, "drift.kappa", ConfigValueType.LIST,
            "init.values", ConfigValueType.LIST, "init.centres", ConfigValueType.LIST, "layers", ConfigValueType.LIST,
            "training.lr", ConfigValueType.NUMBER, "training.batch-size", ConfigValueType.NUMBER);
    /** Lists of objects, whose elements their reader checks: a layered run's {@code { name, rows, cols }}. */
    private static final Set<String> OBJECT_LISTS = Set.of("layers");
    /** Lists of names rather than numbers. */
    private static final Set<String> NAME_LISTS = Set.of("report.predictions");

    private KeyTypes() {}

    static void check(String label, Config run, Config defaults) {
        for (Map.Entry<String, ConfigValue> e : ScenarioLoader.leafPaths(defaults.root(), "").entrySet()) {
            String key = e.getKey();
            if (!run.hasPath(key)) continue; // null: the readers say whether a value is required
            ConfigValue value = run.getValue(key);
            ConfigValueType expected = DERIVED.getOrDefault(key, e.getValue().valueType());
            boolean fits = value.valueType() == expected
                    || PER_MODE.contains(key) && value.valueType() == ConfigValueType.LIST;
            if (!fits) {
                throw new ScenarioException(label, key, "expected " + describe(key, expected, e.getValue()) + ", got "
                        + ScenarioValues.describe(value));
            }
            if (value instanceof ConfigList list && !OBJECT_LISTS.contains(key)) checkElements(label, key, list);
        }
    }

    private static void checkElements(String label, String key, ConfigList list) {
        ConfigValueType element = NAME_LISTS.contains(key) ? ConfigValueType.STRING : ConfigValueType.NUMBER;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).valueType() != element) {
                throw new ScenarioException(label, key, "element " + i + " is not a "
                        + (element == ConfigValueType.STRING ? "name" : "number") + ": "
                        + ScenarioValues.describe(list.get(i)));
            }
        }
    }

    private static String describe(String key, ConfigValueType type, ConfigValue byDefault) {
        if (PER_MODE.contains(key)) return "a number or a list of numbers";
        if (NAME_LISTS.contains(key)) return "a list of names";
        if (OBJECT_LISTS.contains(key)) return "a list";
        boolean integer = byDefault.unwrapped() instanceof Integer || byDefault.unwrapped() instanceof Long
                || DERIVED.get(key) == ConfigValueType.NUMBER; // the derived numbers are all row counts
        return switch (type) {
            case STRING -> "a string";
            case NUMBER -> integer ? "an integer" : "a number";
            case BOOLEAN -> "true or false";
            case LIST -> "a list of numbers";
            default -> type.name().toLowerCase();
        };
    }
}
