package org.dysonsim.scenarios.report.rendering;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dysonsim.scenarios.report.analyses.RandomDistanceAlongTraining;

/**
 * The random distance of every layer along training ({@link RandomDistanceAlongTraining}): its two
 * report.json series in each layer's {@code along_training} and one figure of both against the step.
 */
final class RandomDistanceSection {
    static final String FIGURE = "layers-random-distance";

    private RandomDistanceSection() {}

    /** Adds {@code random_distance_ks} and {@code random_distance_w1} at the entry's steps (null where not measured). */
    static void json(RandomDistanceAlongTraining layer, long[] steps, Map<String, Object> alongTraining) {
        if (!layer.measured()) return;
        alongTraining.put("random_distance_ks", layer.ksAt(steps));
        alongTraining.put("random_distance_w1", layer.w1At(steps));
    }

    static void draw(List<RandomDistanceAlongTraining> layers, int member, Path dir, Map<String, String> plots)
            throws IOException {
        if (layers.isEmpty() || !layers.get(0).measured()) return;
        Map<String, double[]> series = new LinkedHashMap<>();
        for (RandomDistanceAlongTraining layer : layers) {
            series.put(layer.layer() + " KS", layer.ks());
            series.put(layer.layer() + " W₁/mean", layer.w1());
        }
        double[] steps = Arrays.stream(layers.get(0).steps()).asDoubleStream().toArray();
        Plots.save(Plots.perLayer("Distance of each layer's spectrum from its entries permuted (member " + member + ")",
                "distance", steps, series), dir, FIGURE);
        plots.put(FIGURE, "Random distance of each layer against the step: the KS distance and the Wasserstein-1 distance"
                + " over the mean eigenvalue between the nonzero eigenvalues of WᵀW and those of W with its entries"
                + " permuted (seeded by run, member, layer and step). 0: the spectrum is what random entries of the same"
                + " values give; structure learned makes it larger. WeightWatcher's rand_distance compares the two"
                + " sorted eigenvalue arrays element by element, not their distributions (docs/physics.md §8)");
    }
}
