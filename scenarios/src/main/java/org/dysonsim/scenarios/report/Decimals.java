package org.dysonsim.scenarios.report;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How a report prints a number in a name, title, legend or table. A value as a scenario states
 * it (0.0025, 5.6, 400) reads as stated; a computed one whose shortest round-tripping form is
 * long, such as {@code 0.0025000000000000005} (0.05²) or {@code 5.6000000000000005} (28 × 0.2),
 * is cut to six significant digits and trailing zeros dropped: {@code 0.0025}, {@code 5.6}.
 */
public final class Decimals {
    /** Shortest forms with more significant digits than this are artefacts of binary arithmetic, not stated values. */
    static final int STATED_DIGITS = 10;

    private Decimals() {}

    /** The number as stated, or to six significant digits: {@code 0.0025}, {@code 5.6}, {@code 400}, {@code 1.5e-7}. */
    public static String of(double v) {
        if (!Double.isFinite(v)) return special(v);
        BigDecimal shortest = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        return shortest.precision() <= STATED_DIGITS ? plain(shortest) : of(v, 6);
    }

    /** {@code digits} significant digits, trailing zeros (and a bare point) dropped; integers below 10¹⁵ whole. */
    public static String of(double v, int digits) {
        if (!Double.isFinite(v)) return special(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%." + digits + "g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.indexOf('.') >= 0) mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        if (mantissa.equals("-0")) mantissa = "0";
        return e < 0 ? mantissa : mantissa + "e" + Integer.parseInt(s.substring(e + 1));
    }

    private static String plain(BigDecimal d) {
        if (d.signum() == 0) return "0";
        double magnitude = Math.abs(d.doubleValue());
        if (magnitude >= 1e-4 && magnitude < 1e15) return d.toPlainString();
        return d.unscaledValue().toString().replaceFirst("^(-?\\d)(\\d+)$", "$1.$2") + "e" + (d.precision() - d.scale() - 1);
    }

    private static String special(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "∞" : "−∞";
    }
}
