package org.dysonsim.protocol.kryo;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;

import java.util.function.Supplier;

/** Writes a typed {@link ActorRef} as its serialization path and resolves the path on read. */
final class TypedActorRefSerializer extends Serializer<ActorRef<?>> {

    private final Supplier<ActorRefResolver> resolver;

    /** @param resolver looked up on first use, once the actor system is fully started */
    TypedActorRefSerializer(Supplier<ActorRefResolver> resolver) {
        super(false, true);
        this.resolver = resolver;
    }

    @Override
    public void write(Kryo kryo, Output output, ActorRef<?> ref) {
        output.writeString(resolver.get().toSerializationFormat(ref));
    }

    @Override
    public ActorRef<?> read(Kryo kryo, Input input, Class<? extends ActorRef<?>> type) {
        return resolver.get().resolveActorRef(input.readString());
    }
}
