package org.dysonsim.bench;

import java.io.NotSerializableException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.dysonsim.protocol.kryo.KryoSerializer;

/**
 * The project's Kryo serializer, counting what it writes: bound in place of it (same identifier,
 * same bytes) in the actor systems of {@code dyson bench --cluster}, where only messages that
 * leave their node are serialized, so the counts are the payload bytes sent over the network
 * (remoting adds its own envelope per message on top).
 */
public final class CountingSerializer extends SerializerWithStringManifest {

    /** What was serialized since the last {@link #reset()}, by message class. */
    public record Count(long messages, long bytes) {}

    private static final Map<String, LongAdder[]> COUNTS = new ConcurrentHashMap<>();

    private final KryoSerializer kryo;

    public CountingSerializer(ExtendedActorSystem system) {
        this.kryo = new KryoSerializer(system);
    }

    public static void reset() {
        COUNTS.clear();
    }

    /** Messages and bytes by simple class name (Outer$Inner), sorted. */
    public static Map<String, Count> counts() {
        Map<String, Count> result = new TreeMap<>();
        COUNTS.forEach((type, adders) -> result.put(type, new Count(adders[0].sum(), adders[1].sum())));
        return result;
    }

    @Override
    public int identifier() {
        return kryo.identifier();
    }

    @Override
    public String manifest(Object o) {
        return kryo.manifest(o);
    }

    @Override
    public byte[] toBinary(Object o) {
        byte[] bytes = kryo.toBinary(o);
        String type = o.getClass().getName();
        LongAdder[] adders = COUNTS.computeIfAbsent(type.substring(type.lastIndexOf('.') + 1),
                t -> new LongAdder[] {new LongAdder(), new LongAdder()});
        adders[0].increment();
        adders[1].add(bytes.length);
        return bytes;
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        return kryo.fromBinary(bytes, manifest);
    }
}
