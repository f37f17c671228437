package org.dysonsim.scenarios.report.rendering;

import static org.dysonsim.scenarios.report.rendering.SvgMarkup.dashes;
import static org.dysonsim.scenarios.report.rendering.SvgMarkup.escape;
import static org.dysonsim.scenarios.report.rendering.SvgMarkup.n;
import static org.dysonsim.scenarios.report.rendering.SvgMarkup.paint;
import static org.dysonsim.scenarios.report.rendering.SvgMarkup.textWidth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.None;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * A report chart as SVG whose title, axis titles, tick labels and legend are {@code <text>}
 * elements, so a figure can be edited for a paper (XChart's own vector output draws every
 * glyph as an outline path, some 400 KB a chart). It draws the chart's own content: the series
 * with their render style, colours, dashes, markers and error bars, a logarithmic y axis, axis
 * limits set on the styler, and the legend where the chart puts it. The PNG beside it is still
 * XChart's; the two agree in content, not to the pixel.
 */
final class SvgChart {
    private static final int TITLE_SIZE = 16;
    private static final int LABEL_SIZE = 12;
    private static final int TICK_SIZE = 11;
    private static final String FONT = "font-family=\"DejaVu Sans, Arial, sans-serif\"";

    private final XYChart chart;
    private final XYStyler styler;
    private final StringBuilder svg = new StringBuilder();
    private final List<XYSeries> series;
    private final boolean logY;
    private double left;
    private double right;
    private double top;
    private double bottom;
    private SvgAxis x;
    private SvgAxis y;

    private SvgChart(XYChart chart) {
        this.chart = chart;
        this.styler = chart.getStyler();
        this.series = new ArrayList<>(chart.getSeriesMap().values());
        this.logY = styler.isYAxisLogarithmic();
    }

    /** The chart as a standalone SVG document. */
    static String of(XYChart chart) {
        return new SvgChart(chart).draw();
    }

    private String draw() {
        int width = chart.getWidth();
        int height = chart.getHeight();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        List<XYSeries> legend = series.stream().filter(s -> s.isShowInLegend() && styler.isLegendVisible()).toList();
        LegendPosition position = styler.getLegendPosition();
        double legendWidth = legend.stream().mapToDouble(s -> textWidth(s.getName(), TICK_SIZE) + 34).max().orElse(0);
        left = 78;
        right = width - 20;
        top = chart.getTitle() == null || chart.getTitle().isEmpty() ? 16 : 44;
        bottom = height - 48;
        List<List<XYSeries>> rows = List.of();
        if (!legend.isEmpty() && position == LegendPosition.OutsideE) {
            right = Math.max(left + 200, width - 16 - legendWidth);
        } else if (!legend.isEmpty() && position == LegendPosition.OutsideS) {
            rows = legendRows(legend, width - 40);
            bottom -= rows.size() * 18 + 8;
        }
        x = SvgAxis.of(SvgAxis.range(series, true, styler.getXAxisMin(), styler.getXAxisMax(), false), false, left, right);
        double[] span = SvgAxis.range(series, false, styler.getYAxisMin(), styler.getYAxisMax(), logY);
        if (!logY) span = SvgAxis.padded(span, styler.getYAxisMin() != null, styler.getYAxisMax() != null);
        y = SvgAxis.of(span, logY, bottom, top);
        if (chart.getTitle() != null && !chart.getTitle().isEmpty()) {
            text(width / 2.0, 28, TITLE_SIZE, "middle", chart.getTitle(), "");
        }
        grid();
        svg.append("<clipPath id=\"plot\"><rect x=\"").append(n(left)).append("\" y=\"").append(n(top)).append("\" width=\"")
                .append(n(right - left)).append("\" height=\"").append(n(bottom - top)).append("\"/></clipPath>\n<g clip-path=\"url(#plot)\">\n");
        for (int i = 0; i < series.size(); i++) drawSeries(series.get(i), colour(series.get(i), i));
        svg.append("</g>\n<rect x=\"").append(n(left)).append("\" y=\"").append(n(top)).append("\" width=\"").append(n(right - left))
                .append("\" height=\"").append(n(bottom - top)).append("\" fill=\"none\" stroke=\"#808080\"/>\n");
        axisTitles(height);
        if (!legend.isEmpty()) legend(legend, rows, position, legendWidth);
        return svg.append("</svg>\n").toString();
    }

    private void grid() {
        svg.append("<g stroke=\"#dcdcdc\" stroke-width=\"1\">\n");
        for (double t : x.ticks()) line(x.at(t), top, x.at(t), bottom);
        for (double t : y.ticks()) line(left, y.at(t), right, y.at(t));
        svg.append("</g>\n");
        for (double t : x.ticks()) text(x.at(t), bottom + 16, TICK_SIZE, "middle", x.label(t), "");
        for (double t : y.ticks()) text(left - 6, y.at(t) + 4, TICK_SIZE, "end", y.label(t), "");
    }

