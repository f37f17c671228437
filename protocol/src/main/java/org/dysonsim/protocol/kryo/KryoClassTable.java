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

/**
 * The stable numeric id of every class the Kryo serializer accepts. Ids below
 * {@link #FIRST_CONFIGURED_ID} belong to the serializer itself ({@link #BUILT_INS}); the others
 * come from {@code dysonsim.kryo.classes} in each module's {@code reference.conf}, so a class may
 * be renamed or moved by editing its line while the bytes in old journals stay readable.
 */
public final class KryoClassTable {

    public static final String CONFIG_PATH = "dysonsim.kryo.classes";

    /** Ids 0–9 are Kryo's primitives and String; 10–99 the JDK classes messages may contain. */
    public static final int FIRST_BUILT_IN_ID = 10;
    public static final int FIRST_CONFIGURED_ID = 100;

    /** The id of every typed {@code ActorRef}, whatever its implementation class. */
    public static final int ACTOR_REF_ID = 16;

    static final Map<Class<?>, Integer> BUILT_INS = builtIns();

    private final SortedMap<Integer, Class<?>> byId;

    private KryoClassTable(SortedMap<Integer, Class<?>> byId) {
        this.byId = byId;
    }

    /** Every class and its id, in id order. */
    public SortedMap<Integer, Class<?>> byId() {
        return byId;
    }

    /**
     * Reads and checks {@code dysonsim.kryo.classes}: every class must load, every id must be an
     * integer of at least {@value #FIRST_CONFIGURED_ID}, and no id may name two classes.
     *
     * @throws IllegalArgumentException naming the offending key
     */
    public static KryoClassTable fromConfig(Config config, ClassLoader loader) {
        SortedMap<Integer, Class<?>> byId = new TreeMap<>();
        BUILT_INS.forEach((type, id) -> byId.put(id, type));
        if (!config.hasPath(CONFIG_PATH)) {
            return new KryoClassTable(byId);
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
            byId.put(id, load(name, loader));
        }
        return new KryoClassTable(byId);
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

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException(CONFIG_PATH + ".\"" + name + "\": no such class on the class path"
                    + " (nested classes are written Outer$Inner)", e);
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
        return Map.copyOf(ids);
    }
}
