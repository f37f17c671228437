package org.dysonsim.scenarios.report;

import org.dysonsim.physics.stats.DetectableDeviation;

/**
 * The power of a comparison at the run's size: the smallest error of the simulation it would
 * catch, as a factor c ≥ 1 in a unit that fits its kind (docs/physics.md §7, Power). A
 * statistical comparison that cannot catch a twofold error ({@code c > 2}, or no finite c) gives
 * the verdict "inconclusive" instead of "pass".
 *
 * @param value          the factor c (+∞ when no error of this kind is caught; NaN where it is not statistical)
 * @param rule           what c means for this comparison, in words
 * @param catchesTwofold whether a pass means something: c ≤ 2, or a check that is not statistical
 */
public record Power(double value, String rule, boolean catchesTwofold) {
    /** The error every statistical comparison must be able to catch to pass. */
    public static final double TWOFOLD = 2.0;

    private static Power ofFactor(double c, String rule) {
        return new Power(c, rule, c <= TWOFOLD);
    }

    /**
     * A law compared by KS with {@code threshold}: the width factor c at which the KS distance
     * between N(0, 1) and N(0, c²) reaches the threshold ({@link DetectableDeviation#widthFactorAtKsDistance}).
     */
    public static Power ofKsThreshold(double threshold) {
        double c = DetectableDeviation.widthFactorAtKsDistance(threshold);
        if (Double.isInfinite(c)) {
            return ofFactor(c, "catches no width error: the KS threshold " + Decimals.of(threshold, 3)
                    + " is at least ½, and a law with its width off by any factor is less than ½ away");
        }
        return ofFactor(c, "catches a width off by ≥ " + Decimals.of(c, 3) + "× (or ≤ 1/" + Decimals.of(c, 3)
                + "): the KS distance between N(0, 1) and N(0, c²) equals the threshold at c = " + Decimals.of(c, 3));
    }

    /**
     * {@code quantity} held within {@code tolerance} of its expected value: the factor c such that
     * the quantity off by c either way (c·e or e/c) lies the tolerance away ({@link DetectableDeviation#factorAtTolerance}).
     */
    public static Power ofTolerance(double tolerance, double expected, String quantity) {
        double c = DetectableDeviation.factorAtTolerance(tolerance, expected);
        if (Double.isNaN(c)) return ofFactor(c, "undefined: the tolerance or the expected " + quantity + " is not a finite nonzero number");
        String ratio = "tolerance/|expected| = " + Decimals.of(tolerance / Math.abs(expected), 3);
        if (Double.isInfinite(c)) return ofFactor(c, "catches no factor error of the " + quantity + ": " + ratio + " ≥ 1");
        return ofFactor(c, "catches the " + quantity + " off by a factor ≥ " + Decimals.of(c, 3) + " either way (" + ratio + ")");
    }

    /**
     * A coverage of nominal {@code level} that may fall {@code shortfall} below it: how much too
     * narrow a Gaussian band must be to fall that far ({@link DetectableDeviation#bandNarrowingAtShortfall}).
     */
    public static Power ofCoverageShortfall(double level, double shortfall) {
        double c = DetectableDeviation.bandNarrowingAtShortfall(level, shortfall);
        if (Double.isInfinite(c)) {
            return ofFactor(c, "catches no band too narrow: the coverage may fall " + Decimals.of(shortfall, 3) + ", the whole level");
        }
        return ofFactor(c, "catches a band too narrow by a factor ≥ " + Decimals.of(c, 3) + " (a Gaussian band of nominal "
                + Decimals.of(level) + " covers " + Decimals.of(level - shortfall, 3) + " when the spread is c times its own)");
    }

    /** A check that is not statistical (no noise in its statistic), or a bound sized by the statistical error it guards. */
    public static Power sizedByConstruction(double value, String rule) {
        return new Power(value, rule, true);
    }
}
