package org.dysonsim.scenarios;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.physics.network.LabelledImages;
import org.dysonsim.physics.sgd.SgdSettings;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.scenarios.config.ScenarioValues;

/**
 * The keys of {@code model = network} (a multilayer perceptron trained on labelled images, issue
 * 13), checked one by one, the image files included; documented in scenarios/README.md.
 */
final class NetworkSpecReader {
    private NetworkSpecReader() {}

    static NetworkModel read(ScenarioValues v) {
        List<Integer> listed;
        try {
            listed = v.config().getIntList("network.widths");
        } catch (RuntimeException e) {
            throw v.error("network.widths", "expected a list of whole numbers, e.g. [784, 300, 100, 10]");
        }
        if (listed.size() < 2) throw v.error("network.widths", "needs at least the inputs and the classes, got " + listed);
        int[] widths = listed.stream().mapToInt(Integer::intValue).toArray();
        for (int w : widths) if (w < 1) throw v.error("network.widths", "every width must be ≥ 1, got " + listed);
        double gain = v.positive("network.init-gain");
        double alpha = v.positive("sgd.alpha");
        int batch = v.integer("sgd.batch", 1);
        double momentum = v.nonNegative("sgd.momentum");
        if (momentum >= 1) throw v.error("sgd.momentum", "must be in [0, 1), got " + momentum);
        int trainSize = v.integer("network.train-size", 1);
        int testSize = v.integer("network.test-size", 1);
        int topK = v.integer("forecast.top-k", 1);
        long checkpointEvery = v.integer("network.checkpoint-every", 0);
        // absolute: the members may train on cluster nodes started in other directories
        String path = Path.of(v.text("data.path")).toAbsolutePath().normalize().toString();
        checkImages(v, Path.of(path), widths, trainSize, testSize);
        return new NetworkModel(widths, gain, new SgdSettings(alpha, batch, momentum), trainSize, testSize, topK,
                checkpointEvery, path);
    }

    /** Layer l is "fc(l+1)": W of widths[l+1] × widths[l]. */
    static LayerLayout layout(NetworkModel model) {
        List<LayerLayout.Layer> layers = new ArrayList<>();
        for (int l = 0; l < model.layers(); l++) layers.add(new LayerLayout.Layer("fc" + (l + 1), model.rows(l), model.cols(l)));
        return new LayerLayout(layers);
    }

    /**
     * The resolved scenario as a layered run stores it (layered.md): {@code n} the total and
     * {@code layers} the layout. A stored scenario read back must carry the same layout.
     */
    static Config stored(ScenarioValues v, LayerLayout layout) {
        List<Map<String, Object>> layers = new ArrayList<>();
        for (LayerLayout.Layer layer : layout.layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", layer.name());
            m.put("rows", layer.rows());
            m.put("cols", layer.cols());
            layers.add(m);
        }
        Config config = v.config();
        if (config.hasPath("layers") && !config.getList("layers").unwrapped().equals(layers)) {
            throw v.error("layers", "does not match network.widths (it is set from them; leave it out)");
        }
        return config.withValue("n", ConfigValueFactory.fromAnyRef(layout.eigenvalues()))
                .withValue("layers", ConfigValueFactory.fromIterable(layers));
    }

    private static void checkImages(ScenarioValues v, Path directory, int[] widths, int trainSize, int testSize) {
        LabelledImages.Shape train, test;
        try {
            train = LabelledImages.shape(directory, "train");
            test = LabelledImages.shape(directory, "t10k");
        } catch (IOException e) {
            throw v.error("data.path", e.getMessage());
        }
        if (trainSize > train.count()) {
            throw v.error("network.train-size", "the training file holds " + train.count() + " images, got " + trainSize);
        }
        if (testSize > test.count()) throw v.error("network.test-size", "the test file holds " + test.count() + " images, got " + testSize);
        if (widths[0] != train.size() || test.size() != train.size()) {
            throw v.error("network.widths", "the first width must be the images' " + train.size() + " pixels, got " + widths[0]);
        }
    }
}
