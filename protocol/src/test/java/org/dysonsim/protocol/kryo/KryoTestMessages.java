package org.dysonsim.protocol.kryo;

import org.apache.pekko.actor.typed.ActorRef;
import org.dysonsim.protocol.Wire;

/** Messages the serializer tests register themselves (ids 190–199 in the tests' configuration). */
final class KryoTestMessages {

    private KryoTestMessages() {}

    /** Registered: a message whose field may hold anything, to show nested classes are checked too. */
    public record Holder(Object payload) implements Wire {}

    /** Never registered. */
    public record Unregistered(int x) implements Wire {}

    /** A singleton message, the Pekko typed style for a parameterless command. */
    public enum Stop implements Wire { INSTANCE }

    public record Ping(String text, ActorRef<Pong> replyTo) implements Wire {}

    public record Pong(String text) implements Wire {}

    /** The same data under two names: an older build's class and its renamed successor. */
    public record BeforeRename(long step, double[] values, String note) implements Wire {}

    public record AfterRename(long step, double[] values, String note) implements Wire {}

    static final String PREFIX = "org.dysonsim.protocol.kryo.KryoTestMessages$";
}
