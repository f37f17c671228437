package org.dysonsim.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An independent reader of .npy version 1.0 files, to check what the exporter wrote. */
record NpyFile(String descr, long[] shape, ByteBuffer data) {

    private static final Pattern DICT = Pattern.compile(
            "\\{'descr': '([<>|][a-z]\\d)', 'fortran_order': False, 'shape': \\(([\\d, ]*)\\), \\} *\n");

    static NpyFile read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        bytes.get(magic);
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'}, magic);
        assertEquals(1, bytes.get(), "major version");
        assertEquals(0, bytes.get(), "minor version");
        int headerLength = Short.toUnsignedInt(bytes.getShort());
        assertEquals(0, (10 + headerLength) % 64, "data starts on a 64-byte boundary");
        byte[] header = new byte[headerLength];
        bytes.get(header);
        Matcher dict = DICT.matcher(new String(header, StandardCharsets.US_ASCII));
        assertTrue(dict.matches(), () -> "header " + new String(header, StandardCharsets.US_ASCII));
        long[] shape = Arrays.stream(dict.group(2).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        ByteBuffer data = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(Arrays.stream(shape).reduce(1, (a, b) -> a * b) * 8, data.remaining(), "data size matches the shape");
        return new NpyFile(dict.group(1), shape, data);
    }

    double doubleAt(long flatIndex) {
        return data.getDouble((int) (flatIndex * 8));
    }

    long longAt(long flatIndex) {
        return data.getLong((int) (flatIndex * 8));
    }
}