    private void axisTitles(int height) {
        String xt = chart.getXAxisTitle();
        String yt = chart.getYAxisTitle();
        if (xt != null && !xt.isEmpty() && styler.isXAxisTitleVisible()) {
            text((left + right) / 2, bottom + 36, LABEL_SIZE, "middle", xt, "");
        }
        if (yt != null && !yt.isEmpty() && styler.isYAxisTitleVisible()) {
            double cy = (top + bottom) / 2;
            text(18, cy, LABEL_SIZE, "middle", yt, " transform=\"rotate(-90 18 " + n(cy) + ")\"");
        }
    }

    private void drawSeries(XYSeries s, Color colour) {
        double[] xs = s.getXData();
        double[] ys = s.getYData();
        XYSeries.XYSeriesRenderStyle style = style(s);
        boolean lines = style != XYSeries.XYSeriesRenderStyle.Scatter;
        boolean step = style == XYSeries.XYSeriesRenderStyle.Step || style == XYSeries.XYSeriesRenderStyle.StepArea;
        boolean area = style == XYSeries.XYSeriesRenderStyle.Area || style == XYSeries.XYSeriesRenderStyle.StepArea;
        if (area) {
            Color fill = s.getFillColor() == null ? colour : s.getFillColor();
            for (List<double[]> run : runs(xs, ys, step)) {
                StringBuilder points = new StringBuilder();
                points.append(n(run.get(0)[0])).append(',').append(n(bottom)).append(' ');
                for (double[] p : run) points.append(n(p[0])).append(',').append(n(p[1])).append(' ');
                points.append(n(run.get(run.size() - 1)[0])).append(',').append(n(bottom));
                svg.append("<polygon points=\"").append(points).append("\" stroke=\"none\"").append(paint("fill", fill)).append("/>\n");
            }
        }
        if (lines && s.getLineWidth() != 0) {
            BasicStroke stroke = stroke(s);
            Color line = s.getLineColor() == null ? colour : s.getLineColor();
            for (List<double[]> run : runs(xs, ys, step)) {
                StringBuilder points = new StringBuilder();
                for (double[] p : run) points.append(n(p[0])).append(',').append(n(p[1])).append(' ');
                svg.append("<polyline fill=\"none\" points=\"").append(points.toString().trim()).append('"').append(paint("stroke", line))
                        .append(" stroke-width=\"").append(n(s.getLineWidth() > 0 ? s.getLineWidth() : stroke.getLineWidth())).append('"')
                        .append(dashes(stroke)).append("/>\n");
            }
        }
        errorBars(s, colour);
        Marker marker = s.getMarker();
        if (!(marker instanceof None)) { // none set yet: XChart gives every series a marker
            Color mc = s.getMarkerColor() == null ? colour : s.getMarkerColor();
            double r = styler.getMarkerSize() / 2.0;
            svg.append("<g").append(paint("fill", mc)).append(">\n");
            for (int k = 0; k < xs.length; k++) {
                if (!visible(xs[k], ys[k])) continue;
                svg.append("<circle cx=\"").append(n(x.at(xs[k]))).append("\" cy=\"").append(n(y.at(ys[k])))
                        .append("\" r=\"").append(n(r)).append("\"/>\n");
            }
            svg.append("</g>\n");
        }
    }

    private void errorBars(XYSeries s, Color colour) {
        double[] e = s.getExtraValues();
        if (e == null) return;
        Color c = styler.isErrorBarsColorSeriesColor() || styler.getErrorBarsColor() == null ? colour : styler.getErrorBarsColor();
        svg.append("<g").append(paint("stroke", c)).append(" stroke-width=\"1\">\n");
        double[] xs = s.getXData();
        double[] ys = s.getYData();
        for (int k = 0; k < xs.length; k++) {
            if (!visible(xs[k], ys[k]) || !Double.isFinite(e[k])) continue;
            double lo = logY && ys[k] - e[k] <= 0 ? y.lo() : ys[k] - e[k];
            double px = x.at(xs[k]);
            line(px, y.at(lo), px, y.at(ys[k] + e[k]));
            line(px - 3, y.at(lo), px + 3, y.at(lo));
            line(px - 3, y.at(ys[k] + e[k]), px + 3, y.at(ys[k] + e[k]));
        }
        svg.append("</g>\n");
    }

    /** The series' drawable points in pixels, split where a value is missing (NaN, or ≤ 0 on a log axis). */
    private List<List<double[]>> runs(double[] xs, double[] ys, boolean step) {
        List<List<double[]>> runs = new ArrayList<>();
        List<double[]> run = new ArrayList<>();
        for (int k = 0; k < xs.length; k++) {
            if (!visible(xs[k], ys[k])) {
                if (!run.isEmpty()) runs.add(run);
                run = new ArrayList<>();
                continue;
            }
            double px = x.at(xs[k]);
            double py = y.at(ys[k]);
            if (step && !run.isEmpty()) run.add(new double[] {px, run.get(run.size() - 1)[1]});
            run.add(new double[] {px, py});
        }
        if (!run.isEmpty()) runs.add(run);
        return runs;
    }

