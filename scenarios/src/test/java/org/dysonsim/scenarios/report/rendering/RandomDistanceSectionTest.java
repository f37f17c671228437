package org.dysonsim.scenarios.report.rendering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.protocol.TrajectoryEvent.NetworkMetricsRecorded;
import org.dysonsim.scenarios.RunDirectory;
import org.dysonsim.scenarios.report.analyses.RandomDistanceAlongTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The random distance in report.json (per layer, at the records that measured it) and its figure. */
class RandomDistanceSectionTest {
    private static final LayerLayout LAYOUT = new LayerLayout(List.of(new LayerLayout.Layer("fc1", 4, 3),
            new LayerLayout.Layer("fc2", 2, 4)));
    private static final long[] STEPS = {0, 10, 20, 30};

    /** Four records of which the second did not measure the distance. */
    private static MemberTrajectory member(boolean measured) {
        double[][] values = new double[STEPS.length][7];
        NetworkMetricsRecorded[] metrics = new NetworkMetricsRecorded[STEPS.length];
        for (int k = 0; k < STEPS.length; k++) {
            metrics[k] = !measured || k == 1 ? new NetworkMetricsRecorded(STEPS[k], k, 1, 1, 0.5)
                    : new NetworkMetricsRecorded(STEPS[k], k, 1, 1, 0.5, new double[] {0.1 * k, 0.2 * k},
                    new double[] {0.01 * k, 0.02 * k});
        }
        return new MemberTrajectory(0, STEPS, new double[STEPS.length], values, List.of(), List.of(metrics));
    }

    @Test
    void eachLayerGetsBothDistancesAtItsRecordsAndNullWhereNotMeasured(@TempDir Path dir) throws IOException {
        List<RandomDistanceAlongTraining> layers = RandomDistanceAlongTraining.of(LAYOUT, member(true));
        assertArrayEquals(new long[] {0, 20, 30}, layers.get(1).steps());
        Map<String, Object> entry = new LinkedHashMap<>();
        RandomDistanceSection.json(layers.get(1), STEPS, entry);
        double[] ks = (double[]) entry.get("random_distance_ks");
        assertArrayEquals(new double[] {0, Double.NaN, 0.4, 0.6000000000000001}, ks);
        assertArrayEquals(new double[] {0, Double.NaN, 0.04, 0.06}, (double[]) entry.get("random_distance_w1"));
        assertTrue(Json.write(entry).replaceAll("\\s", "").contains("\"random_distance_ks\":[0,null,0.4,"),
                Json.write(entry));
        Map<String, String> plots = new LinkedHashMap<>();
        RandomDistanceSection.draw(layers, 0, dir, plots);
        assertTrue(Files.size(dir.resolve(RunDirectory.png(RandomDistanceSection.FIGURE))) > 0);
        assertTrue(plots.get(RandomDistanceSection.FIGURE).contains("WeightWatcher"), plots.toString());
    }

    @Test
    void aRunThatNeverMeasuredItHasNeitherKeysNorFigure(@TempDir Path dir) throws IOException {
        List<RandomDistanceAlongTraining> layers = RandomDistanceAlongTraining.of(LAYOUT, member(false));
        Map<String, Object> entry = new LinkedHashMap<>();
        RandomDistanceSection.json(layers.get(0), STEPS, entry);
        assertEquals(Map.of(), entry, "absent, not zero");
        Map<String, String> plots = new LinkedHashMap<>();
        RandomDistanceSection.draw(layers, 0, dir, plots);
        assertFalse(plots.containsKey(RandomDistanceSection.FIGURE));
    }
}
