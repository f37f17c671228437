package org.dysonsim.scenarios.importing;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.ejml.data.DMatrixRMaj;
import org.dysonsim.scenarios.config.ScenarioException;

/**
 * Reads an array of shape {@code (d0, ..., dk, rows, cols)} as its matrices, one at a time, in
 * the order of the leading indices (the last leading index fastest), holding one matrix in memory.
 * An array in C order is streamed; one in Fortran order with more than one matrix interleaves its
 * matrices, so its data is first copied to a temporary file and read from there by position.
 */
public final class MatrixCursor implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final ArraySource source;
    private final NpyHeader header;
    private final int rows;
    private final int cols;
    private final long matrices;
    private final DataInputStream in;
    private final Path spilled;
    private final MappedByteBuffer mapped;
    private final byte[] bytes;
    private long next;

    private MatrixCursor(ArraySource source, NpyHeader header, InputStream in, Path spilled, MappedByteBuffer mapped) {
        this.source = source;
        this.header = header;
        long[] shape = header.shape();
        this.rows = (int) shape[shape.length - 2];
        this.cols = (int) shape[shape.length - 1];
        this.matrices = header.size() / ((long) rows * cols);
        this.in = in == null ? null : new DataInputStream(in);
        this.spilled = spilled;
        this.mapped = mapped;
        this.bytes = new byte[rows * cols * header.dtype().bytes()];
    }

    /** Opens the array, whose header must have at least two dimensions, none of them empty. */
    public static MatrixCursor open(ArraySource source, NpyHeader header) throws IOException {
        long[] shape = header.shape();
        long elements = shape[shape.length - 2] * shape[shape.length - 1];
        if (elements > Integer.MAX_VALUE / 8) {
            throw new ScenarioException(source.file(), source.name(), "one matrix of " + elements + " entries is too large");
        }
        InputStream in = new BufferedInputStream(source.open(), BUFFER);
        NpyHeader.read(in, source.file(), source.name());
        if (!header.fortran() || header.size() == elements) return new MatrixCursor(source, header, in, null, null);
        long length = header.size() * header.dtype().bytes();
        if (length > Integer.MAX_VALUE) {
            in.close();
            throw new ScenarioException(source.file(), source.name(), "a Fortran-order array over 2 GB; re-save it in C order"
                    + " (np.ascontiguousarray)");
        }
        Path copy = Files.createTempFile("dyson-import-", ".bin");
        try {
            long copied;
            try (in; var out = Files.newOutputStream(copy)) {
                copied = in.transferTo(out);
            }
            if (copied < length) throw truncated(source, 0, header);
            try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.READ)) {
                MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0, length);
                map.order(header.dtype().order());
                return new MatrixCursor(source, header, null, copy, map);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Matrices in the array: the product of its leading dimensions. */
    public long matrices() {
        return matrices;
    }

    /** The next matrix, as float64 (row-major, rows × cols). */
    public DMatrixRMaj next() throws IOException {
        if (next >= matrices) throw new IllegalStateException("no more matrices in " + source.name());
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        if (mapped != null) {
            readStrided(m);
        } else {
            try {
                in.readFully(bytes);
            } catch (EOFException e) {
                throw truncated(source, next, header);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(header.dtype().order());
            double[] data = m.data;
            int size = header.dtype().bytes();
            boolean transposed = header.fortran(); // a single matrix in Fortran order is column-major
            for (int k = 0; k < data.length; k++) {
                double v = element(buffer, k * size);
                if (transposed) data[(k % rows) * cols + k / rows] = v;
                else data[k] = v;
            }
        }
        next++;
        return m;
    }

    /** Matrix {@code next} of a Fortran-order array: element (lead, i, j) lies at lead_F + L·(i + rows·j). */
    private void readStrided(DMatrixRMaj m) {
        long[] shape = header.shape();
        int leading = shape.length - 2;
        long remainder = next, fortranIndex = 0, stride = 1;
        long[] index = new long[leading];
        for (int d = leading - 1; d >= 0; d--) {
            index[d] = remainder % shape[d];
            remainder /= shape[d];
        }
        for (int d = 0; d < leading; d++) {
            fortranIndex += index[d] * stride;
            stride *= shape[d];
        }
        int size = header.dtype().bytes();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                long offset = (fortranIndex + matrices * (i + (long) rows * j)) * size;
                m.data[i * cols + j] = element(mapped, (int) offset);
            }
        }
    }

    private double element(ByteBuffer buffer, int offset) {
        return header.dtype().read(buffer, offset);
    }

    static ScenarioException truncated(ArraySource source, long matrix, NpyHeader header) {
        return new ScenarioException(source.file(), source.name(), "truncated: the data of shape " + header.shapeText()
                + " ends within matrix " + matrix);
    }

    @Override
    public void close() throws IOException {
        if (in != null) in.close();
        if (spilled != null) Files.deleteIfExists(spilled);
    }
}
