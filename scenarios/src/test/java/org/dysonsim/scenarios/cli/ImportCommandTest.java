package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dysonsim.physics.layers.RandomDistance;
import org.dysonsim.scenarios.importing.WeightFiles;
import org.dysonsim.scenarios.importing.WeightHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dyson import} in the test's JVM: an import of the Aarts–Park–Lucini fixture (2 seeds ×
 * 3 snapshots of a 6 × 4 W) is listed, exported, replayed (with the random distance the import
 * computed from each W) and refused by resume; a bad file writes nothing.
 */
class ImportCommandTest {

    private static Path fixture(String name) throws Exception {
        return Path.of(ImportCommandTest.class.getResource("/import/" + name).toURI());
    }

    @Test
    void anImportedRunIsListedExportedAndReplayedButNotResumed(@TempDir Path dir) throws Exception {
        String data = dir.resolve("runs").toString();
        InProcessDyson.Result imported = InProcessDyson.run("import", fixture("apl.npz").toString(), "--name", "apl",
                "--data-dir", data);
        assertEquals(Main.OK, imported.exit(), imported.err());
        String runId = imported.out().trim();
        assertTrue(runId.startsWith("apl-"), imported.out());

        InProcessDyson.Result list = InProcessDyson.run("list", "--data-dir", data);
        String[] cells = list.out().lines().toList().get(1).split("\\s+");
        assertEquals(List.of(runId, "apl", "completed", "2", "2"), List.of(cells).subList(0, 5));

        Path csv = dir.resolve("apl.csv");
        InProcessDyson.Result export = InProcessDyson.run("export", runId, "--format", "csv", "--out", csv.toString(),
                "--data-dir", data);
        assertEquals(Main.OK, export.exit(), export.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(1 + 2 * 3 * 4, rows.size()); // header, then members × records × eigenvalues
        // NumPy's largest eigenvalue of member 1's last record (the last line of its answer)
        List<String> numpy = Files.readAllLines(fixture("apl.npz.eig.txt"));
        double largest = Double.parseDouble(numpy.get(numpy.size() - 1).trim().split(" ")[3]);
        String[] last = rows.get(rows.size() - 1).split(",");
        assertEquals("1", last[0]);
        assertEquals(largest, Double.parseDouble(last[4]), 1e-10 * largest);

        InProcessDyson.Result replay = InProcessDyson.run("replay", runId, "--data-dir", data);
        assertEquals(Main.OK, replay.exit(), replay.err());
        Config report = ConfigFactory.parseFile(dir.resolve("runs").resolve(runId).resolve("report.json").toFile());
        assertEquals("W", report.getConfigList("layers").get(0).getString("name"));
        assertEquals(2, report.getConfigList("layers").get(0).getConfig("final").getInt("step"));
        Config along = report.getConfigList("layers").get(0).getConfig("along_training");
        assertEquals(List.of(0L, 1L, 2L), along.getLongList("step"), "WeightWatcher's metrics at every record");
        assertEquals(3, along.getList("log_spectral_norm").size());
        // the random distance of member 0's W at every record, as the import computed it from the file
        List<Double> ks = along.getDoubleList("random_distance_ks");
        List<Double> w1 = along.getDoubleList("random_distance_w1");
        ((WeightHistory) WeightFiles.open(fixture("apl.npz"))).read((member, record, step, loss, w, g) -> {
            if (member != 0) return;
            RandomDistance expected = RandomDistance.of(w[0], RandomDistance.seed(0, 0, 0, step));
            assertEquals(expected.ksDistance(), ks.get(record), "KS at step " + step);
            assertEquals(expected.wasserstein(), w1.get(record), "W1 at step " + step);
        });
        Path runDir = dir.resolve("runs").resolve(runId);
        assertTrue(Files.size(runDir.resolve("trajectories.png")) > 1000, "the layers' largest eigenvalues drawn");
        assertTrue(Files.size(runDir.resolve("layer-0-final.png")) > 1000, "the final spectrum drawn");
        String page = Files.readString(runDir.resolve("report.html"));
        assertTrue(page.indexOf("<img") > 0 && page.indexOf("<img") < page.indexOf("<table"), "figures before the table");

        InProcessDyson.Result resume = InProcessDyson.run("resume", runId, "--data-dir", data);
        assertEquals(Main.BAD_INPUT, resume.exit());
        assertTrue(resume.err().contains("is an imported run"), resume.err());
    }

    @Test
    void theSavedLearningRateAndBatchSizeAreInTheReplayedReport(@TempDir Path dir) throws Exception {
        String data = dir.resolve("runs").toString();
        InProcessDyson.Result imported = InProcessDyson.run("import", fixture("schedule.npz").toString(), "--data-dir", data);
        assertEquals(Main.OK, imported.exit(), imported.err());
        String runId = imported.out().trim();
        InProcessDyson.Result replay = InProcessDyson.run("replay", runId, "--data-dir", data);
        assertEquals(Main.OK, replay.exit(), replay.err());
        Path runDir = dir.resolve("runs").resolve(runId);
        Config training = ConfigFactory.parseFile(runDir.resolve("report.json").toFile()).getConfig("training");
        List<String> numpy = Files.readAllLines(fixture("schedule.npz.schedule.txt"));
        assertEquals(numbers(numpy.get(0)), training.getDoubleList("lr.values"), "read back from the journal as NumPy wrote it");
        assertEquals(numbers(numpy.get(1)), training.getDoubleList("batch_size.values"));
        assertEquals(16.0, training.getDouble("batch_size.min"));
        assertEquals(64.0, training.getDouble("batch_size.max"));
        assertTrue(Files.size(runDir.resolve("training-lr.png")) > 1000, "the learning rate drawn against the step");
        assertTrue(Files.size(runDir.resolve("training-batch-size.png")) > 1000, "the batch size drawn against the step");
        String page = Files.readString(runDir.resolve("report.html"));
        assertTrue(page.contains("learning rate from 0.1001 to 0.0001000") && page.contains("batch size from 16 to 64"), page);
    }

    private static List<Double> numbers(String line) {
        return List.of(line.trim().split(" ")).subList(1, line.trim().split(" ").length).stream().map(Double::valueOf).toList();
    }

    @Test
    void aBadFileIsOneLineExitTwoAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("runs");
        InProcessDyson.Result r = InProcessDyson.run("import", fixture("bad/nan.npz").toString(), "--data-dir", data.toString());
        assertEquals(Main.BAD_INPUT, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("dyson: " + fixture("bad/nan.npz") + ": fc1: NaN at matrix 1"), r.err());
        assertFalse(Files.exists(data));
    }
}
