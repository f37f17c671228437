package org.dysonsim.physics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.laws.NormalLaw;
import org.junit.jupiter.api.Test;

class DetectableDeviationTest {
    /** Grid step of the direct supremum; Φ's slope is at most 0.4, so the grid misses the peak by far less than this squared. */
    private static final double GRID = 1e-4;
    /** Agreement of the closed form with the grid supremum (the grid's error is second order in its step). */
    private static final double GRID_TOLERANCE = 1e-8;
    private static final NormalLaw STANDARD = new NormalLaw(0, 1);

    /** sup_x |Φ(x) − Φ(x/c)| by brute force on a grid over [0, 8] (the difference is odd in x; for c ≤ 8 its peak is below 3). */
    private static double directKsDistance(double c) {
        NormalLaw wide = new NormalLaw(0, c * c);
        double d = 0;
        for (double x = 0; x <= 8; x += GRID) d = Math.max(d, Math.abs(STANDARD.cdf(x) - wide.cdf(x)));
        return d;
    }

    @Test
    void closedFormKsDistanceOfAWidthErrorMatchesTheDirectSupremum() {
        for (double c : new double[] {1.05, 1.4, 2.0, 0.5, 7.9}) {
            assertEquals(directKsDistance(c), DetectableDeviation.gaussianWidthKsDistance(c), GRID_TOLERANCE, "c = " + c);
        }
        assertEquals(DetectableDeviation.gaussianWidthKsDistance(4.0), DetectableDeviation.gaussianWidthKsDistance(0.25), 1e-15);
    }

    @Test
    void solvedWidthFactorBringsTheKsDistanceToTheThreshold() {
        for (int n : new int[] {200, 1000, 40_000}) {
            double threshold = KolmogorovSmirnov.CRITICAL_1E4 / Math.sqrt(n);
            double c = DetectableDeviation.widthFactorAtKsDistance(threshold);
            assertTrue(c > 1 && c < 2, n + " samples catch a 2× width error, c = " + c);
            assertEquals(threshold, directKsDistance(c), 1e-7, "n = " + n);
        }
    }

    @Test
    void sixteenAgainstSixteenMembersCannotCatchAnyWidthError() {
        // two-sample KS at 1e-4 with n = m = 16: n_e = 8, threshold 2.2253/√8 ≈ 0.787 > ½
        double threshold = KolmogorovSmirnov.CRITICAL_1E4 / Math.sqrt(16.0 * 16 / 32);
        assertEquals(Double.POSITIVE_INFINITY, DetectableDeviation.widthFactorAtKsDistance(threshold));
        // and even 100 against 100 (threshold 0.31) cannot catch a factor 2 (its distance is 0.161)
        double hundred = DetectableDeviation.widthFactorAtKsDistance(KolmogorovSmirnov.CRITICAL_1E4 / Math.sqrt(50));
        assertTrue(hundred > 2 && Double.isFinite(hundred), "c = " + hundred);
    }

    @Test
    void factorAtToleranceIsTheSmallerWayOff() {
        double c = DetectableDeviation.factorAtTolerance(0.3, 2.0);
        assertEquals(0.3, 2.0 - 2.0 / c, 1e-14, "e/c lies exactly the tolerance below e");
        assertTrue(2.0 * c - 2.0 > 0.3, "c·e lies beyond it");
        assertEquals(2.0, DetectableDeviation.factorAtTolerance(1.0, -2.0), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, DetectableDeviation.factorAtTolerance(2.5, 2.0));
        assertTrue(Double.isNaN(DetectableDeviation.factorAtTolerance(0.1, 0.0)));
    }

    @Test
    void bandNarrowingBringsTheCoverageDownByTheShortfall() {
        double level = 0.9, shortfall = 0.2;
        double c = DetectableDeviation.bandNarrowingAtShortfall(level, shortfall);
        double z = 1.6448536269514722; // Φ⁻¹(0.95)
        NormalLaw wide = new NormalLaw(0, c * c);
        assertEquals(level - shortfall, wide.cdf(z) - wide.cdf(-z), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, DetectableDeviation.bandNarrowingAtShortfall(level, 0.95));
        assertEquals(1.0, DetectableDeviation.bandNarrowingAtShortfall(level, 0.0));
    }
}
