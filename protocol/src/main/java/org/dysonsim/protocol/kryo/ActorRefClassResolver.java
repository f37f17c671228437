package org.dysonsim.protocol.kryo;

import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Kryo's class resolver, except that every implementation of a typed {@link ActorRef} (adapters,
 * promise refs, test probes) is written under the one registration of the interface: the bytes
 * carry only the actor's path, so its implementation class never needs its own id.
 */
final class ActorRefClassResolver extends DefaultClassResolver {

    @Override
    public Registration getRegistration(Class type) {
        Registration registration = super.getRegistration(type);
        if (registration == null && type != null && ActorRef.class.isAssignableFrom(type)) {
            return super.getRegistration(ActorRef.class);
        }
        return registration;
    }
}
