package org.dysonsim.scenarios.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a scenario file, applies {@code --set} overrides, rejects unknown keys, expands the
 * sweep and falls back to the defaults in {@value #DEFAULTS}. Checked here: key names, syntax,
 * each key's type ({@link KeyTypes}), the {@link InputLimits} (file size, nesting, sweep size),
 * includes ({@link ScenarioIncluder}), an empty file and substitution cycles; values are
 * range-checked when a run is built from them.
 */
public final class ScenarioLoader {
    public static final String DEFAULTS = "scenario-defaults.conf";
    public static final String SWEEP = "sweep";
    /** Not an axis: {@code true} gives every point of the sweep the scenario's seed (StudyPlan). */
    public static final String COMMON_NOISE = "sweep.common-noise";

    private final Config defaults;
    private final Set<String> knownKeys;

    public ScenarioLoader() {
        this.defaults = ConfigFactory.parseResources(ScenarioLoader.class.getClassLoader(), DEFAULTS,
                ConfigParseOptions.defaults().setAllowMissing(false));
        this.knownKeys = new TreeSet<>(leafPaths(defaults.root(), "").keySet());
    }

    public Set<String> knownKeys() {
        return knownKeys;
    }

    /**
     * @param file      the scenario file
     * @param overrides {@code key=value} pairs, the value in HOCON syntax, applied in order
     */
    public Study load(Path file, List<String> overrides) {
        String label = file.toString();
        try {
            return loadChecked(file, label, overrides);
        } catch (StackOverflowError e) {
            throw nestedTooDeeply(label);
        }
    }

    private static ScenarioException nestedTooDeeply(String label) {
        return new ScenarioException(label, null, "nested too deeply (at most " + InputLimits.MAX_NESTING
                + " levels of objects, lists and dotted keys)");
    }

    private Study loadChecked(Path file, String label, List<String> overrides) {
        if (!Files.isRegularFile(file)) throw new ScenarioException(label, null, "no such scenario file");
        Config user = parseFile(file, label);
        if (user.isEmpty()) {
            throw new ScenarioException(label, null, "the scenario is empty; set at least its name and model"
                    + " (scenarios/README.md lists every key)");
        }
        for (String override : overrides) user = applyOverride(label, user, override);
        checkDepth(label, user.root());
        checkCycles(label, user);

        Map<String, List<ConfigValue>> axes = new TreeMap<>();
        boolean commonNoise = false;
        if (user.hasPathOrNull(SWEEP)) {
            if (user.getValue(SWEEP).valueType() == ConfigValueType.OBJECT && user.hasPathOrNull(COMMON_NOISE)) {
                ConfigValue common = user.getValue(COMMON_NOISE);
                if (common.valueType() != ConfigValueType.BOOLEAN) throw new ScenarioException(label, COMMON_NOISE, "expected true or false");
                commonNoise = (Boolean) common.unwrapped();
                user = user.withoutPath(COMMON_NOISE);
            }
            axes = sweepAxes(label, user.getValue(SWEEP));
            user = user.withoutPath(SWEEP);
        }
        // a key set to its default value is not given: a run's resolved scenario.conf sets every
        // key, those of other models included, and must run again as it is
        Set<String> given = new TreeSet<>();
        for (Map.Entry<String, ConfigValue> leaf : leafPaths(user.root(), "").entrySet()) {
            checkKnown(label, leaf.getKey());
            if (!isDefault(leaf.getKey(), leaf.getValue())) given.add(leaf.getKey());
        }
        given.addAll(axes.keySet());

        List<Config> runs = new ArrayList<>();
        for (Map<String, ConfigValue> combination : Sweep.combinations(axes)) {
            Config run = user;
            for (Map.Entry<String, ConfigValue> e : combination.entrySet()) run = run.withValue(e.getKey(), e.getValue());
            try {
                Config resolved = run.withFallback(defaults).resolve();
                KeyTypes.check(label, resolved, defaults);
                runs.add(resolved);
            } catch (ConfigException e) {
                throw syntaxError(label, e);
            }
        }
        return new Study(label, runs, List.copyOf(axes.keySet()), given, commonNoise);
    }

    private boolean isDefault(String key, ConfigValue value) {
        try {
            if (!defaults.hasPathOrNull(key)) return false;
            if (defaults.getIsNull(key)) return value.valueType() == ConfigValueType.NULL;
            return defaults.getValue(key).unwrapped().equals(value.unwrapped());
        } catch (ConfigException e) {
            return false; // a substitution, resolved later: the user set it
        }
    }

    private static Config parseFile(Path file, String label) {
        try {
            long size = Files.size(file);
            if (size > InputLimits.MAX_FILE_BYTES) {
                throw new ScenarioException(label, null, size + " bytes, more than the " + InputLimits.MAX_FILE_BYTES
                        + " a scenario file may have");
            }
            return ConfigFactory.parseFile(file.toAbsolutePath().toFile(), ConfigParseOptions.defaults()
                    .setAllowMissing(false).setIncluder(new ScenarioIncluder()));
        } catch (ScenarioIncluder.IncludeException e) {
            throw new ScenarioException(label, null, e.getMessage());
        } catch (ConfigException e) {
            ScenarioIncluder.IncludeException include = ScenarioIncluder.cause(e);
            if (include != null) throw new ScenarioException(label, null, include.getMessage());
            throw syntaxError(label, e);
        } catch (java.io.IOException e) {
            throw new ScenarioException(label, null, "cannot read the scenario file: " + e.getMessage());
        }
    }

    private static void checkDepth(String label, ConfigObject root) {
        if (InputLimits.tooDeep(root)) throw nestedTooDeeply(label);
    }

    /**
     * Substitutions that refer to each other in a circle ({@code steps = ${dt}}, {@code dt = ${steps}}):
     * on top of the defaults HOCON would quietly take a default's value; resolved on their own they
     * are reported.
     */
    private static void checkCycles(String label, Config user) {
        try {
            user.resolve(ConfigResolveOptions.defaults().setAllowUnresolved(true));
        } catch (ConfigException.UnresolvedSubstitution e) {
            if (!e.getMessage().contains("cycle")) return;
            String where = e.origin() != null && e.origin().lineNumber() > 0 ? "line " + e.origin().lineNumber() : null;
            throw new ScenarioException(label, where, "substitutions refer to each other in a cycle: " + bare(e));
        } catch (ConfigException e) {
            throw syntaxError(label, e);
        }
    }

    private Config applyOverride(String label, Config user, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) throw new ScenarioException(label, null, "--set " + TerminalText.escape(override) + ": expected key=value");
        String key = override.substring(0, eq).trim();
        String text = override.substring(eq + 1);
        try {
            ConfigValue value = ConfigFactory.parseString("value = " + text,
                    ConfigParseOptions.defaults().setIncluder(new ScenarioIncluder())).getValue("value");
            return user.withValue(key, value);
        } catch (ScenarioIncluder.IncludeException e) {
            throw new ScenarioException(label, key, e.getMessage());
        } catch (ConfigException e) {
            throw new ScenarioException(label, key, "--set value " + TerminalText.quoted(text) + " is not valid HOCON: " + bare(e));
        }
    }

    private Map<String, List<ConfigValue>> sweepAxes(String label, ConfigValue sweep) {
        if (sweep.valueType() != ConfigValueType.OBJECT) {
            throw new ScenarioException(label, SWEEP, "expected an object of key = [values]");
        }
        Map<String, List<ConfigValue>> axes = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> e : leafPaths((ConfigObject) sweep, "").entrySet()) {
            String key = e.getKey();
            String where = SWEEP + "." + key;
            checkKnown(label, key);
            if (e.getValue().valueType() != ConfigValueType.LIST) {
                throw new ScenarioException(label, where, "expected a list of values to sweep over");
            }
            List<ConfigValue> values = new ArrayList<>((ConfigList) e.getValue());
            if (values.isEmpty()) throw new ScenarioException(label, where, "empty list: nothing to run");
            axes.put(key, values);
        }
        if (axes.isEmpty()) throw new ScenarioException(label, SWEEP, "no keys to sweep over");
        long runs = 1;
        for (List<ConfigValue> values : axes.values()) {
            runs *= values.size();
            if (runs > InputLimits.MAX_RUNS) {
                throw new ScenarioException(label, SWEEP, "more than " + InputLimits.MAX_RUNS
                        + " combinations; split the study into several scenarios");
            }
        }
        return axes;
    }

    private void checkKnown(String label, String key) {
        if (knownKeys.contains(key)) return;
        String section = key + ".";
        for (String known : knownKeys) {
            if (known.startsWith(section)) {
                throw new ScenarioException(label, key, "is a section, not a value (it holds keys such as " + known + ")");
            }
        }
        throw new ScenarioException(label, key, "unknown key" + DidYouMean.hint(key, knownKeys));
    }

    /** Every non-object value under {@code object} (lists and nulls included) by its dotted path. */
    static Map<String, ConfigValue> leafPaths(ConfigObject object, String prefix) {
        Map<String, ConfigValue> out = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> e : object.entrySet()) {
            String path = prefix + e.getKey();
            if (e.getValue() instanceof ConfigObject child && !child.isEmpty()) {
                out.putAll(leafPaths(child, path + "."));
            } else {
                out.put(path, e.getValue());
            }
        }
        return out;
    }

    private static ScenarioException syntaxError(String label, ConfigException e) {
        String where = e.origin() != null && e.origin().lineNumber() > 0 ? "line " + e.origin().lineNumber() : null;
        return new ScenarioException(label, where, bare(e));
    }

    /** The exception's message without the origin prefix Typesafe Config puts in front. */
    private static String bare(ConfigException e) {
        String m = e.getMessage();
        if (e.origin() != null) {
            String prefix = e.origin().description() + ": ";
            if (m.startsWith(prefix)) m = m.substring(prefix.length());
        }
        return m;
    }
}
