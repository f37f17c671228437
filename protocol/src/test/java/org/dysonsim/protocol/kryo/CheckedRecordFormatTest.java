package org.dysonsim.protocol.kryo;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryChecksum;
import org.dysonsim.protocol.TrajectoryEvent.GradientRecorded;
import org.dysonsim.protocol.TrajectoryEvent.NetworkMetricsRecorded;
import org.dysonsim.protocol.TrajectoryEvent.SnapshotRecorded;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stored form of the checked records: their checksum survives a round trip, a changed bit is
 * noticed, and bytes written before records had a checksum (Kryo's record serializer, by name)
 * still read, unchecked.
 */
class CheckedRecordFormatTest {

    /** The snapshot as it was before it had a checksum; Kryo writes a record's fields by name. */
    record OldSnapshot(long step, double t, double[] values) {}

    record OldGradient(long step, double t, double loss, double[] singularValues, double[] projections,
                       double[] projectionVariances, double noiseVariance) {}

    /** A network's metrics as they were before they carried random distances. */
    record OldMetrics(long step, double t, double trainLoss, double testLoss, double testAccuracy, long checksum) {}

    /** A message carrying metrics, followed by other fields. */
    record CarriedMetrics(NetworkMetricsRecorded metrics, String after) {}

    /** A stored recorder state holds a snapshot inside it, followed by other fields. */
    record OldState(String failure, OldSnapshot last, String started) {}

    record NewState(String failure, SnapshotRecorded last, String started) {}

    private static Kryo kryo() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(true);
        kryo.register(double[].class, 20);
        kryo.register(SnapshotRecorded.class, 101);
        kryo.register(GradientRecorded.class, 130);
        kryo.register(OldSnapshot.class, 901);
        kryo.register(OldGradient.class, 902);
        kryo.register(OldState.class, 903);
        kryo.register(NewState.class, 904);
        kryo.register(NetworkMetricsRecorded.class, 360);
        kryo.register(OldMetrics.class, 905);
        kryo.register(CarriedMetrics.class, 906);
        return kryo;
    }

    private static byte[] write(Kryo kryo, Object o) {
        try (Output output = new Output(256, -1)) {
            kryo.writeObject(output, o);
            return output.toBytes();
        }
    }

    private static <T> T read(Kryo kryo, byte[] bytes, Class<T> type) {
        try (Input input = new Input(bytes)) {
            return kryo.readObject(input, type);
        }
    }

    @Test
    void aSnapshotKeepsItsChecksumAndNoticesAChangedBit() {
        Kryo kryo = kryo();
        SnapshotRecorded snapshot = new SnapshotRecorded(40, 0.4, new double[] {-1.25, 0.5, 3.0});
        assertNotEquals(TrajectoryChecksum.ABSENT, snapshot.checksum());
        SnapshotRecorded back = read(kryo, write(kryo, snapshot), SnapshotRecorded.class);
        assertEquals(snapshot.checksum(), back.checksum());
        assertArrayEquals(snapshot.values(), back.values());
        assertTrue(back.intact());

        byte[] bytes = write(kryo, snapshot);
        bytes[bytes.length - 3] ^= 0x04; // a bit of the last value
        SnapshotRecorded flipped = read(kryo, bytes, SnapshotRecorded.class);
        assertFalse(flipped.intact(), "a flipped bit of a value");
        assertFalse(new SnapshotRecorded(41, 0.4, snapshot.values(), snapshot.checksum()).intact(), "another step");
        assertFalse(new SnapshotRecorded(40, 0.4, new double[] {-1.25, 0.5, -0.0 + 3.0000000000000004},
                snapshot.checksum()).intact(), "the last bit of a value");
    }

    @Test
    void aGradientRecordKeepsItsChecksumAndNoticesAChangedBit() {
        Kryo kryo = kryo();
        GradientRecorded record = new GradientRecorded(10, 0.1, 2.5, new double[] {3, 2}, new double[] {0.1, 0.2},
                new double[] {0.01, Double.NaN}, 0.75);
        GradientRecorded back = read(kryo, write(kryo, record), GradientRecorded.class);
        assertEquals(record.checksum(), back.checksum());
        assertTrue(back.intact());
        GradientRecorded moved = new GradientRecorded(10, 0.1, 2.5, new double[] {3}, new double[] {2, 0.1, 0.2},
                new double[] {0.01, Double.NaN}, 0.75, record.checksum());
        assertFalse(moved.intact(), "a value moved from one array to the next");
    }

    @Test
    void snapshotsWrittenBeforeChecksumsReadBackUnchecked() {
        Kryo kryo = kryo();
        double[] values = {0.25, -7.5};
        SnapshotRecorded old = read(kryo, write(kryo, new OldSnapshot(12, 1.2, values)), SnapshotRecorded.class);
        assertEquals(12, old.step());
        assertEquals(1.2, old.t());
        assertArrayEquals(values, old.values());
        assertEquals(TrajectoryChecksum.ABSENT, old.checksum());
        assertTrue(old.intact());

        // inside a stored recorder state, other fields follow the snapshot
        NewState state = read(kryo, write(kryo, new OldState(null, new OldSnapshot(0, 0, values), "after")),
                NewState.class);
        assertEquals(0, state.last().step());
        assertArrayEquals(values, state.last().values());
        assertEquals("after", state.started());
        NewState current = read(kryo, write(kryo, new NewState("x", new SnapshotRecorded(3, 0.3, values), "after")),
                NewState.class);
        assertTrue(current.last().intact());
        assertNotEquals(TrajectoryChecksum.ABSENT, current.last().checksum());
        assertEquals("after", current.started());
    }

    @Test
    void gradientRecordsWrittenBeforeChecksumsReadBackUnchecked() {
        Kryo kryo = kryo();
        OldGradient old = new OldGradient(20, 0.2, 1.5, new double[] {4, 1}, new double[] {0.3, 0.4},
                new double[] {0.02, 0.03}, 0.5);
        GradientRecorded back = read(kryo, write(kryo, old), GradientRecorded.class);
        assertEquals(20, back.step());
        assertEquals(1.5, back.loss());
        assertArrayEquals(old.singularValues(), back.singularValues());
        assertArrayEquals(old.projectionVariances(), back.projectionVariances());
        assertEquals(0.5, back.noiseVariance());
        assertEquals(TrajectoryChecksum.ABSENT, back.checksum());
    }

    @Test
    void networkMetricsCarryTheirRandomDistancesUnderTheChecksum() {
        Kryo kryo = kryo();
        NetworkMetricsRecorded record = new NetworkMetricsRecorded(250, 12.5, 0.4, 0.5, 0.8, new double[] {0.05, 0.3},
                new double[] {0.02, 0.9});
        NetworkMetricsRecorded back = read(kryo, write(kryo, record), NetworkMetricsRecorded.class);
        assertTrue(back.intact());
        assertArrayEquals(record.randomDistanceKs(), back.randomDistanceKs());
        assertArrayEquals(record.randomDistanceW1(), back.randomDistanceW1());
        assertEquals(record.checksum(), back.checksum());
        assertFalse(new NetworkMetricsRecorded(250, 12.5, 0.4, 0.5, 0.8, new double[] {0.05, 0.31},
                record.randomDistanceW1(), record.checksum()).intact(), "a changed distance");
        assertFalse(new NetworkMetricsRecorded(250, 12.5, 0.4, 0.5, 0.8, null, null, record.checksum()).intact(),
                "distances dropped");
        NetworkMetricsRecorded without = read(kryo, write(kryo, new NetworkMetricsRecorded(5, 0.25, 1, 2, 0.5)),
                NetworkMetricsRecorded.class);
        assertFalse(without.measuredRandomDistance());
        assertTrue(without.intact());
        // inside a message, fields follow the metrics
        CarriedMetrics carried = read(kryo, write(kryo, new CarriedMetrics(record, "after")), CarriedMetrics.class);
        assertArrayEquals(record.randomDistanceW1(), carried.metrics().randomDistanceW1());
        assertEquals("after", carried.after());
    }

    @Test
    void networkMetricsWrittenBeforeRandomDistancesReadBackWithoutThemAndChecked() {
        Kryo kryo = kryo();
        long checksum = new NetworkMetricsRecorded(30, 1.5, 0.7, 0.9, 0.625).checksum();
        NetworkMetricsRecorded back = read(kryo, write(kryo, new OldMetrics(30, 1.5, 0.7, 0.9, 0.625, checksum)),
                NetworkMetricsRecorded.class);
        assertEquals(30, back.step());
        assertEquals(1.5, back.t());
        assertEquals(0.7, back.trainLoss());
        assertEquals(0.9, back.testLoss());
        assertEquals(0.625, back.testAccuracy());
        assertFalse(back.measuredRandomDistance(), "absent, not zero");
        assertEquals(checksum, back.checksum());
        assertTrue(back.intact(), "the old checksum still checks the old fields");
        NetworkMetricsRecorded changed = read(kryo, write(kryo, new OldMetrics(30, 1.5, 0.7, 0.9, 0.5, checksum)),
                NetworkMetricsRecorded.class);
        assertFalse(changed.intact());
    }

    @Test
    void aRecordCommandCarriesTheSnapshotWithItsChecksum() {
        SnapshotRecorded snapshot = new SnapshotRecorded(5, 0.05, new double[] {1});
        var record = new RecorderCommand.Record(snapshot, null);
        assertEquals(TrajectoryChecksum.of(5, 0.05, new double[] {1}), record.snapshot().checksum());
    }
}
