package org.dysonsim.scenarios.importing;

import java.nio.ByteOrder;
import org.dysonsim.scenarios.config.ScenarioException;

/**
 * The element types an import reads: IEEE floats of 4 and 8 bytes (weights, gradients, losses)
 * and integers of 4 and 8 bytes (step numbers, batch sizes), in either byte order.
 */
public record NpyDtype(char kind, int bytes, ByteOrder order) {

    /**
     * @param descr a NumPy type string such as {@code <f8}, {@code >f4}, {@code <i8}
     * @throws ScenarioException for objects (pickles) and any other type
     */
    static NpyDtype parse(String descr, String file, String array) {
        if (descr.length() >= 2 && descr.substring(1).startsWith("O")) {
            throw new ScenarioException(file, array, "holds Python objects (a pickle), which are never loaded; re-save"
                    + " it as a plain array, e.g. np.savez(path, fc1=np.asarray(w, dtype=np.float64))");
        }
        if (descr.length() == 3) {
            char endian = descr.charAt(0);
            char kind = descr.charAt(1);
            int bytes = descr.charAt(2) - '0';
            ByteOrder order = endian == '>' ? ByteOrder.BIG_ENDIAN
                    : endian == '<' || endian == '=' ? ByteOrder.LITTLE_ENDIAN : null;
            boolean number = (kind == 'f' || kind == 'i') && (bytes == 4 || bytes == 8);
            if (order != null && number) return new NpyDtype(kind, bytes, order);
        }
        throw new ScenarioException(file, array, "dtype '" + descr + "' is not supported; save weights as float32 or"
                + " float64 (steps may be int32 or int64)");
    }

    /** The element at byte {@code offset} of {@code buffer} (whose order is this type's), as float64. */
    public double read(java.nio.ByteBuffer buffer, int offset) {
        if (kind == 'f') return bytes == 8 ? buffer.getDouble(offset) : buffer.getFloat(offset);
        return bytes == 8 ? buffer.getLong(offset) : buffer.getInt(offset);
    }

    public boolean isFloat() {
        return kind == 'f';
    }

    /** The NumPy name, e.g. {@code <f8}. */
    public String descr() {
        return (order == ByteOrder.BIG_ENDIAN ? ">" : "<") + kind + bytes;
    }
}
