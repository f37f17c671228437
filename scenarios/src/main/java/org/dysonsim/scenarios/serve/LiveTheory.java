package org.dysonsim.scenarios.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.layers.LayerMetrics;
import org.dysonsim.physics.laws.MarchenkoPastur;
import org.dysonsim.physics.laws.SpectralLaw;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.Levels;
import org.dysonsim.scenarios.report.RecordSlice;
import org.dysonsim.scenarios.report.predictions.Prediction;
import org.dysonsim.scenarios.report.predictions.RunStart;
import org.dysonsim.scenarios.report.rendering.NetworkLayers;
import org.dysonsim.scenarios.report.rendering.RunReport;

/**
 * The theory a live page holds a member's spectrum against, the report's own: the predictions the
 * report compares the run with ({@link RunReport#predictions}, built from the first snapshot of
 * every member started so far), each at the times it applies, its distance the report's
 * comparison of that member's one snapshot; for a network run, each layer's nonzero spectrum
 * against the Marchenko–Pastur law of its W₀ ({@link NetworkLayers}), and its WeightWatcher metrics.
 */
final class LiveTheory {
    private final RunSpec spec;
    private volatile List<Prediction> predictions = List.of();
    private int started = -1;

    LiveTheory(RunSpec spec) {
        this.spec = spec;
    }

    /** A law and its name, as the spectrum chart draws it over the histogram. */
    record Curve(String name, SpectralLaw law) {}

    /** Builds the predictions again when more members have started ({@code firsts}: member → first positions). */
    void started(TreeMap<Integer, double[]> firsts) {
        if (firsts.size() == started || isLayered()) return;
        started = firsts.size();
        int[] index = new int[started];
        int[] member = new int[started];
        double[][] positions = new double[started][];
        int j = 0;
        for (var first : firsts.entrySet()) {
            index[j] = j;
            member[j] = first.getKey();
            positions[j++] = first.getValue();
        }
        predictions = started == 0 ? List.of() : RunReport.predictions(new RunStart(spec, new RecordSlice(0, index, member, positions)), List.of());
    }

    boolean isLayered() {
        return spec.layers() != null;
    }

    /** The layers' names of a layered run, null otherwise. */
    List<String> layerNames() {
        return isLayered() ? spec.layers().layers().stream().map(LayerLayout.Layer::name).toList() : null;
    }

    /** The levels the spectrum chart shows: the run's levels, or a layer's nonzero eigenvalues. */
    double[] levels(double[] positions, int layer) {
        if (!isLayered()) return Levels.levels(spec, positions);
        LayerLayout layout = spec.layers();
        return NetworkLayers.nonzero(layout.layers().get(layer), layout.of(positions, layer));
    }

    /**
     * The curve over the spectrum at time t: the first prediction that applies then, else the
     * initial Marchenko–Pastur law the run started from (a layer's W₀ law); null without either.
     */
    Curve curve(double t, int layer) {
        if (isLayered()) {
            return spec.model() instanceof NetworkModel network
                    ? new Curve("Marchenko–Pastur law of W₀", NetworkLayers.initialLaw(network, spec.layers().layers().get(layer))) : null;
        }
        for (Prediction p : predictions) {
            if (p.appliesAt(t)) return new Curve(p.name(), p.frozenAt(t));
        }
        if (spec.init() instanceof InitialSpectrum.MarchenkoPastur mp) {
            return new Curve("initial Marchenko–Pastur law (t = 0)", MarchenkoPastur.ofGram(mp.rows(), mp.cols(), mp.sigma2()));
        }
        return null;
    }

    /** One distance to theory: of series {@code series} (a prediction's or a layer's name) at time t. */
    record Distance(String series, double t, double value, double threshold) {}

    /** WeightWatcher's power-law exponent α and spike count ({@link LayerMetrics}) of one layer at one recorded step. */
    record LayerPoint(int layer, long step, double alpha, double numSpikes) {}

    /** Each layer's α and spike count at a snapshot of a layered run (as the report measures them along training); none otherwise. */
    List<LayerPoint> layerMetrics(long step, double[] positions) {
        List<LayerPoint> out = new ArrayList<>();
        if (!isLayered()) return out;
        LayerLayout layout = spec.layers();
        for (int l = 0; l < layout.layers().size(); l++) {
            LayerLayout.Layer layer = layout.layers().get(l);
            LayerMetrics m = LayerMetrics.of(layout.of(positions, l), layer.rows(), layer.cols());
            out.add(new LayerPoint(l, step, m.alpha(), m.numSpikes()));
        }
        return out;
    }

    /** One snapshot of {@code member} (the {@code index}-th member started) held against theory. */
    List<Distance> measure(int member, int index, double t, double[] positions) {
        List<Distance> out = new ArrayList<>();
        if (isLayered()) {
            if (!(spec.model() instanceof NetworkModel network)) return out;
            LayerLayout layout = spec.layers();
            for (int l = 0; l < layout.layers().size(); l++) {
                LayerLayout.Layer layer = layout.layers().get(l);
                Comparison c = NetworkLayers.againstInitialLaw(layer, levels(positions, l), NetworkLayers.initialLaw(network, layer), t);
                out.add(new Distance(layer.name(), t, c.value(), c.threshold()));
            }
            return out;
        }
        RecordSlice one = new RecordSlice(-1, new int[] {index}, new int[] {member}, new double[][] {positions});
        for (Prediction p : predictions) {
            if (!p.appliesAt(t)) continue;
            Comparison c = p.compare(spec, one, t);
            out.add(new Distance(p.name(), t, c.value(), c.threshold()));
        }
        return out;
    }
}
