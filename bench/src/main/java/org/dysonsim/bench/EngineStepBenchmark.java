package org.dysonsim.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.dysonsim.actors.Simulation;

/**
 * The second table of {@code dyson bench --sums}: the engine's nominal steps per second as
 * {@code dyson run} runs it ({@link EngineStepRates}) at N = 1024 to 1 048 576, the direct engine's
 * (the fast sum switched off, in a JVM of its own) at 4096 and 16 384, the targets, and
 * where a plain-loop step spends its time ({@link StepParts}); then N = 1024 against one NumPy
 * explicit Euler step of the same gas ({@link NumpyEulerStep}).
 */
final class EngineStepBenchmark {
    static final int[] SIZES = {1_024, 4_096, 16_384, 65_536, 1_048_576};
    static final int[] DIRECT_SIZES = {4_096, 16_384};
    /** The engine at N = 1024 should take at most a tenth of NumPy's step. */
    static final double NUMPY_TARGET = 10.0;

    private EngineStepBenchmark() {}

    static void run(PrintStream out, boolean quick) {
        Map<Integer, Double> direct = EngineStepRates.directRates(DIRECT_SIZES);
        out.println();
        out.println("engine through Simulation.run (one member, default blocks, fixed step), steady nominal steps per second;"
                + " plain loop split into its parts");
        out.println(String.format(Locale.ROOT, "%-9s %10s %10s %9s %-15s %-8s %10s %9s %6s %9s %6s %6s", "N", "steps/s",
                "direct", "speed-up", "target", "verdict", "one block", "loop ms", "sums", "implicit", "noise", "other"));
        double engineAt1024 = Double.NaN;
        try (Simulation simulation = new Simulation(BenchConfig.engine())) {
            for (int n : SIZES) {
                if (quick && n > 65_536) continue;
                double rate = EngineStepRates.stepsPerSecond(simulation, n, SystemBenchmark.DEFAULT_BLOCK_SIZE);
                double oneBlock = n > 65_536 ? Double.NaN : EngineStepRates.stepsPerSecond(simulation, n, n);
                if (n == 1_024) engineAt1024 = 1000.0 / rate;
                Double directRate = direct.get(n);
                double speedUp = directRate == null ? Double.NaN : rate / directRate;
                String[] target = target(n, rate, speedUp);
                StepParts parts = StepParts.measure(n, partSteps(n));
                out.println(String.format(Locale.ROOT, "%-9d %10s %10s %9s %-15s %-8s %10s %9.2f %5.0f%% %8.0f%% %5.0f%% %5.0f%%",
                        n, EngineStepRates.format(rate), EngineStepRates.format(directRate),
                        Double.isNaN(speedUp) ? "-" : String.format(Locale.ROOT, "%.1f×", speedUp), target[0], target[1],
                        EngineStepRates.format(oneBlock),
                        parts.totalMs(), parts.share(parts.sumsMs()), parts.share(parts.implicitMs()),
                        parts.share(parts.noiseMs()), parts.share(parts.predictorMs())));
            }
        }
        out.println("direct: the same engine with the direct tiles at every N (-D" + org.dysonsim.physics.gas.FarField.DIRECT_ONLY_PROPERTY
                + "=true, own JVM); one block: the engine with blocks.size = N (to 65536); loop ms: one plain-loop step,"
                + " its parts timed with System.nanoTime (other: the explicit predictor)");
        String[] why = {""};
        OptionalDouble numpy = NumpyEulerStep.millis(1_024, 50, why);
        if (numpy.isPresent()) {
            double ratio = numpy.getAsDouble() / engineAt1024;
            out.println(String.format(Locale.ROOT, "N = 1024: engine %.3f ms/step, NumPy explicit Euler (all pairs) %.3f ms/step:"
                    + " engine %.1f× NumPy, target ≥%.0f× (%s)", engineAt1024, numpy.getAsDouble(), ratio, NUMPY_TARGET,
                    ratio >= NUMPY_TARGET ? "met" : "NOT met"));
        } else {
            out.println("N = 1024 against NumPy: not measured, " + why[0]);
        }
        out.printf(Locale.ROOT, "%d cores, load average %.1f at the end of the run%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * Plain-loop steps timed for the parts at {@code n} (after as many unmeasured): about
     * 1.5·10⁶ eigenvalue-steps, so that the loops are compiled before they are timed; 3 to 400.
     */
    static int partSteps(int n) {
        return Math.max(3, Math.min(400, 1_500_000 / n));
    }

    /** The target at {@code n} and whether the measured rate (or speed-up over the direct engine) meets it. */
    static String[] target(int n, double rate, double speedUpOverDirect) {
        return switch (n) {
            case 4_096 -> verdict("≥1× direct", speedUpOverDirect, 1.0);
            case 16_384 -> verdict("≥20× direct", speedUpOverDirect, 20.0);
            case 65_536 -> verdict("≥10 steps/s", rate, 10.0);
            default -> new String[] {"-", ""};
        };
    }

    private static String[] verdict(String target, double measured, double atLeast) {
        String verdict = Double.isNaN(measured) ? "-" : measured >= atLeast ? "met" : "NOT met";
        return new String[] {target, verdict};
    }
}
