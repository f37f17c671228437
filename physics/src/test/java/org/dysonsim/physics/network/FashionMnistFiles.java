package org.dysonsim.physics.network;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The real Fashion-MNIST files of Debian's dataset-fashion-mnist, for the tests that need them:
 * read once per test JVM. Without them a test is skipped on a developer machine; with CI=true
 * (.ci/run installs the package) their absence is a failure.
 */
final class FashionMnistFiles {
    private static LabelledImages train;
    private static LabelledImages test;

    private FashionMnistFiles() {}

    static synchronized LabelledImages train() {
        load();
        return train;
    }

    static synchronized LabelledImages test() {
        load();
        return test;
    }

    private static void load() {
        if (train != null) return;
        boolean present = Files.isRegularFile(LabelledImages.DEBIAN_FASHION_MNIST.resolve("train-images-idx3-ubyte.gz"));
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("CI=true but " + LabelledImages.DEBIAN_FASHION_MNIST + " holds no Fashion-MNIST (.ci/fashion-mnist installs it)");
        }
        assumeTrue(present, "skipped: no Fashion-MNIST in " + LabelledImages.DEBIAN_FASHION_MNIST
                + " (apt-get install dataset-fashion-mnist)");
        try {
            train = LabelledImages.read(LabelledImages.DEBIAN_FASHION_MNIST, "train");
            test = LabelledImages.read(LabelledImages.DEBIAN_FASHION_MNIST, "t10k");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
