package org.dysonsim.protocol.kryo;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The stable numeric id of every class the Kryo serializer accepts. Ids below
 * {@link #FIRST_CONFIGURED_ID} belong to the serializer itself ({@link #BUILT_INS}); the others
 * come from {@code dysonsim.kryo.classes}, given in one place (this module's {@code reference.conf})
 * for every module, so a class may be renamed or moved by editing its line while the bytes in old
 * journals stay readable. A registered class that is not on the class path (a module the process
 * does not carry) is left out of the table and listed by {@link #absent()}.
 */
public final class KryoClassTable {

    public static final String CONFIG_PATH = "dysonsim.kryo.classes";

    /** Ids 0–9 are Kryo's primitives and String; 10–99 the JDK classes messages may contain. */
    public static final int FIRST_BUILT_IN_ID = 10;
    public static final int FIRST_CONFIGURED_ID = 100;

    /** The id of every typed {@code ActorRef}, whatever its implementation class. */
    public static final int ACTOR_REF_ID = 16;

    static final Map<Class<?>, Integer> BUILT_INS = builtIns();

    private static final Pattern BINARY_NAME =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(?:[.$]\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)+");

    private final SortedMap<Integer, Class<?>> byId;
    private final SortedMap<Integer, String> absent;

    private KryoClassTable(SortedMap<Integer, Class<?>> byId, SortedMap<Integer, String> absent) {
        this.byId = byId;
        this.absent = absent;
    }

    /** Every class and its id, in id order. */
    public SortedMap<Integer, Class<?>> byId() {
        return byId;
    }

    /** The registered names no class on the class path answers to, by id. */
    public SortedMap<Integer, String> absent() {
        return absent;
    }

    /**
     * Reads and checks {@code dysonsim.kryo.classes}: every id must be an integer of at least
     * {@value #FIRST_CONFIGURED_ID}, no id may name two classes, and every name must be a valid
     * binary class name; a name whose class is not on the class path goes to {@link #absent()}.
     *
     * @throws IllegalArgumentException naming the offending key
     */
    public static KryoClassTable fromConfig(Config config, ClassLoader loader) {
        SortedMap<Integer, Class<?>> byId = new TreeMap<>();
        SortedMap<Integer, String> absent = new TreeMap<>();
        BUILT_INS.forEach((type, id) -> byId.put(id, type));
        if (!config.hasPath(CONFIG_PATH)) {
            return new KryoClassTable(byId, absent);
        }
        Map<Integer, String> configuredNames = new HashMap<>();
        for (Map.Entry<String, ConfigValue> entry : classesObject(config).entrySet()) {
            String name = entry.getKey();
            int id = idOf(name, entry.getValue());
            String previous = configuredNames.putIfAbsent(id, name);
            if (previous != null) {
                throw new IllegalArgumentException(CONFIG_PATH + ": id " + id + " is given to both \"" + previous
                        + "\" and \"" + name + "\"; every class needs its own id");
            }
            Class<?> type = load(name, loader);
            if (type == null) absent.put(id, name);
            else byId.put(id, type);
        }
        return new KryoClassTable(byId, absent);
    }

    private static Map<String, ConfigValue> classesObject(Config config) {
        try {
            return config.getObject(CONFIG_PATH);
        } catch (ConfigException.WrongType e) {
            throw new IllegalArgumentException(CONFIG_PATH + " must be an object of \"class name\" = id", e);
        }
    }

    private static int idOf(String name, ConfigValue value) {
        if (value.valueType() != ConfigValueType.NUMBER || !(value.unwrapped() instanceof Integer id)) {
            throw new IllegalArgumentException(CONFIG_PATH + ".\"" + name + "\": the id must be an integer, got "
                    + value.render());
        }
        if (id < FIRST_CONFIGURED_ID) {
            throw new IllegalArgumentException(CONFIG_PATH + ".\"" + name + "\": id " + id + " is below "
                    + FIRST_CONFIGURED_ID + "; ids " + FIRST_BUILT_IN_ID + "–" + (FIRST_CONFIGURED_ID - 1)
                    + " are the serializer's built-ins");
        }
        return id;
    }

    /** The class, or null if none of that name is on the class path. */
    private static Class<?> load(String name, ClassLoader loader) {
        if (!BINARY_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(CONFIG_PATH + ".\"" + name + "\": not a binary class name"
                    + " (package.Outer$Inner)");
        }
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            return null;
        } catch (LinkageError e) {
            throw new IllegalArgumentException(CONFIG_PATH + ".\"" + name + "\": the class does not load", e);
        }
    }

    private static Map<Class<?>, Integer> builtIns() {
        Map<Class<?>, Integer> ids = new LinkedHashMap<>();
        ids.put(double[].class, 10);
        ids.put(long[].class, 11);
        ids.put(int[].class, 12);
        ids.put(double[][].class, 13);
        ids.put(String[].class, 14);
        ids.put(ArrayList.class, 15);
        ids.put(org.apache.pekko.actor.typed.ActorRef.class, ACTOR_REF_ID);
        ids.put(byte[].class, 17);
        ids.put(boolean[].class, 18);
        ids.put(long[][].class, 19);
        ids.put(int[][].class, 20);
        ids.put(HashMap.class, 21);
        ids.put(LinkedHashMap.class, 22);
        ids.put(float[].class, 23);
        ids.put(ImmutableListSerializer.SMALL, 24); // List.of / List.copyOf of one or two elements
        ids.put(ImmutableListSerializer.ANY, 25);   // … of any other size
        return Map.copyOf(ids);
    }
}
