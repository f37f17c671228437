package org.dysonsim.persistence;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes one C-ordered little-endian array in NumPy's {@code .npy} format, version 1.0
 * (numpy.lib.format): the shape is fixed up front, elements are streamed, and closing checks
 * that exactly as many were written.
 */
final class NpyWriter implements AutoCloseable {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final int ALIGNMENT = 64;

    private final Path file;
    private final OutputStream out;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private final long expected;
    private long written;

    /** @param descr {@code <f8} for float64, {@code <i8} for int64 */
    NpyWriter(Path file, String descr, long... shape) throws IOException {
        this.file = file;
        this.expected = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        out.write(header(descr, shape));
    }

    static byte[] header(String descr, long... shape) {
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        String tuple = shape.length == 1 ? "(" + dims + ",)" : "(" + dims + ")";
        StringBuilder dict = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + tuple + ", }");
        // Magic (8 bytes) + length (2) + dictionary + '\n' is padded with spaces to a multiple of 64.
        while ((MAGIC.length + 2 + dict.length() + 1) % ALIGNMENT != 0) {
            dict.append(' ');
        }
        dict.append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 2 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putShort((short) text.length).put(text);
        return header.array();
    }

    void writeDouble(double value) throws IOException {
        if (buffer.remaining() < Double.BYTES) {
            drain();
        }
        buffer.putDouble(value);
        written++;
    }

    void writeLong(long value) throws IOException {
        if (buffer.remaining() < Long.BYTES) {
            drain();
        }
        buffer.putLong(value);
        written++;
    }

    private void drain() throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        try {
            drain();
        } finally {
            out.close();
        }
        if (written != expected) {
            throw new IOException(file + ": wrote " + written + " elements into an array of " + expected);
        }
    }
}
