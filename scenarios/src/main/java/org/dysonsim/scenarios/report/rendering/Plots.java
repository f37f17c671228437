package org.dysonsim.scenarios.report.rendering;

import org.dysonsim.scenarios.RunDirectory;
import org.dysonsim.scenarios.report.Levels;
import org.dysonsim.scenarios.report.SpectralComparison;
import org.dysonsim.scenarios.report.predictions.Prediction;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.protocol.LayerLayout;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts (XChart), each saved as PNG (XChart's) and SVG with its text as text ({@link SvgChart}). */
public final class Plots {
    static final int WIDTH = 800;
    static final int HEIGHT = 500;
    /** Characters of a legend entry at most: a longer one is cut, so that the legend leaves the plot its room. */
    static final int LEGEND_CHARACTERS = 90;
    /** Smallest font of a title shrunk to fit the chart's width. */
    private static final int MIN_TITLE_POINTS = 9;
    /** Points of a theory curve across the plotted range. */
    private static final int CURVE_POINTS = 400;
    /** Trajectories drawn at most; larger systems show every k-th level. */
    private static final int MAX_TRAJECTORIES = 64;
    /** Trajectories drawn at most of modes that cross (independent modes): more cannot be told apart. */
    private static final int MAX_CROSSING = 6;

    private Plots() {}

    /**
     * A normalised histogram of {@code levels} (pooled over members) with Poisson error bars and
     * the prediction's density at time t overlaid when there is one.
     */
    public static XYChart density(String title, String axis, double[] levels, Prediction prediction, double t) {
        double[] sorted = levels.clone();
        Arrays.sort(sorted);
        double lo = sorted[0];
        double hi = sorted[sorted.length - 1];
        if (hi <= lo) hi = lo + 1e-9;
        int bins = SpectralComparison.bins(sorted.length);
        double width = (hi - lo) / bins;
        double[] counts = new double[bins];
        for (double v : sorted) counts[Math.min(bins - 1, (int) ((v - lo) / width))]++;
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        x[0] = lo;
        for (int b = 0; b < bins; b++) {
            double h = counts[b] / (sorted.length * width);
            x[2 * b + 1] = lo + b * width;
            y[2 * b + 1] = h;
            x[2 * b + 2] = lo + (b + 1) * width;
            y[2 * b + 2] = h;
        }
        x[2 * bins + 1] = x[2 * bins]; // not hi: lo + bins·width may round above it, and XChart needs ascending x

        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(axis)
                .yAxisTitle("density").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        XYSeries hist = chart.addSeries("simulation (" + sorted.length + " levels)", x, y);
        hist.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        hist.setMarker(SeriesMarkers.NONE);
        hist.setFillColor(new Color(70, 130, 180, 120));
        hist.setLineColor(new Color(70, 130, 180));
        // Poisson error bars at the bin centres: ±√count/(n·width)
        double[] centres = new double[bins];
        double[] heights = new double[bins];
        double[] errors = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = lo + (b + 0.5) * width;
            heights[b] = counts[b] / (sorted.length * width);
            errors[b] = Math.sqrt(counts[b]) / (sorted.length * width);
        }
        XYSeries bars = chart.addSeries("±1 s.e. (Poisson)", centres, heights, errors);
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        bars.setMarker(SeriesMarkers.NONE);
        bars.setLineColor(new Color(40, 70, 110));
        bars.setMarkerColor(new Color(40, 70, 110));
        if (prediction != null) {
            double pad = 0.1 * (hi - lo);
            double[] cx = new double[CURVE_POINTS];
            double[] cy = new double[CURVE_POINTS];
            for (int k = 0; k < CURVE_POINTS; k++) {
                cx[k] = lo - pad + (hi - lo + 2 * pad) * k / (CURVE_POINTS - 1);
                cy[k] = prediction.density(cx[k], t);
            }
            XYSeries curve = chart.addSeries(legend(prediction.name()), cx, cy);
            curve.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            curve.setMarker(SeriesMarkers.NONE);
            curve.setLineColor(new Color(200, 40, 40));
        }
        return chart;
    }

    /**
     * The levels of one member against time. Levels that repel (a gas, a matrix spectrum) never
     * cross: up to {@link #MAX_TRAJECTORIES} of them are drawn. Independent modes cross all the
     * time: {@link #MAX_CROSSING} of them, spread over the modes, each in its own colour and named
     * in the legend, so that one can be followed.
     */
    public static XYChart trajectories(RunSpec spec, MemberTrajectory member, String axis) {
        if (spec.layers() != null) return layerTrajectories(spec.layers(), member, axis);
        boolean crossing = !(spec.model() instanceof GasModel || spec.model() instanceof MatrixModel);
        int n = spec.n(), shown = crossing ? MAX_CROSSING : MAX_TRAJECTORIES;
        int stride = Math.max(1, (n + shown - 1) / shown);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Trajectories of member " + member.member() + (crossing && stride > 1 ? " (" + ((n + stride - 1) / stride) + " of its " + n + " modes)" : ""))
                .xAxisTitle("t").yAxisTitle(axis).build();
        chart.getStyler().setLegendVisible(crossing);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        double[] t = member.times();
        for (int i = 0; i < n; i += stride) {
            double[] y = new double[t.length];
            for (int k = 0; k < t.length; k++) y[k] = Levels.level(spec, member.values()[k][i]);
            XYSeries s = chart.addSeries((crossing ? "mode " : "level ") + i, t, y);
            s.setMarker(SeriesMarkers.NONE);
            if (crossing) s.setLineStyle(new java.awt.BasicStroke(1.5f));
        }
        return chart;
    }

    /**
     * A layered run (a network, or an imported run of several weight matrices): the snapshot holds
     * every layer's spectrum, most of it the zeros of rank-deficient layers, so the largest
     * eigenvalues of each layer are drawn instead, {@link #MAX_CROSSING} in all, named by layer.
     */
    private static XYChart layerTrajectories(LayerLayout layout, MemberTrajectory member, String axis) {
        int layers = layout.layers().size(), top = Math.max(1, MAX_CROSSING / layers);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Largest eigenvalues of each layer, member " + member.member()).xAxisTitle("t").yAxisTitle(axis).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        double[] t = member.times();
        for (int l = 0; l < layers; l++) {
            LayerLayout.Layer layer = layout.layers().get(l);
            int cols = layer.cols();
            double[][] sorted = new double[t.length][];
            for (int k = 0; k < t.length; k++) {
                sorted[k] = layout.of(member.values()[k], l);
                Arrays.sort(sorted[k]);
            }
            for (int r = 0; r < Math.min(top, cols); r++) {
                double[] y = new double[t.length];
                for (int k = 0; k < t.length; k++) y[k] = sorted[k][cols - 1 - r];
                String name = legend(layer.name()) + (r == 0 ? " λ_max" : " λ_" + (r + 1));
                if (chart.getSeriesMap().containsKey(name)) name = (l + 1) + ": " + name; // two layers named alike
                XYSeries s = chart.addSeries(name, t, y);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineStyle(new java.awt.BasicStroke(1.5f));
            }
        }
        return chart;
    }

    /** One statistic of every layer against the step, a line per layer; a layer whose values are all undefined is left out. */
    public static XYChart perLayer(String title, String axis, double[] steps, java.util.Map<String, double[]> layers) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("step").yAxisTitle(axis).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        int l = 0;
        for (var layer : layers.entrySet()) {
            l++;
            if (Arrays.stream(layer.getValue()).noneMatch(Double::isFinite)) continue;
            String name = legend(layer.getKey());
            if (chart.getSeriesMap().containsKey(name)) name = l + ": " + name; // two layers named alike
            chart.addSeries(name, steps, layer.getValue()).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /** A statistic against time. */
    public static XYChart series(String title, String axis, double[] t, double[] y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("t").yAxisTitle(axis).build();
        chart.getStyler().setLegendVisible(false);
        chart.addSeries(axis, t, y).setMarker(SeriesMarkers.CIRCLE);
        return chart;
    }

    /** A comparison's statistic and its threshold against time. */
    public static XYChart distanceOverTime(String title, String statistic, double[] t, double[] value, double[] threshold) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("t").yAxisTitle(statistic).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.addSeries(statistic, t, value).setMarker(SeriesMarkers.CIRCLE);
        XYSeries limit = chart.addSeries("threshold", t, threshold);
        limit.setMarker(SeriesMarkers.NONE);
        limit.setLineColor(new Color(200, 40, 40));
        return chart;
    }

    /** A legend entry of at most {@link #LEGEND_CHARACTERS} characters. */
    static String legend(String name) {
        return name.length() <= LEGEND_CHARACTERS ? name : name.substring(0, LEGEND_CHARACTERS - 1) + "…";
    }

    /**
     * The title's font shrunk until the title fits the chart's width (down to
     * {@link #MIN_TITLE_POINTS} points), then the title cut if it still does not: no title runs off the chart.
     */
    static void fitTitle(XYChart chart) {
        String title = chart.getTitle();
        if (title == null || title.isEmpty()) return;
        Font font = chart.getStyler().getChartTitleFont();
        int room = chart.getWidth() - 2 * chart.getStyler().getChartPadding() - 10;
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        try {
            while (g.getFontMetrics(font).stringWidth(title) > room && font.getSize() > MIN_TITLE_POINTS) {
                font = font.deriveFont((float) font.getSize() - 1);
            }
            while (g.getFontMetrics(font).stringWidth(title) > room && title.length() > 2) {
                title = title.substring(0, title.length() - 2) + "…";
            }
        } finally {
            g.dispose();
        }
        chart.getStyler().setChartTitleFont(font);
        chart.setTitle(title);
    }

    /**
     * Writes {@code <base>.png} and {@code <base>.svg} into {@code dir}, the title fitted to the width,
     * the ticks readable: on the report's {@link FigureQueue} where one is open, so the chart must not
     * be changed after this call.
     */
    public static void save(XYChart chart, Path dir, String base) throws IOException {
        FigureQueue.submit(() -> write(chart, dir, base));
    }

    private static void write(XYChart chart, Path dir, String base) throws IOException {
        fitTitle(chart);
        TickLabels.apply(chart);
        SeriesThinning.apply(chart);
        try (OutputStream png = Files.newOutputStream(dir.resolve(RunDirectory.png(base)))) {
            PngImage.write(BitmapEncoder.getBufferedImage(chart), png);
        }
        Files.writeString(dir.resolve(RunDirectory.svg(base)), SvgChart.of(chart));
    }
}
