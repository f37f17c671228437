package org.dysonsim.scenarios.report.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgChartTest {

    private static XYChart chart() {
        XYChart chart = new XYChartBuilder().width(800).height(500).title("density at t = 0.5 <MP & GOE>")
                .xAxisTitle("λ").yAxisTitle("density").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        XYSeries line = chart.addSeries("simulation", new double[] {0, 1, 2, 3}, new double[] {0, 2, 1, 4});
        line.setMarker(SeriesMarkers.NONE);
        chart.addSeries("theory", new double[] {0.5, 2.5}, new double[] {1, 3}, new double[] {0.5, 0.5});
        return chart;
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }

    @Test
    void titlesTicksAndLegendAreTextElements() throws Exception {
        Document doc = parse(SvgChart.of(chart()));
        List<String> texts = texts(doc);
        assertTrue(texts.contains("density at t = 0.5 <MP & GOE>"), texts.toString());
        assertTrue(texts.contains("λ"), texts.toString());
        assertTrue(texts.contains("density"), texts.toString());
        assertTrue(texts.contains("simulation") && texts.contains("theory"), texts.toString());
        // the x axis spans 0..3: its ticks are labelled in plain numbers
        assertTrue(texts.containsAll(List.of("0", "1", "2", "3")), texts.toString());
        assertEquals(0, doc.getElementsByTagName("path").getLength(), "no glyph outlines");
    }

    @Test
    void seriesAreDrawnAtTheirValues() throws Exception {
        Document doc = parse(SvgChart.of(chart()));
        NodeList lines = doc.getElementsByTagName("polyline");
        // the simulation's line and the theory's line
        assertEquals(2, lines.getLength());
        String[] points = ((Element) lines.item(0)).getAttribute("points").split(" ");
        assertEquals(4, points.length);
        double[] first = xy(points[0]);
        double[] last = xy(points[3]);
        // the first point (0, 0) is the plot's lower left corner; the last (3, 4) is at the right edge,
        // 3 % of the y span below the top: the axes span the values (the theory's error bars,
        // 0.5..3.5, inside them), the y axis widened upwards by 3 % and not below 0
        NodeList rects = doc.getElementsByTagName("rect");
        Element plot = null;
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if ("#808080".equals(r.getAttribute("stroke"))) plot = r;
        }
        double left = Double.parseDouble(plot.getAttribute("x"));
        double top = Double.parseDouble(plot.getAttribute("y"));
        double right = left + Double.parseDouble(plot.getAttribute("width"));
        double bottom = top + Double.parseDouble(plot.getAttribute("height"));
        assertEquals(left, first[0], 0.01);
        assertEquals(right, last[0], 0.01);
        assertEquals(bottom - (bottom - top) * 4 / 4.12, last[1], 0.01);
        assertEquals(bottom, first[1], 0.01);
        // the theory series is drawn with its two markers (the simulation's has none)
        long markers = 0;
        NodeList circles = doc.getElementsByTagName("circle");
        for (int i = 0; i < circles.getLength(); i++) if (((Element) circles.item(i)).hasAttribute("cx")) markers++;
        assertEquals(2, markers, "the theory's two markers");
    }

    @Test
    void logarithmicAxisLabelsDecadesAndSkipsNonPositiveValues() throws Exception {
        XYChart chart = new XYChartBuilder().width(600).height(400).title("tail").xAxisTitle("rank").yAxisTitle("λ").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendVisible(false);
        XYSeries s = chart.addSeries("levels", new double[] {1, 2, 3, 4}, new double[] {1e-3, 0, 1e-1, 10});
        s.setMarker(SeriesMarkers.NONE);
        Document doc = parse(SvgChart.of(chart));
        List<String> texts = texts(doc);
        assertTrue(texts.containsAll(List.of("0.001", "0.01", "0.1", "1", "10")), texts.toString());
        // the zero breaks the line into two runs
        assertEquals(2, doc.getElementsByTagName("polyline").getLength());
    }

    @Test
    void reportFiguresAreSmallAndCarryTheirText(@TempDir Path dir) throws Exception {
        XYChart chart = chart();
        double[] x = new double[4000];
        double[] y = new double[4000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 100.0);
        }
        chart.addSeries("long", x, y).setMarker(SeriesMarkers.NONE);
        Plots.save(chart, dir, "figure");
        String svg = Files.readString(dir.resolve("figure.svg"));
        assertTrue(svg.contains("&lt;MP &amp; GOE&gt;"));
        assertTrue(Files.size(dir.resolve("figure.svg")) < 120_000, "size " + Files.size(dir.resolve("figure.svg")));
        assertTrue(Files.size(dir.resolve("figure.png")) > 0);
    }

    private static double[] xy(String point) {
        String[] p = point.split(",");
        return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])};
    }
}
