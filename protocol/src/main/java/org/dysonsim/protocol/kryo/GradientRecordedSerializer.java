package org.dysonsim.protocol.kryo;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.dysonsim.protocol.TrajectoryChecksum;
import org.dysonsim.protocol.TrajectoryEvent.GradientRecorded;

/**
 * Kryo's form of a {@link GradientRecorded}: the fields exactly as Kryo's record serializer wrote
 * them before the record had a checksum (by name), then the checksum. A gradient record is stored
 * only as a journal event of its own, never inside another stored object, so one that ends where
 * the checksum would begin was written by an older build: it reads with
 * {@link TrajectoryChecksum#ABSENT}.
 */
public final class GradientRecordedSerializer extends Serializer<GradientRecorded> {

    public GradientRecordedSerializer() {
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, GradientRecorded record) {
        kryo.writeObject(output, record.loss());
        kryo.writeObject(output, record.noiseVariance());
        kryo.writeObjectOrNull(output, record.projectionVariances(), double[].class);
        kryo.writeObjectOrNull(output, record.projections(), double[].class);
        kryo.writeObjectOrNull(output, record.singularValues(), double[].class);
        kryo.writeObject(output, record.step());
        kryo.writeObject(output, record.t());
        output.writeLong(record.checksum());
    }

    @Override
    public GradientRecorded read(Kryo kryo, Input input, Class<? extends GradientRecorded> type) {
        double loss = kryo.readObject(input, double.class);
        double noiseVariance = kryo.readObject(input, double.class);
        double[] projectionVariances = kryo.readObjectOrNull(input, double[].class);
        double[] projections = kryo.readObjectOrNull(input, double[].class);
        double[] singularValues = kryo.readObjectOrNull(input, double[].class);
        long step = kryo.readObject(input, long.class);
        double t = kryo.readObject(input, double.class);
        long checksum = input.end() ? TrajectoryChecksum.ABSENT : input.readLong();
        return new GradientRecorded(step, t, loss, singularValues, projections, projectionVariances, noiseVariance,
                checksum);
    }
}
