package org.dysonsim.scenarios.report.predictions;

import java.util.function.DoubleFunction;

/**
 * An expensive function of time, kept for the last time it was asked at: a prediction's density
 * is asked for every x of a grid at one t, and its laws at t are built once for all of them.
 */
final class LastTime<V> {
    private final DoubleFunction<V> compute;
    private double time = Double.NaN;
    private V value;

    LastTime(DoubleFunction<V> compute) {
        this.compute = compute;
    }

    /** The function at {@code t}, computed again only when {@code t} differs from the last time asked. */
    synchronized V at(double t) {
        if (value == null || Double.compare(t, time) != 0) {
            value = compute.apply(t);
            time = t;
        }
        return value;
    }
}
