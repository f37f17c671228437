package org.dysonsim.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code dyson bench}: runs the JMH benchmarks side by side in one run and prints each
 * engine/baseline pair (the plain loop of the same integrator; for recording, the same run with
 * recording off) as a ratio against its target, because absolute times on a shared
 * machine mean little while ratios measured together do.
 */
public final class BenchMain {
    /** A measured pair and the speed-up it should reach. */
    record Target(String label, String benchmark, String param, double atLeast) {}

    static final List<Target> TARGETS = List.of(
            new Target("one system, N = 64", "SystemBenchmark", "64", 0.9),
            new Target("one system, N = 512", "SystemBenchmark", "512", Double.NaN),
            new Target("one system, N = 2048", "SystemBenchmark", "2048", 1.5),
            new Target("ensemble, 1000 members of N = 8", "EnsembleBenchmark", "", 1.5),
            new Target("recording every 10 steps, N = 1024", "RecordingBenchmark", "", 1 / 1.1));

    private BenchMain() {}

    public static void main(String[] args) throws RunnerException, java.io.IOException {
        boolean quick = List.of(args).contains("--quick");
        if (List.of(args).contains("--cluster")) {
            ClusterBench.main(args); // nodes on 127.0.0.1 in this JVM: its own measured harness
            return;
        }
        if (List.of(args).contains("--help")) {
            System.out.println("usage: dyson bench [--quick] [--cluster | --sums]\n  times the actor engine against a plain loop of the"
                    + " same integrator and prints speed-up ratios with their targets;\n  --cluster: ensemble throughput"
                    + " on 1-3 local cluster nodes and network bytes of a split system;\n  --sums: far-field sums direct"
                    + " against the fast multipole sum at N = 4096 to 1048576 (--quick: to 65536), with plain-loop step times;\n"
                    + "  then the engine's steps per second at N = 1024 to 1048576 against the direct engine, the targets,"
                    + " the plain step's parts and N = 1024 against a NumPy step");
            return;
        }
        if (List.of(args).contains("--sums")) {
            SumBenchmark.run(System.out, quick);
            EngineStepBenchmark.run(System.out, quick);
            return;
        }
        Collection<RunResult> results = new ArrayList<>();
        // the network benchmark reads Fashion-MNIST: left out where it is not installed
        String others = "SystemBenchmark|RecordingBenchmark|MatrixBenchmark"
                + (NetworkBenchmark.dataInstalled() ? "|NetworkBenchmark" : "");
        results.addAll(new Runner(options(others, quick ? 2 : 3, quick ? 1 : 2, quick).build()).run());
        // The ensemble engine warms up slowly (a thousand members through the actors: its first
        // operations take 3.7, 1.3, 1.2, 1.0, 0.6 s before settling at 0.23 s), so it gets 8 s
        // of warm-up even in a quick run; with 2 s its ratio came out anywhere from 1.0 to 1.4.
        results.addAll(new Runner(options("EnsembleBenchmark", quick ? 4 : 6, 2, quick).build()).run());
        System.out.println(table(results));
        System.out.println();
        System.out.println(matrixTable(results));
        if (NetworkBenchmark.dataInstalled()) System.out.println(networkTable(results));
        // ratios taken while other processes compete for the cores say little: show how busy it was
        System.out.printf(Locale.ROOT, "%d cores, load average %.1f at the end of the run%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * JMH settings for the benchmark classes {@code classes} (a regex alternation): two forks each
     * in a full run, because the same benchmark compiles differently from one JVM to the next (the
     * engine at N = 64 took 602 ms in one fork and 661 ms in another, against 560–573 ms for the
     * loop in both); one in a quick run.
     */
    private static ChainedOptionsBuilder options(String classes, int warmupIterations, int warmupSeconds, boolean quick) {
        return new OptionsBuilder()
                .include("org\\.dysonsim\\.bench\\.(" + classes + ")\\..*")
                .forks(quick ? 1 : 2)
                // an engine operation takes up to half a second: quick runs still warm up and
                // time several operations per iteration, or the ratios scatter by ±30 %
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.seconds(warmupSeconds))
                .measurementIterations(quick ? 3 : 5)
                .measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xmx4g");
    }

    /** met / NOT met on the measured ratio, flagged when its confidence interval straddles the target. */
    static String verdict(double ratio, double error, double atLeast) {
        if (Double.isNaN(atLeast)) return "";
        String verdict = ratio >= atLeast ? "met" : "NOT met";
        boolean certain = Double.isFinite(error) && (ratio - error >= atLeast || ratio + error < atLeast);
        return certain ? verdict : verdict + " (within the error)";
    }

    static String table(Collection<RunResult> results) {
        Map<String, double[]> byKey = new LinkedHashMap<>();
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().contains("MatrixBenchmark")
                    || r.getParams().getBenchmark().contains("NetworkBenchmark")) continue;
            String full = r.getParams().getBenchmark();
            String[] parts = full.split("\\.");
            String cls = parts[parts.length - 2];
            String method = parts[parts.length - 1];
            String param = r.getParams().getParamsKeys().isEmpty() ? "" : r.getParams().getParam("n");
            double[] pair = byKey.computeIfAbsent(cls + "|" + param, k -> new double[] {Double.NaN, Double.NaN, 0, 0});
            // the baseline is the plain loop, or the run with recording off
            int slot = method.equals("plainLoop") || method.equals("recordingOff") ? 0 : 1;
            pair[slot] = r.getPrimaryResult().getScore();
            pair[slot + 2] = r.getPrimaryResult().getScoreError();
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-38s %16s %16s %14s %8s  %s", "benchmark", "baseline ms/op",
                "engine ms/op", "speed-up", "target", "verdict"));
        for (Target t : TARGETS) {
            double[] p = byKey.get(t.benchmark() + "|" + t.param());
            String target = Double.isNaN(t.atLeast()) ? "-" : String.format(Locale.ROOT, "≥%.2f×", t.atLeast());
            if (p == null || Double.isNaN(p[0]) || Double.isNaN(p[1])) {
                lines.add(String.format(Locale.ROOT, "%-38s %16s %16s %14s %8s  %s", t.label(), "-", "-", "-", target,
                        Double.isNaN(t.atLeast()) ? "" : "not measured"));
                continue;
            }
            double ratio = p[0] / p[1];
            // JMH's errors are 99.9 % confidence half-widths; relative errors add in quadrature
            double error = ratio * Math.hypot(p[2] / p[0], p[3] / p[1]);
            lines.add(String.format(Locale.ROOT, "%-38s %9.2f ± %-5.2f %9.2f ± %-5.2f %6.2f ± %-4.2f× %8s  %s", t.label(),
                    p[0], p[2], p[1], p[3], ratio, error, target, verdict(ratio, error, t.atLeast())));
        }
        return String.join(System.lineSeparator(), lines);
    }

    /**
     * Matrix-level training: steps per second through the actors and in the plain loop, and the
     * share of the plain loop's time spent on WᵀW and its eigen-decomposition (spectra every
     * {@value MatrixBenchmark#EVERY} steps), the data set's generation left out of both.
     */
    static String matrixTable(Collection<RunResult> results) {
        Map<String, Map<String, Double>> byShape = new LinkedHashMap<>();
        for (RunResult r : results) {
            String full = r.getParams().getBenchmark();
            if (!full.contains("MatrixBenchmark")) continue;
            String method = full.substring(full.lastIndexOf('.') + 1);
            byShape.computeIfAbsent(r.getParams().getParam("shape"), k -> new LinkedHashMap<>())
                    .put(method, r.getPrimaryResult().getScore());
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-38s %14s %14s %12s %14s", "matrix SGD, spectra every "
                + MatrixBenchmark.EVERY + " steps", "actors steps/s", "loop steps/s", "actors/loop", "eigen share"));
        for (Map.Entry<String, Map<String, Double>> e : byShape.entrySet()) {
            double actors = e.getValue().getOrDefault("actorEngine", Double.NaN);
            double loop = e.getValue().getOrDefault("plainLoop", Double.NaN);
            double spectra = e.getValue().getOrDefault("spectraOnly", Double.NaN);
            double data = e.getValue().getOrDefault("dataSetOnly", 0.0);
            double steps = MatrixBenchmark.STEPS;
            // every run first generates its data set: left out of the per-step figures
            // a benchmark that did not run shows as NaN rather than a made-up figure
            lines.add(String.format(Locale.ROOT, "%-38s %14.1f %14.1f %11.2f× %13.0f%%", "M×N = " + e.getKey().replace('x', '×')
                    + ", |B| = " + MatrixBenchmark.BATCH, 1000 * steps / (actors - data), 1000 * steps / (loop - data),
                    (loop - data) / (actors - data), 100 * spectra / (loop - data)));
        }
        return String.join(System.lineSeparator(), lines);
    }

    /**
     * Network training: steps per second through the layer actors and in the plain loop, and the
     * share of the plain loop's time spent on the layers' eigen-decompositions (records every
     * {@value NetworkBenchmark#EVERY} steps).
     */
    static String networkTable(Collection<RunResult> results) {
        Map<String, Double> score = new LinkedHashMap<>();
        for (RunResult r : results) {
            String full = r.getParams().getBenchmark();
            if (full.contains("NetworkBenchmark")) score.put(full.substring(full.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        double actors = score.getOrDefault("actorEngine", Double.NaN), loop = score.getOrDefault("plainLoop", Double.NaN);
        double spectra = score.getOrDefault("spectraOnly", Double.NaN), steps = NetworkBenchmark.STEPS;
        return String.format(Locale.ROOT, "%-38s %14s %14s %12s %14s%n%-38s %14.1f %14.1f %11.2f× %13.0f%%",
                "network 784-300-100-10, records every " + NetworkBenchmark.EVERY, "actors steps/s", "loop steps/s",
                "actors/loop", "eigen share", "Fashion-MNIST, |B| = " + NetworkBenchmark.BATCH, 1000 * steps / actors,
                1000 * steps / loop, loop / actors, 100 * spectra / loop);
    }
}
