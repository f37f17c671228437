package org.dysonsim.protocol.kryo;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializerWithStringManifest;

import java.io.NotSerializableException;
import java.util.HashMap;
import java.util.Map;

/**
 * The Pekko serializer of every {@link org.dysonsim.protocol.Wire} message and event: Kryo with
 * registration required, ids from {@code dysonsim.kryo.classes} ({@link KryoClassTable}). The
 * manifest is the id, never the class name, so a renamed class still reads old bytes, and bytes
 * naming an id that is not registered are refused before anything is instantiated.
 */
public final class KryoSerializer extends SerializerWithStringManifest {

    /** Pekko's serializer id (0–40 are Pekko's own); never change it, journals store it. */
    public static final int IDENTIFIER = 1962;

    private static final int POOL_SIZE = 64;
    private static final int INITIAL_BUFFER = 256;

    private final ExtendedActorSystem system;
    private final KryoClassTable table;
    private final Map<Class<?>, String> manifestByClass = new HashMap<>();
    private final Pool<Kryo> pool;
    private volatile ActorRefResolver resolver;

    /**
     * Reads and checks the class table and builds one Kryo instance, so a bad configuration
     * fails when the actor system starts.
     *
     * @throws IllegalArgumentException naming the configuration key at fault
     */
    public KryoSerializer(ExtendedActorSystem system) {
        this.system = system;
        this.table = KryoClassTable.fromConfig(system.settings().config(), system.dynamicAccess().classLoader());
        table.byId().forEach((id, type) -> manifestByClass.put(type, Integer.toString(id)));
        this.pool = new Pool<>(true, false, POOL_SIZE) {
            @Override
            protected Kryo create() {
                return newKryo();
            }
        };
        pool.free(newKryo());
    }

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public String manifest(Object o) {
        String manifest = manifestByClass.get(o.getClass());
        if (manifest == null) {
            throw sneaky(unregistered(o.getClass()));
        }
        return manifest;
    }

    @Override
    public byte[] toBinary(Object o) {
        manifest(o);
        Kryo kryo = pool.obtain();
        try (Output output = new Output(INITIAL_BUFFER, -1)) {
            kryo.writeObject(output, o);
            return output.toBytes();
        } catch (KryoException | IllegalArgumentException e) {
            NotSerializableException refused = new NotSerializableException(
                    "cannot serialize " + o.getClass().getName() + ": " + e.getMessage());
            refused.initCause(e);
            throw sneaky(refused);
        } finally {
            pool.free(kryo);
        }
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        Class<?> type = typeOf(manifest);
        Kryo kryo = pool.obtain();
        try (Input input = new Input(bytes)) {
            return kryo.readObject(input, type);
        } catch (KryoException | IllegalArgumentException e) {
            NotSerializableException refused = new NotSerializableException(
                    "cannot read " + type.getName() + " (Kryo id " + manifest + "): " + e.getMessage());
            refused.initCause(e);
            throw refused;
        } finally {
            pool.free(kryo);
        }
    }

    private Class<?> typeOf(String manifest) throws NotSerializableException {
        Class<?> type = null;
        try {
            type = table.byId().get(Integer.parseInt(manifest));
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        String absent = type == null ? absentName(manifest) : null;
        if (absent != null) {
            throw new NotSerializableException("Kryo id " + manifest + " names " + absent
                    + ", which is not on this process's class path; refusing to read it");
        }
        if (type == null || type == ActorRef.class) {
            throw new NotSerializableException("no class is registered under Kryo id \"" + manifest
                    + "\" (" + KryoClassTable.CONFIG_PATH + "); refusing to read it");
        }
        return type;
    }

    private String absentName(String manifest) {
        try {
            return table.absent().get(Integer.parseInt(manifest));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Kryo newKryo() {
        Kryo kryo = new Kryo(new ActorRefClassResolver(), null);
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        kryo.setClassLoader(system.dynamicAccess().classLoader());
        table.byId().forEach((id, type) -> {
            if (type == ActorRef.class) {
                kryo.register(new Registration(type, new TypedActorRefSerializer(this::resolver), id));
            } else if (type == ImmutableListSerializer.SMALL || type == ImmutableListSerializer.ANY) {
                kryo.register(new Registration(type, new ImmutableListSerializer(), id));
            } else {
                kryo.register(type, id);
            }
        });
        return kryo;
    }

    /** The Kryo serializer this serializer uses for {@code type}: lets tests see records use Kryo's record support. */
    Class<?> kryoSerializerClassOf(Class<?> type) {
        Kryo kryo = pool.obtain();
        try {
            return kryo.getRegistration(type).getSerializer().getClass();
        } finally {
            pool.free(kryo);
        }
    }

    private ActorRefResolver resolver() {
        ActorRefResolver current = resolver;
        if (current == null) {
            current = ActorRefResolver.get(Adapter.toTyped(system));
            resolver = current;
        }
        return current;
    }

    private static NotSerializableException unregistered(Class<?> type) {
        return new NotSerializableException(type.getName() + " has no Kryo id; add it to "
                + KryoClassTable.CONFIG_PATH + " in the protocol module's reference.conf");
    }

    /** Pekko's toBinary declares no checked exception, yet its callers expect NotSerializableException. */
    @SuppressWarnings("unchecked")
    private static <E extends Exception> RuntimeException sneaky(Exception e) throws E {
        throw (E) e;
    }
}
