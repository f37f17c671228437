package org.dysonsim.physics.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Images and their class labels, as the IDX files of MNIST and Fashion-MNIST hold them
 * ({@code <part>-images-idx3-ubyte[.gz]} and {@code <part>-labels-idx1-ubyte[.gz]}, part
 * {@code train} or {@code t10k}). Pixels stay bytes (60 000 images take 47 MB, not 376) and
 * become inputs in [0, 1] a minibatch at a time.
 *
 * @param pixels    count × size bytes, row-major
 * @param labels    the class of each image, 0 … classes − 1
 * @param size      pixels per image (784 for 28 × 28)
 */
public record LabelledImages(byte[] pixels, int[] labels, int size) {

    /** Where Debian's package {@code dataset-fashion-mnist} installs the four files. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    public int count() {
        return labels.length;
    }

    /** The largest label + 1. */
    public int classes() {
        return Arrays.stream(labels).max().orElse(-1) + 1;
    }

    /**
     * The images at {@code indices} as a batch × size row-major array of pixel/255.
     */
    public double[] inputs(int[] indices) {
        double[] out = new double[indices.length * size];
        for (int i = 0; i < indices.length; i++) {
            int from = indices[i] * size, to = i * size;
            for (int p = 0; p < size; p++) out[to + p] = (pixels[from + p] & 0xFF) / 255.0;
        }
        return out;
    }

    public int[] labels(int[] indices) {
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) out[i] = labels[indices[i]];
        return out;
    }

    /** The first {@code count} images. */
    public LabelledImages first(int count) {
        return new LabelledImages(Arrays.copyOf(pixels, count * size), Arrays.copyOf(labels, count), size);
    }

    /**
     * Part {@code part} ("train" or "t10k") of the data set in {@code directory}.
     *
     * @throws MissingDataException if a file is missing (the message says which, and where it was looked for)
     * @throws IOException          if a file cannot be read or is not what it should be (the message names it)
     */
    public static LabelledImages read(Path directory, String part) throws IOException {
        IdxFile images = readFile(directory, part + "-images-idx3-ubyte");
        IdxFile labels = readFile(directory, part + "-labels-idx1-ubyte");
        if (images.dims().length != 3) {
            throw new IOException(part + "-images-idx3-ubyte: expected 3 dimensions (images × rows × columns), got "
                    + images.dims().length);
        }
        if (labels.dims().length != 1 || labels.count() != images.count()) {
            throw new IOException(part + "-labels-idx1-ubyte: expected " + images.count() + " labels, got "
                    + Arrays.toString(labels.dims()));
        }
        int[] classes = new int[labels.count()];
        for (int i = 0; i < classes.length; i++) classes[i] = labels.bytes()[i] & 0xFF;
        return new LabelledImages(images.bytes(), classes, images.itemSize());
    }

    /** How many images a part holds, and their pixels each. */
    public record Shape(int count, int size) {}

    /**
     * The shape of part {@code part} from the files' headers alone: what a scenario check needs
     * without reading every image.
     *
     * @throws MissingDataException if a file of the part is missing
     * @throws IOException          if a header cannot be read or the two files disagree
     */
    public static Shape shape(Path directory, String part) throws IOException {
        IdxFile images = readFile(directory, part + "-images-idx3-ubyte", false);
        IdxFile labels = readFile(directory, part + "-labels-idx1-ubyte", false);
        if (labels.dims().length != 1 || labels.count() != images.count()) {
            throw new IOException(part + "-labels-idx1-ubyte: expected " + images.count() + " labels, got "
                    + Arrays.toString(labels.dims()));
        }
        return new Shape(images.count(), images.itemSize());
    }

    private static IdxFile readFile(Path directory, String name) throws IOException {
        return readFile(directory, name, true);
    }

    private static IdxFile readFile(Path directory, String name, boolean withBytes) throws IOException {
        Path gz = directory.resolve(name + ".gz"), plain = directory.resolve(name);
        Path path = Files.isRegularFile(gz) ? gz : plain;
        if (!Files.isRegularFile(path)) throw new MissingDataException(directory, name);
        try {
            return withBytes ? IdxFile.read(path) : IdxFile.header(path);
        } catch (IOException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
    }

    /** A file of the data set is not where it was looked for. */
    public static final class MissingDataException extends IOException {
        public MissingDataException(Path directory, String name) {
            super("no " + name + "[.gz] in " + directory + " (install Debian's dataset-fashion-mnist, or set"
                    + " data.path to a directory of MNIST-style IDX files)");
        }
    }
}
