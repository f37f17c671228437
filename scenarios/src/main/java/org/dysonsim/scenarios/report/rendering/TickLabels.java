package org.dysonsim.scenarios.report.rendering;

import java.math.BigDecimal;
import java.math.MathContext;
import org.knowm.xchart.XYChart;

/**
 * Axis tick labels that stay apart and read alike on every chart. XChart thins the ticks of
 * equally spaced x values (records every k steps) only until each label fits its slot with a 10 %
 * margin, so grouped labels ("1,200 1,600 2,000") all but touch; and its default pattern drops the
 * leading zero of a fraction (".08"). Labels here are plain numbers without grouping separators
 * and without floating-point tails, in scientific notation only when very large or very small.
 */
final class TickLabels {
    /** Significant digits a label keeps: far more than an axis needs, far fewer than a float's tail. */
    private static final MathContext LABEL_DIGITS = new MathContext(10);

    /** Below this a tick is the tick at 0 (the axes of this tool's charts never get this small). */
    private static final double ZERO = 1e-12;

    private TickLabels() {}

    static void apply(XYChart chart) {
        if (!chart.getStyler().isXAxisLogarithmic()) chart.setCustomXAxisTickLabelsFormatter(TickLabels::label);
        if (!chart.getStyler().isYAxisLogarithmic()) chart.setCustomYAxisTickLabelsFormatter(TickLabels::label);
    }

    static String label(Double value) {
        double v = value;
        if (!Double.isFinite(v)) return String.valueOf(v);
        double magnitude = Math.abs(v);
        if (magnitude < ZERO) return "0"; // a tick at 0 computed as a sum of steps: 2.7e-17, say
        if (magnitude >= 1e7 || magnitude < 1e-4) {
            int exponent = (int) Math.floor(Math.log10(magnitude));
            BigDecimal mantissa = new BigDecimal(v / Math.pow(10, exponent)).round(new MathContext(3));
            if (mantissa.abs().compareTo(BigDecimal.TEN) >= 0) {
                mantissa = mantissa.movePointLeft(1);
                exponent++;
            }
            return mantissa.stripTrailingZeros().toPlainString() + "e" + exponent;
        }
        return new BigDecimal(v).round(LABEL_DIGITS).stripTrailingZeros().toPlainString();
    }
}
