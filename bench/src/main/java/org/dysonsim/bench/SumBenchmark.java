package org.dysonsim.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.dysonsim.physics.fastsum.FastCoulombSums;
import org.dysonsim.physics.gas.CoulombTiles;
import org.dysonsim.physics.gas.FarField;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.GasStepper;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.TileSums;

/**
 * {@code dyson bench --sums}: the far-field sums of N eigenvalues at the semicircle's quantiles,
 * direct (the engine's tiles, every pair once) against the fast multipole sum, timed in the same
 * run, with the largest difference between them; then a plain-loop step of the benchmark gas at
 * the same N (fixed step, the sum it uses from {@link FarField}) and the share of it spent in the
 * sum. Its own harness rather than JMH: one direct sum at N = 65 536 takes seconds, and at
 * N = 1 048 576 it is not run but extrapolated as N² from 65 536 (its partials alone would need
 * 8·10¹² bytes).
 */
final class SumBenchmark {
    static final int[] SIZES = {4_096, 16_384, 65_536, 1_048_576};
    /** Above this the direct sum is extrapolated, not run. */
    static final int DIRECT_UP_TO = 65_536;

    private SumBenchmark() {}

    static void run(PrintStream out, boolean quick) {
        out.println(String.format(Locale.ROOT, "%-12s %14s %14s %10s %12s %14s %10s %10s", "N", "direct ms",
                "fast ms", "speed-up", "max error", "step ms", "steps/s", "sum share"));
        double directAt = Double.NaN;
        int measuredN = 0;
        for (int n : SIZES) {
            if (quick && n > DIRECT_UP_TO) continue;
            double[] x = semicircleQuantiles(n);
            double[] fast = new double[n];
            FastCoulombSums sums = new FastCoulombSums(n);
            double fastMs = medianMillis(() -> sums.sums(x, 0, n, fast, null), n >= 1 << 20 ? 3 : 9);
            String directText, ratioText, errorText;
            if (n <= DIRECT_UP_TO) {
                double[] direct = new double[n];
                TileSums tiles = new TileSums(n, false);
                double[] scratch = new double[CoulombTiles.SCRATCH];
                Runnable directSum = () -> {
                    for (int a = 0; a < tiles.tiles(); a++) {
                        for (int b = a; b < tiles.tiles(); b++) tiles.computePair(x, a, b, scratch);
                    }
                    tiles.total(0, n, direct, null);
                };
                directAt = medianMillis(directSum, n >= DIRECT_UP_TO ? 1 : 3);
                measuredN = n;
                directText = String.format(Locale.ROOT, "%.2f", directAt);
                ratioText = String.format(Locale.ROOT, "%.1f×", directAt / fastMs);
                errorText = String.format(Locale.ROOT, "%.1e", relativeError(x, fast, direct));
            } else {
                double extrapolated = directAt * ((double) n / measuredN) * ((double) n / measuredN);
                directText = String.format(Locale.ROOT, "~%.0f (N²)", extrapolated);
                ratioText = String.format(Locale.ROOT, "~%.0f×", extrapolated / fastMs);
                errorText = "-";
            }
            double stepMs = stepMillis(n, x);
            out.println(String.format(Locale.ROOT, "%-12d %14s %14.2f %10s %12s %14.2f %10.1f %9.0f%%", n, directText,
                    fastMs, ratioText, errorText, stepMs, 1000.0 / stepMs, 100.0 * fastMs / stepMs));
        }
        out.println("max error: largest |fast − direct| over Σ|1/(x_i − x_j)| of a sample of rows; step: one nominal"
                + " step of the benchmark gas (fixed step, plain loop, one core)");
    }

    /** The median wall time of {@code repeats} calls after two unmeasured ones. */
    static double medianMillis(Runnable work, int repeats) {
        work.run();
        if (repeats > 1) work.run();
        double[] ms = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            work.run();
            ms[r] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[repeats / 2];
    }

    /** Mean time of one nominal step of the benchmark gas started at {@code x}. */
    private static double stepMillis(int n, double[] start) {
        GasModel model = BenchSystems.harmonicGas(n);
        double dt = BenchSystems.dt(n);
        GasStepper stepper = new GasStepper(model, StepSizeRule.fixed(), BenchSystems.SEED, 0);
        double[] x = start.clone();
        int steps = n >= 1 << 20 ? 3 : n >= 65_536 ? 10 : 40;
        stepper.advance(x, 0, dt);
        long begin = System.nanoTime();
        for (int s = 1; s <= steps; s++) stepper.advance(x, s, dt);
        return (System.nanoTime() - begin) / 1e6 / steps;
    }

    /** Largest |fast − direct| relative to Σ_j |1/(x_i − x_j)| over 64 rows spread through the spectrum. */
    private static double relativeError(double[] x, double[] fast, double[] direct) {
        int n = x.length;
        double worst = 0.0;
        for (int k = 0; k < 64; k++) {
            int i = (int) ((long) k * (n - 1) / 63);
            double scale = 0.0;
            for (int j = 0; j < n; j++) {
                if (Math.abs(j - i) >= 2) scale += Math.abs(1.0 / (x[i] - x[j]));
            }
            worst = Math.max(worst, Math.abs(fast[i] - direct[i]) / scale);
        }
        return worst;
    }

    /**
     * The (i + ½)/N quantiles of the semicircle on [−1, 1] (the benchmark gas's equilibrium
     * shape), each by Newton's method on {@code F(x) = ½ + (x√(1 − x²) + asin x)/π} from the
     * previous one.
     */
    static double[] semicircleQuantiles(int n) {
        double[] x = new double[n];
        double guess = -1.0;
        for (int i = 0; i < n; i++) {
            double p = (i + 0.5) / n;
            // start from the edge's own law near the ends, where F is flat
            double v = i == 0 || i == n - 1 ? Math.signum(p - 0.5) * (1 - Math.pow(1.5 * Math.PI * Math.min(p, 1 - p), 2.0 / 3) / 2)
                    : guess;
            for (int it = 0; it < 50; it++) {
                double r = Math.sqrt(Math.max(0.0, 1 - v * v));
                double f = 0.5 + (v * r + Math.asin(v)) / Math.PI - p;
                double step = f / (2 * r / Math.PI);
                if (!Double.isFinite(step)) break;
                v = Math.max(-1.0, Math.min(1.0, v - step));
                if (Math.abs(step) < 1e-15) break;
            }
            x[i] = v;
            guess = v;
        }
        return x;
    }
}
