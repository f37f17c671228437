package org.dysonsim.protocol.kryo;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.dysonsim.protocol.TrajectoryChecksum;
import org.dysonsim.protocol.TrajectoryEvent.SnapshotRecorded;

/**
 * Kryo's form of a {@link SnapshotRecorded}: a marker, the checksum, then step, t and values
 * exactly as Kryo's record serializer wrote the snapshot before it had a checksum. The marker is
 * the step field's encoding of −1, which no recorded step has, so snapshots of older journals (as
 * events, or inside a stored recorder state) still read, with {@link TrajectoryChecksum#ABSENT}.
 */
public final class SnapshotRecordedSerializer extends Serializer<SnapshotRecorded> {

    /** Written where older snapshots have their step (steps are never negative). */
    private static final long WITH_CHECKSUM = -1;

    public SnapshotRecordedSerializer() {
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, SnapshotRecorded snapshot) {
        kryo.writeObject(output, WITH_CHECKSUM);
        output.writeLong(snapshot.checksum());
        // from here on as Kryo's record serializer writes the fields: by name
        kryo.writeObject(output, snapshot.step());
        kryo.writeObject(output, snapshot.t());
        kryo.writeObjectOrNull(output, snapshot.values(), double[].class);
    }

    @Override
    public SnapshotRecorded read(Kryo kryo, Input input, Class<? extends SnapshotRecorded> type) {
        long first = kryo.readObject(input, long.class);
        long checksum = TrajectoryChecksum.ABSENT;
        long step = first;
        if (first == WITH_CHECKSUM) {
            checksum = input.readLong();
            step = kryo.readObject(input, long.class);
        }
        double t = kryo.readObject(input, double.class);
        double[] values = kryo.readObjectOrNull(input, double[].class);
        return new SnapshotRecorded(step, t, values, checksum);
    }
}
