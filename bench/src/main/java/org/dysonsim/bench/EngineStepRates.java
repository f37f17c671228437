package org.dysonsim.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.dysonsim.actors.RecorderFactory;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.Simulation;
import org.dysonsim.physics.gas.FarField;

/**
 * Nominal steps per second of the engine as {@code dyson run} runs it: one member of the
 * benchmark gas ({@link BenchSystems}) through {@link Simulation#run} with the default block
 * layout, fixed step, the in-memory recorder. The start-up (actors, tile plan, start, the two
 * records) is cancelled by timing a short and a long run and dividing the difference of their
 * step counts by the difference of their wall times.
 *
 * <p>Run as a program ({@link #main}) it prints {@code n rate} lines for the sizes it is given:
 * {@link #directRates} starts it with the fast sum switched off ({@link DirectEngineProcess}).
 */
public final class EngineStepRates {
    private static final AtomicLong RUNS = new AtomicLong();

    private EngineStepRates() {}

    public static void main(String[] args) {
        try (Simulation simulation = new Simulation(BenchConfig.engine())) {
            for (String arg : args) {
                int n = Integer.parseInt(arg);
                System.out.println(n + " " + stepsPerSecond(simulation, n, SystemBenchmark.DEFAULT_BLOCK_SIZE));
            }
        }
    }

    /**
     * The steps of the short and the long run at {@code n}: the long one about half a second to a
     * few seconds of the engine, by its cost per step (O(N²) for the direct engine, about O(N) with
     * the fast sum), never fewer than 6 steps.
     */
    static long[] stepCounts(int n, boolean direct) {
        double nanosPerStep = direct || !FarField.fast(n) ? 0.3 * n * (double) n : 400.0 * n;
        long longRun = Math.max(6, Math.min(1000, Math.round(1e9 / nanosPerStep)));
        return new long[] {Math.max(2, longRun / 5), longRun};
    }

    /**
     * The engine's steady nominal steps per second at {@code n} with {@code blockSize}
     * ({@link SystemBenchmark#DEFAULT_BLOCK_SIZE}: the default layout): median of three short/long
     * pairs (one from 65 536 up).
     */
    static double stepsPerSecond(Simulation simulation, int n, int blockSize) {
        long[] steps = stepCounts(n, !FarField.fast(n));
        runMillis(simulation, n, steps[0], blockSize); // compiles the step's code
        int pairs = n > 65_536 ? 1 : 3;
        double[] rates = new double[pairs];
        for (int p = 0; p < pairs; p++) {
            double shortMs = runMillis(simulation, n, steps[0], blockSize);
            double longMs = runMillis(simulation, n, steps[1], blockSize);
            rates[p] = longMs > shortMs ? 1000.0 * (steps[1] - steps[0]) / (longMs - shortMs) : Double.NaN;
        }
        Arrays.sort(rates);
        return rates[pairs / 2];
    }

    private static double runMillis(Simulation simulation, int n, long steps, int blockSize) {
        long start = System.nanoTime();
        RunResult r = simulation.run(BenchSystems.spec("bench-steps-" + RUNS.incrementAndGet(), n, steps, 1, blockSize),
                RecorderFactory.inMemory(), RunListener.NONE);
        double ms = (System.nanoTime() - start) / 1e6;
        if (!r.succeeded()) throw new IllegalStateException("bench run at N = " + n + " failed: " + r.failure());
        return ms;
    }

    /**
     * The direct engine's rates at {@code sizes}, from this program in a JVM of its own with the
     * fast sum switched off ({@link DirectEngineProcess}); an empty map if it fails.
     */
    static Map<Integer, Double> directRates(int... sizes) {
        List<String> args = new ArrayList<>();
        for (int n : sizes) args.add(Integer.toString(n));
        Map<Integer, Double> rates = new LinkedHashMap<>();
        for (String line : DirectEngineProcess.output(EngineStepRates.class, args)) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 2) rates.put(Integer.parseInt(parts[0]), Double.parseDouble(parts[1]));
        }
        return rates;
    }

    /** "12.3" or "-" for a rate not measured. */
    static String format(Double rate) {
        return rate == null || rate.isNaN() ? "-" : String.format(Locale.ROOT, rate >= 100 ? "%.0f" : "%.2f", rate);
    }
}
