package org.dysonsim.scenarios.report.rendering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.scenarios.RunDirectory;
import org.dysonsim.scenarios.report.analyses.LayerForecastsTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each layer's particle_companion entry of report.json, on the forecast test's 5-20-3 network records, and its figure. */
class LayerCompanionSectionTest {
    @TempDir
    Path dir;

    @Test
    void eachLayerCarriesItsCompanionAtEveryRecord() throws IOException {
        MemberTrajectory member = LayerForecastsTest.members(true, 31).get(0);
        Map<String, String> plots = new LinkedHashMap<>();
        List<Map<String, Object>> layers = LayerCompanionSection.write(LayerForecastsTest.LAYOUT, LayerForecastsTest.TOP_K,
                LayerForecastsTest.SGD, member, 7, dir, plots);
        assertEquals(2, layers.size());
        for (Map<String, Object> layer : layers) {
            assertArrayEquals(member.steps(), (long[]) layer.get("step"));
            assertEquals(0.0, ((double[]) layer.get("ks"))[0], "both start on the layer's first spectrum");
            assertEquals(LayerForecastsTest.RECORDS, ((List<?>) layer.get("companion_top")).size());
            assertEquals(0.1, (double) layer.get("learning_rate"), 1e-12, "α/(1 − momentum)");
            assertEquals(10.0, (double) layer.get("top_noise_ratio"), 1e-9, "projection variance 1 over the per-entry 0.1");
            assertTrue(((String) layer.get("summary")).contains("The gas cannot carry"), layer.get("summary").toString());
        }
        assertEquals(5, layers.get(0).get("singular_values"));
        assertEquals(3, layers.get(1).get("singular_values"));
        String text = Json.write(layers.get(0));
        assertTrue(text.contains("\"companion_top\"") && !text.contains("[D@"), "every value written as JSON: " + text);
        assertTrue(Files.size(dir.resolve(RunDirectory.png(LayerCompanionSection.FIGURE))) > 1000);
        assertTrue(plots.containsKey(LayerCompanionSection.FIGURE));
    }
}
