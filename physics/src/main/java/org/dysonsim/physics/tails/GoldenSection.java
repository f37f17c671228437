package org.dysonsim.physics.tails;

import java.util.function.DoubleUnaryOperator;

/** The maximum of a unimodal function on an interval by golden-section search (one new evaluation per step). */
final class GoldenSection {
    private static final double RATIO = (Math.sqrt(5) - 1) / 2;

    private GoldenSection() {}

    static double maximise(DoubleUnaryOperator f, double lo, double hi, double tolerance) {
        double a = lo, c = hi;
        double x1 = c - RATIO * (c - a), x2 = a + RATIO * (c - a);
        double f1 = f.applyAsDouble(x1), f2 = f.applyAsDouble(x2);
        while (c - a > tolerance) {
            if (f1 > f2) {
                c = x2;
                x2 = x1;
                f2 = f1;
                x1 = c - RATIO * (c - a);
                f1 = f.applyAsDouble(x1);
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + RATIO * (c - a);
                f2 = f.applyAsDouble(x2);
            }
        }
        return 0.5 * (a + c);
    }
}
