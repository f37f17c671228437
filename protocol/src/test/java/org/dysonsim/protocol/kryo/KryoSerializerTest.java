package org.dysonsim.protocol.kryo;

import com.esotericsoftware.kryo.serializers.RecordSerializer;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.dysonsim.protocol.kryo.KryoTestMessages.PREFIX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KryoSerializerTest {

    private static final Config TEST_CLASSES = ConfigFactory.parseString("""
            dysonsim.kryo.classes {
              "%1$sHolder" = 190
              "%1$sStop" = 191
              "%1$sPing" = 192
              "%1$sPong" = 193
              "%1$sBeforeRename" = 198
            }
            """.formatted(PREFIX));

    private final ActorTestKit testKit = ActorTestKit.create("kryo", TEST_CLASSES.withFallback(ActorTestKit.applicationTestConfig()));
    private final Serialization serialization = SerializationExtension.get(testKit.system().classicSystem());

    @AfterAll
    void shutdown() {
        testKit.shutdownTestKit();
    }

    @Test
    void everyProtocolMessageAndEventRoundTripsThroughKryo() throws Exception {
        TestProbe<RecorderCommand.Ack> acks = testKit.createTestProbe();
        TestProbe<RecorderCommand.RecorderState> states = testKit.createTestProbe();
        var started = new TrajectoryEvent.RunStarted("run-1", 3, "name = harmonic\nn = 4", 42L, "0.1.0", 4);
        var snapshot = new TrajectoryEvent.SnapshotRecorded(10, 0.25, new double[] {-1.5, 0.0, 2.5e-300, Double.MAX_VALUE});
        var completed = new TrajectoryEvent.RunCompleted(100, 2.5);
        var failed = new TrajectoryEvent.RunFailed(57, "non-finite position of eigenvalue 3");
        List<Object> messages = new ArrayList<>(List.of(started, snapshot, completed, failed,
                new RecorderCommand.Begin(started, acks.ref()),
                new RecorderCommand.Record(snapshot, acks.ref()),
                new RecorderCommand.Complete(completed, acks.ref()),
                new RecorderCommand.Fail(failed, acks.ref()),
                new RecorderCommand.GetState(states.ref()),
                new RecorderCommand.Ack(10),
                new RecorderCommand.RecorderState(started, snapshot, RecorderCommand.Status.RUNNING, null)));
        for (RecorderCommand.Status status : RecorderCommand.Status.values()) {
            messages.add(new RecorderCommand.RecorderState(null, null, status, "reason of " + status));
        }

        for (Object message : messages) {
            Serializer serializer = serialization.findSerializerFor(message);
            assertInstanceOf(KryoSerializer.class, serializer, message.getClass().getName());
            String manifest = Serializers.manifestFor(serializer, message);
            assertTrue(Integer.parseInt(manifest) >= KryoClassTable.FIRST_CONFIGURED_ID, manifest);
            byte[] bytes = serialization.serialize(message).get();
            Object back = serialization.deserialize(bytes, serializer.identifier(), manifest).get();
            assertTrue(RecordEquality.same(message, back), () -> message + " came back as " + back);
        }
    }

    @Test
    void pekkoVerifiesEveryMessageAsItWould() {
        TestProbe<RecorderCommand.Ack> acks = testKit.createTestProbe();
        SerializationTestKit verifier = new SerializationTestKit(testKit.system());
        verifier.verifySerialization(new RecorderCommand.Ack(7), true);
        verifier.verifySerialization(new TrajectoryEvent.RunCompleted(7, 0.5), true);
        verifier.verifySerialization(new RecorderCommand.Record(
                new TrajectoryEvent.SnapshotRecorded(7, 0.5, new double[] {1, 2}), acks.ref()), false);
        verifier.verifySerialization(KryoTestMessages.Stop.INSTANCE, true);
    }

    @Test
    void typedActorRefsResolveToTheSameActor() throws Exception {
        TestProbe<KryoTestMessages.Pong> probe = testKit.createTestProbe();
        var ping = new KryoTestMessages.Ping("hello", probe.ref());
        var back = (KryoTestMessages.Ping) roundTrip(ping);
        assertEquals(probe.ref(), back.replyTo());
        back.replyTo().tell(new KryoTestMessages.Pong("through the resolved ref"));
        assertEquals("through the resolved ref", probe.receiveMessage().text());
    }

    @Test
    void enumSingletonsComeBackAsTheSameInstance() throws Exception {
        assertSame(KryoTestMessages.Stop.INSTANCE, roundTrip(KryoTestMessages.Stop.INSTANCE));
        var state = new RecorderCommand.RecorderState(null, null, RecorderCommand.Status.COMPLETED, null);
        assertSame(RecorderCommand.Status.COMPLETED, ((RecorderCommand.RecorderState) roundTrip(state)).status());
    }

    @Test
    void recordsUseKryosRecordSupportExceptTheCheckedRecords() throws Exception {
        KryoSerializer kryo = (KryoSerializer) serialization.serializerFor(TrajectoryEvent.SnapshotRecorded.class);
        assertEquals(RecordSerializer.class, kryo.kryoSerializerClassOf(RecorderCommand.Begin.class));
        assertEquals(RecordSerializer.class, kryo.kryoSerializerClassOf(TrajectoryEvent.RunStarted.class));
        assertEquals(SnapshotRecordedSerializer.class, kryo.kryoSerializerClassOf(TrajectoryEvent.SnapshotRecorded.class));
        assertEquals(GradientRecordedSerializer.class, kryo.kryoSerializerClassOf(TrajectoryEvent.GradientRecorded.class));
    }

    @Test
    void anUnregisteredClassIsRefusedWhenWritten() {
        var failure = serialization.serialize(new KryoTestMessages.Unregistered(1)).failed().get();
        assertInstanceOf(NotSerializableException.class, failure);
        assertTrue(failure.getMessage().contains(PREFIX + "Unregistered"), failure.getMessage());
    }

    @Test
    void anUnregisteredClassNestedInARegisteredOneIsRefused() {
        var failure = serialization.serialize(new KryoTestMessages.Holder(new KryoTestMessages.Unregistered(1)))
                .failed().get();
        assertInstanceOf(NotSerializableException.class, failure);
        assertTrue(failure.getMessage().contains(PREFIX + "Unregistered"), failure.getMessage());
    }

    @Test
    void bytesNamingAnUnknownIdAreRefusedWhenRead() throws Exception {
        KryoSerializer kryo = (KryoSerializer) serialization.serializerFor(RecorderCommand.Ack.class);
        var unknown = assertThrows(NotSerializableException.class, () -> kryo.fromBinary(new byte[] {1, 2, 3}, "4242"));
        assertTrue(unknown.getMessage().contains("4242"), unknown.getMessage());
        assertThrows(NotSerializableException.class, () -> kryo.fromBinary(new byte[] {1}, "java.lang.Runtime"));

        // A registered holder whose payload claims a class id nobody registered.
        byte[] holderOfAck = kryo.toBinary(new KryoTestMessages.Holder(new RecorderCommand.Ack(5)));
        byte[] tampered = holderOfAck.clone();
        tampered[0] = (byte) 0x7f; // Kryo writes class id + 2 as a varint: 127 is id 125, unregistered
        var nested = assertThrows(NotSerializableException.class, () -> kryo.fromBinary(tampered, "190"));
        assertTrue(nested.getMessage().contains("125"), nested.getMessage());
    }

    @Test
    void aRenamedClassReadsTheBytesWrittenUnderItsOldName() throws Exception {
        var before = new KryoTestMessages.BeforeRename(12, new double[] {0.5, -3.0}, "written by the old build");
        byte[] bytes = serialization.serialize(before).get();
        String manifest = Serializers.manifestFor(serialization.findSerializerFor(before), before);
        assertEquals("198", manifest);

        Config renamed = ConfigFactory.parseString("dysonsim.kryo.classes { \"" + PREFIX + "AfterRename\" = 198 }");
        ActorTestKit newBuild = ActorTestKit.create("kryo-renamed", renamed.withFallback(ActorTestKit.applicationTestConfig()));
        try {
            Object read = SerializationExtension.get(newBuild.system().classicSystem())
                    .deserialize(bytes, KryoSerializer.IDENTIFIER, manifest).get();
            var after = assertInstanceOf(KryoTestMessages.AfterRename.class, read);
            assertEquals(12, after.step());
            assertArrayEquals(before.values(), after.values());
            assertEquals(before.note(), after.note());
        } finally {
            newBuild.shutdownTestKit();
        }
    }

    @Test
    void manyThreadsSerializeAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int step = i;
                tasks.add(() -> {
                    for (int k = 0; k < 50; k++) {
                        var event = new TrajectoryEvent.SnapshotRecorded(step * 100L + k, k, new double[] {step, k});
                        if (!RecordEquality.same(event, roundTrip(event))) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    private Object roundTrip(Object message) throws Exception {
        Serializer serializer = serialization.findSerializerFor(message);
        byte[] bytes = serialization.serialize(message).get();
        return serialization.deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, message)).get();
    }
}
