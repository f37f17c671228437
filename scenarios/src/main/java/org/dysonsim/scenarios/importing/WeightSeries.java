package org.dysonsim.scenarios.importing;

import java.io.IOException;
import java.util.List;
import org.dysonsim.scenarios.config.ScenarioException;

/**
 * One weight matrix (or its gradient) through a whole import: its matrices member after member,
 * record after record, stored in {@code parts} (arrays read one after the other) whose trailing
 * dimensions are {@code rows × cols}.
 */
public record WeightSeries(String name, int rows, int cols, List<ArraySource> parts) {

    public WeightSeries {
        parts = List.copyOf(parts);
    }

    /**
     * Checks every part's header (a float array of at least two dimensions ending in rows × cols)
     * and counts the matrices they hold.
     */
    long checkHeaders() throws IOException {
        long total = 0;
        for (ArraySource part : parts) {
            NpyHeader h = part.header();
            long[] shape = h.shape();
            if (!h.dtype().isFloat()) {
                throw new ScenarioException(part.file(), part.name(), "dtype " + h.dtype().descr() + " is not a float type;"
                        + " weights must be float32 or float64");
            }
            if (shape.length < 2) {
                throw new ScenarioException(part.file(), part.name(), "shape " + h.shapeText() + " is not a matrix (rows × cols)");
            }
            for (long d : shape) {
                if (d == 0) throw new ScenarioException(part.file(), part.name(), "empty: shape " + h.shapeText());
            }
            if (shape[shape.length - 2] != rows || shape[shape.length - 1] != cols) {
                throw new ScenarioException(part.file(), part.name(), "ragged: matrices of " + shape[shape.length - 2] + " × "
                        + shape[shape.length - 1] + " where " + name + " has " + rows + " × " + cols);
            }
            total += h.size() / ((long) rows * cols);
        }
        return total;
    }
}
