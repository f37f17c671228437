package org.dysonsim.physics.network;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * An IDX file of unsigned bytes (the format of MNIST and Fashion-MNIST), plain or gzipped: magic
 * {@code 0x00 0x00 0x08 d}, then d big-endian 32-bit dimensions, then the bytes in row-major order.
 *
 * @param dims  the dimensions, the first one the number of items
 * @param bytes every entry, row-major (read as unsigned with {@code & 0xFF})
 */
public record IdxFile(int[] dims, byte[] bytes) {
    private static final int UNSIGNED_BYTE = 0x08;

    /** Items (the first dimension). */
    public int count() {
        return dims[0];
    }

    /** Entries per item (the product of the other dimensions). */
    public int itemSize() {
        int size = 1;
        for (int d = 1; d < dims.length; d++) size *= dims[d];
        return size;
    }

    /**
     * @throws IOException if the file cannot be read, is not an IDX file of unsigned bytes, or is
     *                     shorter than its header says (the message names the problem, not the file)
     */
    public static IdxFile read(Path path) throws IOException {
        return read(path, true);
    }

    /** The dimensions alone (the bytes are not read: {@code bytes()} is empty). */
    public static IdxFile header(Path path) throws IOException {
        return read(path, false);
    }

    private static IdxFile read(Path path, boolean withBytes) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            raw.mark(2);
            boolean gzipped = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            try (DataInputStream in = new DataInputStream(gzipped ? new GZIPInputStream(raw, 1 << 16) : raw)) {
                return read(in, withBytes);
            }
        }
    }

    private static IdxFile read(DataInputStream in, boolean withBytes) throws IOException {
        try {
            int magic = in.readInt();
            if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xFF) != UNSIGNED_BYTE || (magic & 0xFF) < 1) {
                throw new IOException(String.format("not an IDX file of unsigned bytes (magic 0x%08x)", magic));
            }
            int[] dims = new int[magic & 0xFF];
            long size = 1;
            for (int d = 0; d < dims.length; d++) {
                dims[d] = in.readInt();
                if (dims[d] < 0) throw new IOException("dimension " + d + " is negative: " + dims[d]);
                size *= dims[d];
                if (size > Integer.MAX_VALUE - 8) throw new IOException("too large for one array: " + size + " bytes");
            }
            byte[] bytes = new byte[withBytes ? (int) size : 0];
            in.readFully(bytes);
            return new IdxFile(dims, bytes);
        } catch (EOFException e) {
            throw new IOException("truncated: shorter than its header says");
        }
    }
}
