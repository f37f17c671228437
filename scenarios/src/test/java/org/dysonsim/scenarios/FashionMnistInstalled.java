package org.dysonsim.scenarios;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.dysonsim.physics.network.LabelledImages;

/**
 * Whether the shipped network scenarios can run: they read Fashion-MNIST from Debian's
 * dataset-fashion-mnist. Without it their tests are skipped on a developer machine; with CI=true
 * (.ci/run installs it) they run and fail on its absence.
 */
public final class FashionMnistInstalled {
    private FashionMnistInstalled() {}

    /** A shipped scenario that trains a network (model = network). */
    public static boolean needed(String scenario) {
        return scenario.startsWith("mlp-");
    }

    public static void assume(String scenario) {
        if (!needed(scenario) || "true".equals(System.getenv("CI"))) return;
        assumeTrue(Files.isRegularFile(LabelledImages.DEBIAN_FASHION_MNIST.resolve("train-images-idx3-ubyte.gz")),
                "skipped " + scenario + ": no Fashion-MNIST (apt-get install dataset-fashion-mnist)");
    }

    /** False when a network scenario cannot be validated here (no data set, not CI). */
    public static boolean available(String scenario) {
        return !needed(scenario) || "true".equals(System.getenv("CI"))
                || Files.isRegularFile(LabelledImages.DEBIAN_FASHION_MNIST.resolve("train-images-idx3-ubyte.gz"));
    }
}
