package org.dysonsim.scenarios.report.rendering;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;

/** The small pieces of SVG markup an {@link SvgChart} is written with. */
final class SvgMarkup {
    /** Average width of a character in font sizes, to lay out text without measuring glyphs. */
    private static final double CHAR_WIDTH = 0.56;

    private SvgMarkup() {}

    /** {@code attribute} (fill or stroke) in the colour, with its opacity when it is translucent. */
    static String paint(String attribute, Color c) {
        String rgb = String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
        String out = " " + attribute + "=\"" + rgb + "\"";
        return c.getAlpha() == 255 ? out : out + " " + attribute + "-opacity=\"" + n(c.getAlpha() / 255.0) + "\"";
    }

    /** The stroke's dash pattern as {@code stroke-dasharray}, nothing for a solid line. */
    static String dashes(BasicStroke stroke) {
        float[] dash = stroke == null ? null : stroke.getDashArray();
        if (dash == null || dash.length == 0) return "";
        StringBuilder b = new StringBuilder(" stroke-dasharray=\"");
        for (int i = 0; i < dash.length; i++) b.append(i == 0 ? "" : ",").append(n(dash[i]));
        return b.append('"').toString();
    }

    /** The width of {@code s} in pixels at {@code size}, estimated. */
    static double textWidth(String s, int size) {
        return s.length() * size * CHAR_WIDTH;
    }

    /**
     * {@code s} as XML character data and attribute value: escaped as the HTML report escapes, and
     * without control characters (tab aside): XML 1.0 allows few, and a line break would split a label.
     */
    static String escape(String s) {
        return HtmlReport.escape(s.replaceAll("[\\x00-\\x08\\x0A-\\x1F]", ""));
    }

    /** A pixel coordinate: two decimals are below what any screen or printer shows. */
    static String n(double v) {
        long r = Math.round(v * 100);
        return r % 100 == 0 ? Long.toString(r / 100) : Double.toString(r / 100.0);
    }
}
