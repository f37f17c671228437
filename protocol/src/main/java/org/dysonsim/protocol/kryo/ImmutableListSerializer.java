package org.dysonsim.protocol.kryo;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.List;

/**
 * Kryo's form of the JDK's unmodifiable lists ({@code List.of}, {@code List.copyOf}), which a
 * record's compact constructor makes of its list fields: the size, then each element with its
 * class; read back as {@code List.copyOf} (the JDK picks the class by size).
 */
final class ImmutableListSerializer extends Serializer<List<?>> {
    /** The classes {@code List.copyOf} returns: for one or two elements, and for any other size. */
    static final Class<?> SMALL = List.of(1).getClass(), ANY = List.of(1, 2, 3).getClass();

    ImmutableListSerializer() {
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, List<?> list) {
        output.writeVarInt(list.size(), true);
        for (Object element : list) kryo.writeClassAndObject(output, element);
    }

    @Override
    public List<?> read(Kryo kryo, Input input, Class<? extends List<?>> type) {
        int size = input.readVarInt(true);
        List<Object> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) out.add(kryo.readClassAndObject(input));
        return List.copyOf(out);
    }
}
