package org.dysonsim.scenarios.importing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dysonsim.protocol.TrajectoryEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every layout dyson import reads, from fixtures written by NumPy (make_fixtures.py beside them):
 * the eigenvalues of WᵀW of every record equal NumPy's float64 eigvalsh, and the gradient records
 * NumPy's SVD.
 */
class ImportFixturesTest {
    /**
     * Both sides compute in float64 from the same bits (float32 widens exactly); the eigensolvers
     * differ, so values agree to rounding times the condition, far inside this tolerance relative
     * to the layer's largest eigenvalue (small eigenvalues carry absolute, not relative, error).
     */
    private static final double RELATIVE = 1e-10;

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(ImportFixturesTest.class.getResource("/import/" + name).toURI());
    }

    @ParameterizedTest
    @CsvSource({
            "records.npz, npz, 1, 3, '0 10 20', 'fc1:6x4 fc2:5x3'",
            "stored-bigendian.npz, npz, 1, 2, '0 1', 'a:4x3 b:5x2'",
            "v1-c.npy, npz, 1, 3, '0 1 2', 'v1-c:5x4'",
            "v2-fortran.npy, npz, 1, 3, '0 1 2', 'v2-fortran:5x4'",
            "v3-c.npy, npz, 1, 3, '0 1 2', 'v3-c:5x4'",
            "one-matrix-fortran.npy, npz, 1, 1, '0', 'one-matrix-fortran:6x3'",
            "checkpoints, checkpoints, 1, 3, '0 50 100', 'fc1:5x4 fc2:4x2'",
            "npz-checkpoints, checkpoints, 1, 3, '0 200 1000', 'layer:4x4'",
            "apl.npz, aarts-park-lucini, 2, 3, '0 1 2', 'W:6x4'",
            "schedule.npz, npz, 1, 4, '0 100 200 300', 'fc1:5x3'",
            "schedule-checkpoints, checkpoints, 1, 3, '0 50 100', 'layer:4x3'",
            "lossgeometry.h5, hdf5-singular-values, 1, 3, '0 200 400', 'layers.0.weight:6x4 layers.1.weight:6x3'",
    })
    void eigenvaluesEqualNumPys(String name, String format, int members, int records, String steps, String layers)
            throws Exception {
        TrainingHistory h = WeightFiles.open(fixture(name));
        assertEquals(format, h.format());
        assertEquals(members, h.members());
        assertArrayEquals(Arrays.stream(steps.split(" ")).mapToLong(Long::parseLong).toArray(), h.steps());
        assertEquals(layers, String.join(" ", h.layout().layers().stream()
                .map(l -> l.name() + ":" + l.rows() + "x" + l.cols()).toList()));
        List<double[]> expected = numbers(fixture(name + ".eig.txt"));
        List<double[]> found = new ArrayList<>();
        h.record((member, record, snapshot, gradient, distances) -> found.add(snapshot.values()));
        assertEquals(members * records, found.size());
        for (int k = 0; k < found.size(); k++) {
            for (int l = 0; l < h.layout().layers().size(); l++) {
                double[] want = h.layout().of(expected.get(k), l);
                double[] got = h.layout().of(found.get(k), l);
                double scale = Math.abs(want[want.length - 1]);
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], got[i], RELATIVE * scale, name + " record " + k + " layer " + l + " eigenvalue " + i);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"records.npz", "apl.npz"})
    void gradientRecordsEqualNumPysSvd(String name) throws Exception {
        WeightHistory h = (WeightHistory) WeightFiles.open(fixture(name));
        assertTrue(h.hasGradients());
        assertTrue(h.loss() != null);
        List<double[]> expected = numbers(fixture(name + ".proj.txt"));
        List<TrajectoryEvent.GradientRecorded> found = new ArrayList<>();
        h.read((member, record, step, loss, weights, gradients) -> found.add(LayeredRecord.gradient(step, loss, weights, gradients)));
        for (int k = 0; k < found.size(); k++) {
            TrajectoryEvent.GradientRecorded g = found.get(k);
            double[] pairs = expected.get(k);
            assertEquals(pairs.length / 2, g.singularValues().length);
            double scale = Arrays.stream(g.singularValues()).max().orElseThrow();
            for (int j = 0; j < pairs.length / 2; j++) {
                assertEquals(pairs[2 * j], g.singularValues()[j], RELATIVE * scale, name + " record " + k + " σ " + j);
                assertEquals(pairs[2 * j + 1], g.projections()[j], 1e-9, name + " record " + k + " projection " + j);
            }
            assertTrue(Double.isFinite(g.loss()));
        }
    }

    @ParameterizedTest
    @CsvSource({"records.npz, 1.9", "npz-checkpoints, 0.004975124378109453", "lossgeometry.h5, 0.9", "apl.npz, NaN"})
    void theLossOfEachRecordIsInItsGradientRecord(String name, double second) throws Exception {
        List<TrajectoryEvent.GradientRecorded> found = new ArrayList<>();
        WeightFiles.open(fixture(name)).record((member, record, snapshot, gradient, distances) -> found.add(gradient));
        if (Double.isNaN(second)) {
            assertTrue(found.get(1).loss() > 0); // the Aarts-Park-Lucini fixture's losses are random squares
        } else {
            assertEquals(second, found.get(1).loss());
        }
    }

    @ParameterizedTest
    @CsvSource({"schedule.npz", "schedule-checkpoints"})
    void theLearningRateAndBatchSizeReadBackAsNumPyWroteThem(String name) throws Exception {
        List<String> answer = Files.readAllLines(fixture(name + ".schedule.txt"));
        double[] lr = values(answer.get(0), "lr");
        double[] batch = values(answer.get(1), "batch_size");
        TrainingHistory h = WeightFiles.open(fixture(name));
        assertArrayEquals(lr, h.schedule().lr(), 0.0);
        assertArrayEquals(batch, h.schedule().batchSize(), 0.0);
        // as the run records them in its scenario and a replay reads them back
        TrainingSchedule back = ImportedRunSpec.schedule(ConfigFactory.parseString(ImportedRunSpec.scenarioText(h, "s")));
        assertArrayEquals(lr, back.lr(), 0.0);
        assertArrayEquals(batch, back.batchSize(), 0.0);
        assertEquals(List.of("lr", "batch_size"), List.copyOf(back.varying().keySet()));
    }

    @Test
    void oneLearningRateForEveryRecordStaysOneValue() throws Exception {
        TrainingHistory one = WeightFiles.open(fixture("records.npz")); // lr = np.float64(0.01), batch_size = [32, 32, 32]
        TrainingSchedule oneBack = ImportedRunSpec.schedule(ConfigFactory.parseString(ImportedRunSpec.scenarioText(one, "r")));
        assertArrayEquals(new double[] {0.01}, oneBack.lr(), 0.0);
        assertArrayEquals(new double[] {32, 32, 32}, oneBack.batchSize(), 0.0);
        assertTrue(oneBack.varying().isEmpty());
        assertEquals("Trained with learning rate 0.01 and batch size 32 at every record (as saved with the weights).",
                oneBack.summary());
        assertTrue(WeightFiles.open(fixture("apl.npz")).schedule().isEmpty());
    }

    private static double[] values(String line, String name) {
        String[] words = line.trim().split(" ");
        assertEquals(name, words[0]);
        return Arrays.stream(words).skip(1).mapToDouble(Double::parseDouble).toArray();
    }

    static List<double[]> numbers(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank())
                .map(line -> Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble).toArray()).toList();
    }
}
