package org.dysonsim.actors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.physics.sgd.SgdSettings;

/**
 * Network runs for the actor tests: small synthetic IDX files (no installed data set needed) and
 * a {@code 36-12-8-3} perceptron trained on them.
 */
public final class NetworkFixtures {
    public static final int PIXELS = 36, IMAGES = 120, CLASSES = 3;
    public static final long SEED = EngineFixtures.SEED;

    private NetworkFixtures() {}

    /** Train and test files in {@code data} of {@code IMAGES} 6 × 6 images whose class shows in their brightness, drawn from a fixed seed. */
    public static void writeImages(Path data) {
        try {
            for (String part : List.of("train", "t10k")) {
                ByteBuffer images = ByteBuffer.allocate(16 + IMAGES * PIXELS).putInt(0x803).putInt(IMAGES).putInt(6).putInt(6);
                ByteBuffer labels = ByteBuffer.allocate(8 + IMAGES).putInt(0x801).putInt(IMAGES);
                long stream = part.equals("train") ? 1 : 2;
                for (int i = 0; i < IMAGES; i++) {
                    int label = (int) (CounterRng.uniform(7, 0, i, 0, stream) * CLASSES);
                    labels.put((byte) label);
                    for (int p = 0; p < PIXELS; p++) {
                        double u = CounterRng.uniform(7, 1, (long) i * PIXELS + p, 0, stream);
                        images.put((byte) Math.min(255, (int) (u * 120 + (p % CLASSES == label ? 120 : 0))));
                    }
                }
                Files.write(data.resolve(part + "-images-idx3-ubyte"), images.array());
                Files.write(data.resolve(part + "-labels-idx1-ubyte"), labels.array());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The images written into {@code data} and a run of {@code members} members training on them
     * (|B| = 10, α = 0.05, 100 training and 40 test images, the top 2 singular values per layer).
     */
    public static RunSpec spec(Path data, String runId, double momentum, long steps, int recordEvery, long checkpointEvery,
                               int members) {
        writeImages(data);
        NetworkModel model = new NetworkModel(new int[] {PIXELS, 12, 8, CLASSES}, Math.sqrt(2),
                new SgdSettings(0.05, 10, momentum), 100, 40, 2, checkpointEvery, data.toString());
        // no initial spectrum, as the scenario reader gives a network run (its layers start from their seeds)
        return new RunSpec(runId, "test", "name = test", model, null, StepSizeRule.fixed(), 0.05, steps, recordEvery, SEED,
                members, 1, RunSpec.Coordinates.EIGENVALUES);
    }
}
