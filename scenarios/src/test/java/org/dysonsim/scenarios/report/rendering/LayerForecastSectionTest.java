package org.dysonsim.scenarios.report.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dysonsim.scenarios.report.analyses.LayerForecasts;
import java.util.Map;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.scenarios.RunDirectory;
import org.dysonsim.scenarios.report.RecordedRun;
import org.dysonsim.scenarios.report.analyses.LayerForecastsTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A network run's report carries each layer's forecast from origins during training, and draws it. */
class LayerForecastSectionTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void eachLayerOfTheNetworkSectionCarriesItsForecastAlongTraining() throws IOException {
        NetworkModel model = new NetworkModel(new int[] {5, 20, 3}, 1.0, LayerForecastsTest.SGD, 10, 10, LayerForecastsTest.TOP_K,
                0, "/nowhere");
        var members = LayerForecastsTest.members(true, 31).subList(0, 2);
        RunSpec spec = new RunSpec("r", "net", "model = network", model, new InitialSpectrum.Explicit(members.get(0).values()[0]),
                StepSizeRule.fixed(), LayerForecastsTest.SGD.alpha(), 100, LayerForecastsTest.EVERY, 7, 2, new RunSpec.Placement(1, 1),
                RunSpec.Coordinates.EIGENVALUES, new RunSpec.Mapping.Direct(), RunSpec.Checks.DEFAULTS, LayerForecastsTest.LAYOUT);
        ReportSection section = NetworkSection.render(RecordedRun.of(new RunResult(spec, members, null)), dir);
        List<Map<String, Object>> layers = (List<Map<String, Object>>) section.json().get("layers");
        assertEquals(2, layers.size());
        for (Map<String, Object> layer : layers) {
            Map<String, Object> forecast = (Map<String, Object>) layer.get(LayerForecastSection.KEY);
            assertEquals(0.1, (double) forecast.get("learning_rate"), 1e-12, "α/(1 − momentum)");
            assertEquals("moved", forecast.get("bulk"), "a layer of at most 128 values moves its whole gas");
            assertTrue(((String) forecast.get("summary")).startsWith("forecast beats persistence"), forecast.get("summary").toString());
            List<Map<String, Object>> origins = (List<Map<String, Object>>) forecast.get("origins");
            assertEquals(List.of(25L, 50L, 75L), origins.stream().map(o -> (Long) o.get("origin_step")).toList());
            Map<String, Object> first = origins.get(0);
            assertEquals(LayerForecasts.HORIZON_RECORDS, ((long[]) first.get("horizon_steps")).length);
            assertEquals(LayerForecasts.HORIZON_RECORDS, ((double[]) first.get("persistence_relative_error_by_horizon")).length);
            assertEquals(2, first.get("members"));
        }
        assertTrue(section.plots().containsKey(LayerForecastSection.FIGURE), section.plots().keySet().toString());
        assertTrue(Files.size(dir.resolve(RunDirectory.png(LayerForecastSection.FIGURE))) > 1000);
    }
}
