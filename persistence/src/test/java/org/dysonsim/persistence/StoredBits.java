package org.dysonsim.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Damage done to a journal file from outside, for the tests that show it is detected. */
public final class StoredBits {
    private StoredBits() {}

    /**
     * Flips the lowest mantissa bit of every copy of {@code value} in {@code file} (Kryo writes
     * doubles little-endian, and H2 stores them as they are).
     *
     * @return how many copies were flipped
     */
    public static int flipLowBit(Path file, double value) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] pattern = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(value).array();
        int found = 0;
        for (int at = 0; at + 8 <= bytes.length; at++) {
            boolean match = true;
            for (int k = 0; k < 8 && match; k++) match = bytes[at + k] == pattern[k];
            if (match) {
                bytes[at] ^= 1;
                found++;
            }
        }
        Files.write(file, bytes);
        return found;
    }
}
