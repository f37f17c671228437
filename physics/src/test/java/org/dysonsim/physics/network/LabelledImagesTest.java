package org.dysonsim.physics.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IDX reader against facts of the files computed by NumPy (src/test/resources/idx/facts.py,
 * its output in facts.txt): a five-image fixture cut from the training file (images plain,
 * labels gzipped), and the real files when installed.
 */
class LabelledImagesTest {

    private static Path fixtures() throws URISyntaxException {
        return Path.of(LabelledImagesTest.class.getResource("/idx/facts.py").toURI()).getParent();
    }

    private static long pixelSum(LabelledImages images, int image) {
        long sum = 0;
        for (int p = 0; p < images.size(); p++) sum += images.pixels()[image * images.size() + p] & 0xFF;
        return sum;
    }

    @Test
    void readsThePlainAndGzippedFixture() throws Exception {
        LabelledImages five = LabelledImages.read(fixtures(), "five");
        assertEquals(5, five.count());
        assertEquals(784, five.size());
        assertArrayEquals(new int[] {9, 0, 0, 3, 0}, five.labels());
        long[] sums = new long[5];
        for (int i = 0; i < 5; i++) sums[i] = pixelSum(five, i);
        assertArrayEquals(new long[] {76247, 84598, 28662, 46649, 61187}, sums);
        double[] first = five.inputs(new int[] {0});
        assertEquals(76247 / 255.0, Arrays.stream(first).sum(), 1e-9);
    }

    @Test
    void knowsTheRealFilesFacts() {
        LabelledImages train = FashionMnistFiles.train(), test = FashionMnistFiles.test();
        assertEquals(60000, train.count());
        assertEquals(10000, test.count());
        assertEquals(10, train.classes());
        assertArrayEquals(new int[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, Arrays.copyOf(train.labels(), 10));
        assertArrayEquals(new int[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7}, Arrays.copyOf(test.labels(), 10));
        long trainSum = 0, testSum = 0;
        for (byte b : train.pixels()) trainSum += b & 0xFF;
        for (byte b : test.pixels()) testSum += b & 0xFF;
        assertEquals(3431114169L, trainSum);
        assertEquals(573469082L, testSum);
        assertEquals(33456, pixelSum(test, 0));
    }

    @Test
    void aMissingFileSaysWhatToInstallOrSet(@TempDir Path empty) {
        IOException e = assertThrows(LabelledImages.MissingDataException.class, () -> LabelledImages.read(empty, "train"));
        assertTrue(e.getMessage().contains("dataset-fashion-mnist") && e.getMessage().contains("data.path"), e.getMessage());
    }

    @Test
    void aTruncatedOrForeignFileIsRefusedWithItsName(@TempDir Path dir) throws Exception {
        byte[] images = Files.readAllBytes(fixtures().resolve("five-images-idx3-ubyte"));
        Files.write(dir.resolve("cut-images-idx3-ubyte"), Arrays.copyOf(images, 1000));
        Files.copy(fixtures().resolve("five-labels-idx1-ubyte.gz"), dir.resolve("cut-labels-idx1-ubyte.gz"));
        IOException cut = assertThrows(IOException.class, () -> LabelledImages.read(dir, "cut"));
        assertTrue(cut.getMessage().contains("cut-images-idx3-ubyte: truncated"), cut.getMessage());
        Files.writeString(dir.resolve("text-images-idx3-ubyte"), "not an idx file at all");
        Files.copy(fixtures().resolve("five-labels-idx1-ubyte.gz"), dir.resolve("text-labels-idx1-ubyte.gz"));
        IOException foreign = assertThrows(IOException.class, () -> LabelledImages.read(dir, "text"));
        assertTrue(foreign.getMessage().contains("not an IDX file"), foreign.getMessage());
    }
}
