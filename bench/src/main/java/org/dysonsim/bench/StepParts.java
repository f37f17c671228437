package org.dysonsim.bench;

import org.dysonsim.physics.gas.BrownianBridge;
import org.dysonsim.physics.gas.ExplicitPredictor;
import org.dysonsim.physics.gas.FarField;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.GasStepper;
import org.dysonsim.physics.gas.NearestNeighbourImplicit;

/**
 * Where a plain-loop step of the benchmark gas spends its time: the parts of
 * {@link GasStepper}'s fixed step (one sub-step) done in the same order, each timed with
 * {@link System#nanoTime}: the noise (the Brownian increments of every level), the far-field
 * sums, the explicit predictor and the implicit solve.
 *
 * @param noiseMs     Brownian increments, per step
 * @param sumsMs      far-field sums ({@link FarField}: the fast sum from 2048 levels), per step
 * @param predictorMs drift, Coulomb and noise terms of the explicit half, per step
 * @param implicitMs  the nearest-neighbour implicit solve, per step
 */
record StepParts(double noiseMs, double sumsMs, double predictorMs, double implicitMs) {

    double totalMs() {
        return noiseMs + sumsMs + predictorMs + implicitMs;
    }

    /** Percent of {@link #totalMs} in {@code partMs}. */
    double share(double partMs) {
        return 100.0 * partMs / totalMs();
    }

    /** The parts of {@code steps} fixed steps from the benchmark start, after as many unmeasured ones. */
    static StepParts measure(int n, int steps) {
        GasModel model = BenchSystems.harmonicGas(n);
        double dt = BenchSystems.dt(n);
        FarField farField = new FarField(n, false);
        NearestNeighbourImplicit implicit = new NearestNeighbourImplicit(n);
        double[] x = BenchSystems.start(n), far = new double[n], z = new double[n], dW = new double[n];
        double[] one = new double[1];
        long[] nanos = new long[4];
        for (int s = 0; s < 2 * steps; s++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                BrownianBridge.increments(BenchSystems.SEED, 0, i, s, 0, dt, one);
                dW[i] = one[0];
            }
            long t1 = System.nanoTime();
            farField.sums(x, far, null);
            long t2 = System.nanoTime();
            ExplicitPredictor.predict(model, x, far, null, dW, dt, 0, n, z);
            long t3 = System.nanoTime();
            implicit.solve(model, z, dt, x);
            long t4 = System.nanoTime();
            if (s < steps) continue;
            nanos[0] += t1 - t0;
            nanos[1] += t2 - t1;
            nanos[2] += t3 - t2;
            nanos[3] += t4 - t3;
        }
        double perStep = 1e6 * steps;
        return new StepParts(nanos[0] / perStep, nanos[1] / perStep, nanos[2] / perStep, nanos[3] / perStep);
    }
}