    private boolean visible(double vx, double vy) {
        return Double.isFinite(vx) && Double.isFinite(vy) && (!logY || vy > 0);
    }

    private List<List<XYSeries>> legendRows(List<XYSeries> legend, double width) {
        List<List<XYSeries>> rows = new ArrayList<>();
        List<XYSeries> row = new ArrayList<>();
        double used = 0;
        for (XYSeries s : legend) {
            double w = textWidth(s.getName(), TICK_SIZE) + 44;
            if (!row.isEmpty() && used + w > width) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(s);
            used += w;
        }
        if (!row.isEmpty()) rows.add(row);
        return rows;
    }

    private void legend(List<XYSeries> legend, List<List<XYSeries>> rows, LegendPosition position, double legendWidth) {
        if (position == LegendPosition.OutsideS) {
            double ly = bottom + 50;
            for (List<XYSeries> row : rows) {
                double lx = 20;
                for (XYSeries s : row) {
                    entry(s, lx, ly);
                    lx += textWidth(s.getName(), TICK_SIZE) + 44;
                }
                ly += 18;
            }
            return;
        }
        double boxHeight = legend.size() * 18 + 8;
        double lx = switch (position) {
            case OutsideE -> right + 8;
            case InsideNW, InsideSW -> left + 8;
            default -> right - legendWidth - 8;
        };
        double ly = switch (position) {
            case InsideSE, InsideSW, InsideS -> bottom - boxHeight - 8;
            default -> top + 8;
        };
        svg.append("<rect x=\"").append(n(lx)).append("\" y=\"").append(n(ly)).append("\" width=\"").append(n(legendWidth))
                .append("\" height=\"").append(n(boxHeight)).append("\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#b0b0b0\"/>\n");
        for (int i = 0; i < legend.size(); i++) entry(legend.get(i), lx + 6, ly + 17 + 18 * i);
    }

    private void entry(XYSeries s, double lx, double ly) {
        Color c = colour(s, series.indexOf(s));
        boolean area = style(s) == XYSeries.XYSeriesRenderStyle.Area;
        if (area) {
            svg.append("<rect x=\"").append(n(lx)).append("\" y=\"").append(n(ly - 9)).append("\" width=\"20\" height=\"10\"")
                    .append(paint("fill", s.getFillColor() == null ? c : s.getFillColor())).append("/>\n");
        } else if (style(s) == XYSeries.XYSeriesRenderStyle.Scatter && s.getMarker() instanceof None) {
            if (s.getExtraValues() != null) { // error bars alone: a bar
                svg.append("<g").append(paint("stroke", c)).append(">\n");
                line(lx + 10, ly - 10, lx + 10, ly + 2);
                line(lx + 7, ly - 10, lx + 13, ly - 10);
                line(lx + 7, ly + 2, lx + 13, ly + 2);
                svg.append("</g>\n");
            }
        } else if (style(s) == XYSeries.XYSeriesRenderStyle.Scatter) {
            svg.append("<circle cx=\"").append(n(lx + 10)).append("\" cy=\"").append(n(ly - 4)).append("\" r=\"3\"")
                    .append(paint("fill", s.getMarkerColor() == null ? c : s.getMarkerColor())).append("/>\n");
        } else {
            svg.append("<line x1=\"").append(n(lx)).append("\" y1=\"").append(n(ly - 4)).append("\" x2=\"").append(n(lx + 20))
                    .append("\" y2=\"").append(n(ly - 4)).append('"').append(paint("stroke", s.getLineColor() == null ? c : s.getLineColor()))
                    .append(" stroke-width=\"2\"").append(dashes(stroke(s))).append("/>\n");
        }
        text(lx + 26, ly, TICK_SIZE, "start", s.getName(), "");
    }

    /** The series' render style; XChart sets the chart's default on a series without one only as it paints. */
    private XYSeries.XYSeriesRenderStyle style(XYSeries s) {
        return s.getXYSeriesRenderStyle() != null ? s.getXYSeriesRenderStyle() : styler.getDefaultSeriesRenderStyle();
    }

    private static BasicStroke stroke(XYSeries s) {
        return s.getLineStyle() != null ? s.getLineStyle() : SeriesLines.SOLID;
    }

    private Color colour(XYSeries s, int index) {
        if (s.getLineColor() != null) return s.getLineColor();
        if (s.getMarkerColor() != null) return s.getMarkerColor();
        Color[] palette = styler.getSeriesColors();
        return palette[Math.max(0, index) % palette.length];
    }

    private void line(double x1, double y1, double x2, double y2) {
        svg.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\"/>\n");
    }

    private void text(double tx, double ty, int size, String anchor, String content, String extra) {
        svg.append("<text x=\"").append(n(tx)).append("\" y=\"").append(n(ty)).append("\" ").append(FONT).append(" font-size=\"")
                .append(size).append("\" text-anchor=\"").append(anchor).append('"').append(extra).append('>')
                .append(escape(content)).append("</text>\n");
    }

}
