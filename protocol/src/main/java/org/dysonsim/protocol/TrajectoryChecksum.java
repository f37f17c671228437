package org.dysonsim.protocol;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The checksum stored with every recorded snapshot and gradient record: CRC32C of the record's
 * step, time and values, bit for bit (a NaN's payload and the sign of zero included), so a value
 * changed on disk is noticed when it is read instead of being reported as a number. CRC32C finds
 * every error of up to 32 consecutive bits and misses a random change with probability 2⁻³².
 * Records written before checksums existed read back with {@link #ABSENT} and are not checked.
 */
public final class TrajectoryChecksum {

    /** The stored checksum of a record written before checksums existed: not checked. */
    public static final long ABSENT = -1;

    private TrajectoryChecksum() {}

    /** The checksum of a snapshot's fields. */
    public static long of(long step, double t, double[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES * 2 + arrayBytes(values));
        bytes.putLong(step).putLong(Double.doubleToRawLongBits(t));
        put(bytes, values);
        return crc(bytes);
    }

    /** The checksum of a gradient record's fields. */
    public static long of(long step, double t, double loss, double[] singularValues, double[] projections,
                          double[] projectionVariances, double noiseVariance) {
        ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES * 4 + arrayBytes(singularValues) + arrayBytes(projections)
                + arrayBytes(projectionVariances));
        bytes.putLong(step).putLong(Double.doubleToRawLongBits(t)).putLong(Double.doubleToRawLongBits(loss))
                .putLong(Double.doubleToRawLongBits(noiseVariance));
        put(bytes, singularValues);
        put(bytes, projections);
        put(bytes, projectionVariances);
        return crc(bytes);
    }

    /** Whether {@code stored} is absent or equals {@code computed}. */
    public static boolean matches(long stored, long computed) {
        return stored == ABSENT || stored == computed;
    }

    private static int arrayBytes(double[] values) {
        return Integer.BYTES + (values == null ? 0 : values.length * Double.BYTES);
    }

    /** The length first (−1 for null), so that values moved from one array to the next change the sum. */
    private static void put(ByteBuffer bytes, double[] values) {
        bytes.putInt(values == null ? -1 : values.length);
        if (values != null) {
            for (double value : values) {
                bytes.putLong(Double.doubleToRawLongBits(value));
            }
        }
    }

    private static long crc(ByteBuffer bytes) {
        CRC32C crc = new CRC32C();
        bytes.flip();
        crc.update(bytes);
        return crc.getValue();
    }
}
