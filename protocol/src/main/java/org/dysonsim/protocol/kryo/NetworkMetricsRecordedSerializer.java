package org.dysonsim.protocol.kryo;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.dysonsim.protocol.TrajectoryEvent.NetworkMetricsRecorded;

/**
 * Kryo's form of a {@link NetworkMetricsRecorded}: the fields exactly as Kryo's record serializer
 * wrote them before the record had random distances (by name, the checksum first), then whether
 * distances follow and, if so, the two arrays. A metrics record is stored only as a journal event
 * of its own, never inside another stored object, so one that ends after its old fields was written
 * by an older build: it reads without distances, its checksum that of the old fields.
 */
public final class NetworkMetricsRecordedSerializer extends Serializer<NetworkMetricsRecorded> {

    public NetworkMetricsRecordedSerializer() {
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, NetworkMetricsRecorded record) {
        kryo.writeObject(output, record.checksum());
        kryo.writeObject(output, record.step());
        kryo.writeObject(output, record.t());
        kryo.writeObject(output, record.testAccuracy());
        kryo.writeObject(output, record.testLoss());
        kryo.writeObject(output, record.trainLoss());
        output.writeBoolean(record.measuredRandomDistance());
        if (record.measuredRandomDistance()) {
            kryo.writeObject(output, record.randomDistanceKs());
            kryo.writeObject(output, record.randomDistanceW1());
        }
    }

    @Override
    public NetworkMetricsRecorded read(Kryo kryo, Input input, Class<? extends NetworkMetricsRecorded> type) {
        long checksum = kryo.readObject(input, long.class);
        long step = kryo.readObject(input, long.class);
        double t = kryo.readObject(input, double.class);
        double testAccuracy = kryo.readObject(input, double.class);
        double testLoss = kryo.readObject(input, double.class);
        double trainLoss = kryo.readObject(input, double.class);
        double[] ks = null, w1 = null;
        if (!input.end() && input.readBoolean()) {
            ks = kryo.readObject(input, double[].class);
            w1 = kryo.readObject(input, double[].class);
        }
        return new NetworkMetricsRecorded(step, t, trainLoss, testLoss, testAccuracy, ks, w1, checksum);
    }
}
