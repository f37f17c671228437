package org.dysonsim.scenarios.importing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dysonsim.scenarios.config.ScenarioException;

/**
 * The header of a NumPy {@code .npy} array (format versions 1, 2 and 3: magic, version, header
 * length, then a Python dict literal with {@code descr}, {@code fortran_order} and {@code shape}).
 *
 * @param dtype   the element type
 * @param fortran whether the data is in Fortran (column-major) order
 * @param shape   the array's dimensions
 */
public record NpyHeader(NpyDtype dtype, boolean fortran, long[] shape) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int MAX_HEADER = 1 << 20;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*(?:'([^']*)'|(\\[))");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** Elements in the array. */
    public long size() {
        long n = 1;
        for (long d : shape) n = Math.multiplyExact(n, d);
        return n;
    }

    /**
     * Reads the header, leaving {@code in} at the first byte of the data.
     *
     * @param file  the file named in a refusal
     * @param array the array named in a refusal
     * @throws ScenarioException if this is not a plain numeric .npy array
     */
    public static NpyHeader read(InputStream in, String file, String array) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        try {
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) throw new ScenarioException(file, array, "not a NumPy .npy array (no \\x93NUMPY magic)");
            int major = data.readUnsignedByte();
            data.readUnsignedByte();
            long length;
            if (major == 1) {
                length = data.readUnsignedByte() | (data.readUnsignedByte() << 8);
            } else if (major == 2 || major == 3) {
                length = Integer.toUnsignedLong(Integer.reverseBytes(data.readInt()));
            } else {
                throw new ScenarioException(file, array, "unsupported .npy format version " + major + " (1, 2 or 3 expected)");
            }
            if (length > MAX_HEADER) throw new ScenarioException(file, array, "a .npy header of " + length + " bytes is not plausible");
            byte[] text = new byte[(int) length];
            data.readFully(text);
            // version 3 allows UTF-8 in the header (field names of structured arrays); 1 and 2 are Latin-1
            return parse(new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1), file, array);
        } catch (EOFException e) {
            throw new ScenarioException(file, array, "truncated: the file ends inside its .npy header");
        }
    }

    static NpyHeader parse(String dict, String file, String array) {
        Matcher descr = DESCR.matcher(dict);
        if (!descr.find()) throw new ScenarioException(file, array, "the .npy header has no 'descr'");
        if (descr.group(2) != null) {
            throw new ScenarioException(file, array, "a structured (record) array; save each weight matrix as a plain float array");
        }
        NpyDtype dtype = NpyDtype.parse(descr.group(1), file, array);
        Matcher fortran = FORTRAN.matcher(dict);
        if (!fortran.find()) throw new ScenarioException(file, array, "the .npy header has no 'fortran_order'");
        Matcher shape = SHAPE.matcher(dict);
        if (!shape.find()) throw new ScenarioException(file, array, "the .npy header has no 'shape'");
        List<Long> dims = new ArrayList<>();
        for (String part : shape.group(1).split(",")) {
            String d = part.trim();
            if (d.isEmpty()) continue;
            try {
                dims.add(Long.parseLong(d.endsWith("L") ? d.substring(0, d.length() - 1) : d));
            } catch (NumberFormatException e) {
                throw new ScenarioException(file, array, "the .npy header's shape is not a tuple of integers: (" + shape.group(1) + ")");
            }
        }
        long[] out = dims.stream().mapToLong(Long::longValue).toArray();
        try {
            new NpyHeader(dtype, false, out).size();
        } catch (ArithmeticException e) {
            throw new ScenarioException(file, array, "the shape " + Arrays.toString(out) + " is too large");
        }
        return new NpyHeader(dtype, fortran.group(1).equals("True"), out);
    }

    /** The shape as NumPy prints it, e.g. {@code (3, 4, 5)}. */
    public String shapeText() {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) s.append(i == 0 ? "" : ", ").append(shape[i]);
        return s.append(shape.length == 1 ? ",)" : ")").toString();
    }
}
