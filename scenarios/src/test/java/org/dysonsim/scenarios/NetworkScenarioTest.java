package org.dysonsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.scenarios.config.ScenarioException;
import org.dysonsim.scenarios.config.ScenarioLoader;
import org.dysonsim.scenarios.config.ScenarioValues;
import org.dysonsim.scenarios.config.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model = network}: its keys become a NetworkModel whose stored scenario carries the layer
 * layout (and reads back to the same spec), and a missing or mismatched data set is one line
 * naming data.path or the key. The image files are tiny headers-and-bytes written here.
 */
class NetworkScenarioTest {
    @TempDir
    Path dir;

    /** IDX files of {@code count} 2 × 3 images in {@code dir}/data. */
    private Path images(int count) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String part : List.of("train", "t10k")) {
            ByteBuffer images = ByteBuffer.allocate(16 + count * 6).putInt(0x803).putInt(count).putInt(2).putInt(3);
            ByteBuffer labels = ByteBuffer.allocate(8 + count).putInt(0x801).putInt(count);
            for (int i = 0; i < count; i++) labels.put((byte) (i % 3));
            Files.write(data.resolve(part + "-images-idx3-ubyte"), images.array());
            Files.write(data.resolve(part + "-labels-idx1-ubyte"), labels.array());
        }
        return data;
    }

    private RunSpec read(String text, String... overrides) throws IOException {
        Path f = dir.resolve("net.conf");
        Files.writeString(f, text);
        Study study = new ScenarioLoader().load(f, List.of(overrides));
        return RunSpecReader.read(new ScenarioValues(study.file(), study.runs().get(0)), "id");
    }

    private String scenario(Path data) {
        return "name = net\nmodel = network\nnetwork { widths = [6, 5, 3], train-size = 20, test-size = 10 }\n"
                + "data.path = \"" + data + "\"\nsgd { alpha = 0.1, batch = 4, momentum = 0.5 }\n";
    }

    @Test
    void keysBecomeANetworkWhoseStoredScenarioCarriesItsLayers() throws IOException {
        RunSpec spec = read(scenario(images(30)));
        NetworkModel model = assertInstanceOf(NetworkModel.class, spec.model());
        assertArrayEquals(new int[] {6, 5, 3}, model.widths());
        assertEquals(6 + 5, spec.n());
        assertEquals(0.1, spec.dt());
        assertEquals(new LayerLayout(List.of(new LayerLayout.Layer("fc1", 5, 6), new LayerLayout.Layer("fc2", 3, 5))),
                spec.layers());
        assertTrue(spec.scenarioText().contains("layers"), spec.scenarioText());
        RunSpec stored = StoredRun.spec(spec.scenarioText(), "id");
        assertEquals(spec.model(), stored.model());
        assertEquals(spec.layers(), stored.layers());
        assertEquals(spec.n(), stored.n());
    }

    @Test
    void aRelativeDataPathReachesTheMembersAbsolute() throws IOException {
        Path data = images(30);
        Path relative = Path.of("").toAbsolutePath().relativize(data);
        RunSpec spec = read(scenario(data).replace("\"" + data + "\"", "\"" + relative + "\""));
        assertEquals(data.toString(), ((NetworkModel) spec.model()).dataPath(), "a cluster node elsewhere finds the same files");
    }

    @Test
    void aMissingDataSetSaysWhatToInstallOrSet() throws IOException {
        ScenarioException e = assertThrows(ScenarioException.class, () -> read(scenario(dir.resolve("nowhere"))));
        assertEquals("data.path", e.key());
        assertTrue(e.problem().contains("dataset-fashion-mnist") && e.problem().contains("data.path"), e.line());
        assertEquals(1, e.line().lines().count());
    }

    @Test
    void sizesAndWidthsAreCheckedAgainstTheFiles() throws IOException {
        Path data = images(30);
        assertEquals("network.train-size", assertThrows(ScenarioException.class,
                () -> read(scenario(data), "network.train-size=31")).key());
        assertEquals("network.widths", assertThrows(ScenarioException.class,
                () -> read(scenario(data), "network.widths=[7, 3]")).key());
        assertEquals("network.widths", assertThrows(ScenarioException.class,
                () -> read(scenario(data), "network.widths=[6]")).key());
        Files.writeString(dir.resolve("net.conf"), scenario(data));
        // n is the sum of the widths but the last (11): a stored scenario carries it; any other value is refused
        assertEquals("n", assertThrows(ScenarioException.class,
                () -> StudyPlan.prepare(dir.resolve("net.conf"), List.of("n=12"), dir, Instant.now())).key());
        StudyPlan.prepare(dir.resolve("net.conf"), List.of("n=11"), dir, Instant.now());
        ScenarioException layers = assertThrows(ScenarioException.class,
                () -> read(scenario(data), "layers=[{name = fc1, rows = 2, cols = 6}]"));
        assertEquals("layers", layers.key());
        assertEquals("does not match network.widths (it is set from them; leave it out)", layers.problem());
    }
}
