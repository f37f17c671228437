package org.dysonsim.scenarios.importing;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.dysonsim.scenarios.config.ScenarioException;

/** A small array read whole (steps, losses, learning rates, batch sizes: one value per record). */
final class NumberArray {
    /** Longest such array read: one value per record, so far more records than any run has. */
    private static final long MAX_VALUES = 50_000_000;

    private NumberArray() {}

    /** Every value of the array (of any shape, a scalar included) in C order. */
    static double[] read(ArraySource source) throws IOException {
        try (InputStream raw = new BufferedInputStream(source.open())) {
            NpyHeader header = NpyHeader.read(raw, source.file(), source.name());
            long size = header.size();
            if (size > MAX_VALUES) {
                throw new ScenarioException(source.file(), source.name(), "shape " + header.shapeText() + " has more values than a"
                        + " per-record array can");
            }
            if (header.shape().length > 1 && header.fortran()) {
                throw new ScenarioException(source.file(), source.name(), "expected one value per record, got shape " + header.shapeText());
            }
            byte[] bytes = new byte[(int) size * header.dtype().bytes()];
            try {
                new DataInputStream(raw).readFully(bytes);
            } catch (EOFException e) {
                throw new ScenarioException(source.file(), source.name(), "truncated: the data of shape " + header.shapeText()
                        + " ends early");
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(header.dtype().order());
            double[] out = new double[(int) size];
            for (int i = 0; i < out.length; i++) out[i] = header.dtype().read(buffer, i * header.dtype().bytes());
            return out;
        }
    }
}
