package org.dysonsim.bench;

import java.util.Arrays;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.GasStepper;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;

/** The systems the benchmarks time: a harmonic Coulomb gas at the scale of its own spacing. */
final class BenchSystems {
    static final long SEED = 2026;

    private BenchSystems() {}

    /** N levels in a harmonic well whose equilibrium width is O(1): g² = 1/N, Ω = 1. */
    static GasModel harmonicGas(int n) {
        double[] g2 = new double[n];
        Arrays.fill(g2, 1.0 / n);
        double[] omega = new double[n];
        Arrays.fill(omega, 1.0);
        return new GasModel(g2, g2.clone(), new double[n], new Drift.Harmonic(new double[n], omega), Wall.NONE, Wall.NONE);
    }

    /** Evenly spread start on [−1, 1]. */
    static double[] start(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = -1.0 + 2.0 * (i + 0.5) / n;
        return x;
    }

    /** dt well inside the stable range: a tenth of the squared mean spacing over g². */
    static double dt(int n) {
        double spacing = 2.0 / n;
        return 0.1 * spacing * spacing * n;
    }

    static RunSpec spec(String id, int n, long steps, int members, int blockSize) {
        return new RunSpec(id, "bench", "", harmonicGas(n), new InitialSpectrum.Explicit(start(n)),
                StepSizeRule.fixed(), dt(n), steps, (int) steps, SEED, members, blockSize,
                RunSpec.Coordinates.EIGENVALUES);
    }

    /** The plain single-threaded loop of the same integrator: the baseline. Returns a checksum. */
    static double plainLoop(int n, long steps, int members) {
        GasModel model = harmonicGas(n);
        double dt = dt(n);
        double checksum = 0.0;
        for (int m = 0; m < members; m++) {
            double[] x = start(n);
            GasStepper stepper = new GasStepper(model, StepSizeRule.fixed(), SEED, m);
            for (long s = 0; s < steps; s++) stepper.advance(x, s, dt);
            checksum += x[n - 1];
        }
        return checksum;
    }
}
