package org.dysonsim.scenarios.report.rendering;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.scenarios.report.analyses.ForecastCheck;
import org.dysonsim.scenarios.report.analyses.ForecastCheck.Summary;
import org.dysonsim.scenarios.report.analyses.LayerForecasts;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Each layer's {@code forecast_along_training} in report.json ({@link LayerForecasts}) and the
 * figure {@code layers-forecast-error}: per layer, the mean relative error of the forecast median
 * and of persistence against the horizon, averaged over the origins that reach it.
 */
final class LayerForecastSection {
    static final String KEY = "forecast_along_training", FIGURE = "layers-forecast-error";

    /** One colour per layer, shared by its forecast and its persistence line. */
    private static final java.awt.Color[] COLOURS = {new java.awt.Color(31, 119, 180), new java.awt.Color(214, 39, 40),
        new java.awt.Color(44, 160, 44), new java.awt.Color(148, 103, 189), new java.awt.Color(255, 127, 14),
        new java.awt.Color(140, 86, 75)};

    private LayerForecastSection() {}

    /** Computes the forecasts, draws the figure into {@code dir} (its name added to {@code plots}) and returns each layer's entry. */
    static List<Map<String, Object>> write(NetworkModel model, LayerLayout layout, List<MemberTrajectory> members, long runSeed,
                                           Path dir, Map<String, String> plots) throws IOException {
        List<LayerForecasts> layers = LayerForecasts.of(layout, model.topK(), model.sgd(), members, runSeed);
        List<Map<String, Object>> out = new ArrayList<>();
        XYChart chart = Charts.chart("Top-k singular values: forecast median (solid) and persistence (dashed)",
                "mean |relative error|");
        chart.setXAxisTitle("steps after the origin");
        boolean drawn = false;
        for (LayerForecasts layer : layers) {
            out.add(json(layer));
            TreeMap<Long, double[]> pooled = new TreeMap<>(); // horizon → {forecast sum, persistence sum, origins}
            for (LayerForecasts.Origin o : layer.origins()) {
                for (int h = 0; h < o.horizons().length; h++) {
                    double[] sum = pooled.computeIfAbsent(o.horizons()[h], x -> new double[3]);
                    sum[0] += o.summary().relativeErrorByHorizon()[h];
                    sum[1] += o.summary().persistenceErrorByHorizon()[h];
                    sum[2]++;
                }
            }
            if (pooled.isEmpty()) continue;
            double[] x = pooled.keySet().stream().mapToDouble(Long::doubleValue).toArray();
            double[] forecast = pooled.values().stream().mapToDouble(s -> s[0] / s[2]).toArray();
            double[] persistence = pooled.values().stream().mapToDouble(s -> s[1] / s[2]).toArray();
            XYSeries f = Charts.addLine(chart, Plots.legend(layer.layer()) + " forecast", x, forecast);
            XYSeries p = Charts.addLine(chart, Plots.legend(layer.layer()) + " persistence", x, persistence);
            java.awt.Color colour = COLOURS[out.size() % COLOURS.length];
            if (f != null) f.setLineColor(colour);
            if (p != null) {
                p.setLineColor(colour);
                p.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
            }
            drawn = true;
        }
        if (drawn) {
            Plots.save(chart, dir, FIGURE);
            plots.put(FIGURE, "per layer: mean relative error of the forecast median of the top-k singular values (solid) and of"
                    + " persistence (dashed) against the horizon, averaged over the origins during training that reach it");
        }
        return out;
    }

    static Map<String, Object> json(LayerForecasts layer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("description", "Olsen et al. Algorithm 1 (Bru's singular-value equation) from origins at "
                + java.util.Arrays.toString(LayerForecasts.ORIGINS) + " of the records, each calibrated on up to "
                + ForecastCheck.CALIBRATION + " records up to it, " + LayerForecasts.REPLICATES + " bootstrap replicates, "
                + Math.round(ForecastCheck.LEVEL * 100) + " % band; learning rate α/(1 − momentum) (the heavy ball's mean step and"
                + " long-run diffusion); top-k D_k from each projection's recorded variance, the rest from the per-entry gradient"
                + " variance pooled over layers; a layer of up to " + LayerForecasts.WHOLE_GAS_UP_TO + " singular values moves them all,"
                + " a larger one only its top k in its frozen bulk");
        json.put("singular_values", layer.values());
        json.put("bulk", LayerForecasts.frozenBulk(layer.values()) ? "frozen" : "moved");
        json.put("learning_rate", layer.learningRate());
        json.put("summary", layer.summaryLine());
        List<Object> origins = new ArrayList<>();
        for (LayerForecasts.Origin o : layer.origins()) {
            Summary s = o.summary();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("origin_record", o.record());
            m.put("origin_step", o.step());
            m.put("calibration_records", o.calibration());
            m.put("members", s.members());
            m.put("horizon_steps", o.horizons());
            m.put("relative_error_by_horizon", s.relativeErrorByHorizon());
            m.put("persistence_relative_error_by_horizon", s.persistenceErrorByHorizon());
            m.put("coverage_by_horizon", s.coverageByHorizon());
            m.put("relative_band_width_by_horizon", s.relativeWidthByHorizon());
            m.put("coverage", s.coverage());
            m.put("beats_persistence_up_to", o.beatsPersistenceUpTo());
            origins.add(m);
        }
        json.put("origins", origins);
        return json;
    }
}
