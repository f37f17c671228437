package org.dysonsim.bench;
// Over 300 lines: starting the nodes, running the study on each node count and printing the table
// are one measured sequence, read top to bottom.

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.dysonsim.actors.BlockHosts;
import org.dysonsim.actors.RecorderFactory;
import org.dysonsim.actors.JournalRecorders;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.actors.Simulation;
import org.dysonsim.actors.cluster.ClusterNode;
import org.dysonsim.actors.cluster.ClusterStudy;
import org.dysonsim.actors.cluster.NodeSettings;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.Journal;
import org.dysonsim.persistence.JournalConfig;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.init.InitialSpectrum;

/**
 * {@code dyson bench --cluster}: a measured harness (cluster nodes do not fit in a JMH fork's
 * lifecycle) for two questions of issue 6, every node an actor system on 127.0.0.1 in this JVM.
 *
 * <ol>
 *   <li>Throughput of one ensemble study, recorded to the journal, on 1, 2 and 3 worker nodes
 *       (plus the submitting node) against the same study run by one plain actor system, as
 *       {@code dyson run} does. All nodes share this machine's cores, so more nodes cannot add
 *       throughput here: the figures show what the distribution costs.</li>
 *   <li>Network bytes per step of one system of N = 4096 split over three nodes, counted by a
 *       serializer wrapper ({@link CountingSerializer}) by message class, against the analytic
 *       figure for the exchanged positions: 8 bytes per eigenvalue per peer block on another node;
 *       then the same table for the direct tiles ({@link DirectEngineProcess}), whose blocks also
 *       exchange the Coulomb partials of the tile pairs they compute for each other.</li>
 * </ol>
 * Each figure is the median of several runs after a warm-up, with the spread; one timing taken
 * while others build means little.
 */
public final class ClusterBench {

    private static final String HOST = NodeSettings.DEFAULT_HOST;
    private static final Config NODE_SETTINGS = ConfigFactory.parseString("""
            # Nodes of one JVM on two busy cores: heartbeat and shutdown warnings are expected noise.
            pekko.loglevel = ERROR
            pekko.log-dead-letters = off
            pekko.log-dead-letters-during-shutdown = off
            pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
            pekko.cluster.failure-detector.acceptable-heartbeat-pause = 10s
            pekko.actor.serializers.dyson-kryo = "org.dysonsim.bench.CountingSerializer"
            """);

    /** The ensemble study: independent members, each a small gas owned by one block. */
    private record Study(int members, int n, long steps) {
        RunSpec spec(String runId) {
            return new RunSpec(runId, "bench", "name = bench\n", BenchSystems.harmonicGas(n),
                    new InitialSpectrum.Explicit(BenchSystems.start(n)), StepSizeRule.fixed(), BenchSystems.dt(n), steps,
                    (int) (steps / 4), BenchSystems.SEED, members, n, RunSpec.Coordinates.EIGENVALUES);
        }

        long memberSteps() {
            return members * steps;
        }
    }

    /** Only the split system's table: how the direct engine's figures are taken ({@link DirectEngineProcess}). */
    static final String SPLIT_ONLY = "--split-only";

    private ClusterBench() {}

    public static void main(String[] args) throws IOException {
        boolean quick = List.of(args).contains("--quick");
        boolean splitOnly = List.of(args).contains(SPLIT_ONLY);
        int repeats = quick ? 2 : 5;
        Study study = quick ? new Study(24, 32, 4_000) : new Study(48, 32, 10_000);
        Path root = Files.createTempDirectory("dyson-bench-cluster-");
        try {
            if (!splitOnly) {
                System.out.println(ensembleTable(root, study, repeats));
                System.out.println();
            }
            System.out.println(splitTable(root, quick ? 10 : 30, quick ? 2 : 3));
        } finally {
            delete(root);
        }
        if (splitOnly) return;
        // the same split system with the direct tiles, whose blocks also exchange Coulomb partials
        System.out.println();
        System.out.println("the same split system with the direct tiles (the engine without the fast sum, a JVM of its own):");
        List<String> direct = DirectEngineProcess.output(ClusterBench.class, quick ? List.of(SPLIT_ONLY, "--quick")
                : List.of(SPLIT_ONLY));
        direct.forEach(System.out::println);
    }

    // ---- 1. ensemble throughput -------------------------------------------------------------

    private static String ensembleTable(Path root, Study study, int repeats) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "ensemble study: %d members of N = %d, %d steps each, recorded to the journal;"
                + " median of %d runs after a warm-up (min-max)", study.members(), study.n(), study.steps(), repeats));
        lines.add(String.format(Locale.ROOT, "%-36s %28s %8s %28s %8s", "configuration", "member-steps per wall s",
                "vs one", "member-steps per CPU s", "vs one"));
        double[][] single = oneNode(root.resolve("single"), study, repeats);
        lines.add(row("one actor system (dyson run)", single, single));
        for (int workers = 1; workers <= 3; workers++) {
            double[][] cluster = onCluster(root.resolve("cluster-" + workers), study, workers, repeats);
            lines.add(row("cluster, " + workers + " worker node" + (workers > 1 ? "s" : "") + " + submitter", cluster,
                    single));
        }
        // Again at the end: the drift of the machine (other jobs, the JIT) over the whole table.
        lines.add(row("one actor system, measured again", oneNode(root.resolve("single-again"), study, repeats), single));
        lines.add("(" + Runtime.getRuntime().availableProcessors() + " cores shared by every node of this JVM and by"
                + " whatever else runs on the machine: per wall second, more nodes means more threads and a larger"
                + " share of a busy machine; per CPU second of this process is the cost of the work itself)");
        return String.join(System.lineSeparator(), lines);
    }

    private static double[][] oneNode(Path dir, Study study, int repeats) {
        DataDirectory data = DataDirectory.createOrOpen(dir);
        try (Simulation simulation = new Simulation(JournalConfig.forWriting(data, BenchConfig.engine()))) {
            Journal.ensureSchema(simulation.system());
            return measure(study, repeats, runId -> check(simulation.run(study.spec(runId), JournalRecorders.members(simulation.system()),
                    RunListener.NONE)));
        }
    }

    private static double[][] onCluster(Path dir, Study study, int workers, int repeats) {
        Config journal = JournalConfig.forWriting(DataDirectory.createOrOpen(dir), ConfigFactory.empty());
        List<ClusterNode> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                List<String> seeds = i == 0 ? List.of() : List.of(nodes.get(0).hostPort());
                nodes.add(awaitUp(ClusterNode.start(NodeSettings.worker(HOST, 0, seeds), NODE_SETTINGS, journal)));
            }
            ClusterNode submitter = awaitUp(ClusterNode.start(NodeSettings.submitter(HOST, nodes.get(0).hostPort()),
                    NODE_SETTINGS, journal));
            nodes.add(submitter);
            ClusterStudy cluster = new ClusterStudy(submitter);
            return measure(study, repeats, runId -> check(cluster.run(study.spec(runId), RunListener.NONE).result()));
        } finally {
            for (int i = nodes.size() - 1; i >= 0; i--) nodes.get(i).close();
        }
    }

    private interface Run {
        void run(String runId);
    }

    /**
     * Member-steps per wall-clock second ({@code [0]}) and per CPU second of this process
     * ({@code [1]}) of each measured run, after one warm-up run.
     */
    private static double[][] measure(Study study, int repeats, Run run) {
        run.run("bench-warm-up-" + System.nanoTime());
        double[][] rates = new double[2][repeats];
        for (int r = 0; r < repeats; r++) {
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            run.run("bench-" + r + "-" + System.nanoTime());
            rates[0][r] = study.memberSteps() / ((System.nanoTime() - start) / 1e9);
            rates[1][r] = study.memberSteps() / ((processCpuNanos() - cpu) / 1e9);
        }
        return rates;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String row(String label, double[][] rates, double[][] reference) {
        return String.format(Locale.ROOT, "%-36s %28s %7.2f× %28s %7.2f×", label, spread(rates[0]),
                median(rates[0]) / median(reference[0]), spread(rates[1]), median(rates[1]) / median(reference[1]));
    }

    private static String spread(double[] values) {
        return String.format(Locale.ROOT, "%.3g (%.3g-%.3g)", median(values), min(values), max(values));
    }

    // ---- 2. network bytes of a split system -------------------------------------------------

    private static final int SPLIT_N = 4096, SPLIT_BLOCK = 1024, SPLIT_NODES = 3;

    private static String splitTable(Path root, long steps, int repeats) {
        Config journal = JournalConfig.forWriting(DataDirectory.createOrOpen(root.resolve("split")), ConfigFactory.empty());
        List<ClusterNode> nodes = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int blocks = SPLIT_N / SPLIT_BLOCK;
        try {
            for (int i = 0; i < SPLIT_NODES; i++) {
                List<String> seeds = i == 0 ? List.of() : List.of(nodes.get(0).hostPort());
                nodes.add(awaitUp(ClusterNode.start(NodeSettings.worker(HOST, 0, seeds), NODE_SETTINGS, journal)));
            }
            ClusterNode home = nodes.get(0);
            awaitHosts(home);
            Simulation split = new Simulation(home.system());
            split.run(splitSpec("split-warm-up", steps, SPLIT_NODES), RecorderFactory.inMemory(), RunListener.NONE);
            CountingSerializer.reset();
            double[] splitMs = new double[repeats];
            RunResult last = null;
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                last = check(split.run(splitSpec("split-" + r, steps, SPLIT_NODES), RecorderFactory.inMemory(), RunListener.NONE));
                splitMs[r] = (System.nanoTime() - start) / 1e6 / steps;
            }
            Map<String, CountingSerializer.Count> counts = CountingSerializer.counts();
            double[][] lastLocal = new double[1][];
            double[] localMs = localMsPerStep(steps, repeats, lastLocal);

            long measuredSteps = steps * repeats;
            long analytic = analyticPositionBytes(blocks);
            lines.add(String.format(Locale.ROOT, "split system: N = %d in %d blocks of %d on %d nodes (blocks.nodes = %d),"
                    + " fixed step (one exchange per step), %d steps x %d runs", SPLIT_N, blocks, SPLIT_BLOCK, SPLIT_NODES,
                    SPLIT_NODES, steps, repeats));
            lines.add(String.format(Locale.ROOT, "%-44s %14s %14s", "serialized message (crossing a node boundary)",
                    "messages/step", "bytes/step"));
            long total = 0;
            long messages = 0;
            for (Map.Entry<String, CountingSerializer.Count> entry : counts.entrySet()) {
                CountingSerializer.Count c = entry.getValue();
                total += c.bytes();
                messages += c.messages();
                lines.add(String.format(Locale.ROOT, "%-44s %14.1f %14.0f", entry.getKey(),
                        (double) c.messages() / measuredSteps, (double) c.bytes() / measuredSteps));
            }
            lines.add(String.format(Locale.ROOT, "%-44s %14.1f %14.0f", "total payload", (double) messages / measuredSteps,
                    (double) total / measuredSteps));
            CountingSerializer.Count predictions = counts.getOrDefault("BlockCommand$Predictions",
                    new CountingSerializer.Count(0, 0));
            lines.add(String.format(Locale.ROOT, "%-44s %14s %14d   (measured positions: %.0f, %.3f× analytic)",
                    "analytic positions: 8 B x eigenvalue x remote peer", "", analytic,
                    (double) predictions.bytes() / measuredSteps, predictions.bytes() / (double) measuredSteps / analytic));
            boolean same = Arrays.equals(last.members().get(0).values()[last.members().get(0).values().length - 1],
                    lastLocal[0]);
            lines.add(String.format(Locale.ROOT, "ms per step: split over %d nodes %.1f (%.1f-%.1f), same %d blocks in one"
                    + " actor system %.1f (%.1f-%.1f); final positions %s", SPLIT_NODES, median(splitMs),
                    min(splitMs), max(splitMs), blocks, median(localMs), min(localMs), max(localMs),
                    same ? "bit-identical" : "DIFFER"));
            lines.add("(remoting adds an envelope of a few tens of bytes per message, not counted above)");
        } finally {
            for (int i = nodes.size() - 1; i >= 0; i--) nodes.get(i).close();
        }
        return String.join(System.lineSeparator(), lines);
    }

    private static RunSpec splitSpec(String runId, long steps, int blocksNodes) {
        return new RunSpec(runId, "bench", "name = bench\nblocks.nodes = " + blocksNodes + "\n",
                BenchSystems.harmonicGas(SPLIT_N), new InitialSpectrum.Explicit(BenchSystems.start(SPLIT_N)),
                StepSizeRule.fixed(), BenchSystems.dt(SPLIT_N), steps, (int) steps, BenchSystems.SEED, 1, SPLIT_BLOCK,
                RunSpec.Coordinates.EIGENVALUES).withPlacement(new RunSpec.Placement(SPLIT_BLOCK, blocksNodes));
    }

    /** {@code last[0]}: the final positions of the last run. */
    private static double[] localMsPerStep(long steps, int repeats, double[][] last) {
        try (Simulation local = new Simulation(BenchConfig.engine())) {
            local.run(splitSpec("local-warm-up", steps, 1), RecorderFactory.inMemory(), RunListener.NONE);
            double[] ms = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                RunResult result = check(local.run(splitSpec("local-" + r, steps, 1), RecorderFactory.inMemory(),
                        RunListener.NONE));
                ms[r] = (System.nanoTime() - start) / 1e6 / steps;
                double[][] values = result.members().get(0).values();
                last[0] = values[values.length - 1];
            }
            return ms;
        }
    }

    /**
     * Bytes of positions per exchange: every block sends its range (8 bytes per eigenvalue) to
     * every peer block on another node. Blocks go round-robin over the nodes, block b on node
     * b mod nodes (the supervisor's node first), as {@link BlockHosts#choose} orders them.
     */
    static long analyticPositionBytes(int blocks) {
        long bytes = 0;
        for (int b = 0; b < blocks; b++) {
            int remotePeers = 0;
            for (int p = 0; p < blocks; p++) {
                if (p != b && p % SPLIT_NODES != b % SPLIT_NODES) remotePeers++;
            }
            bytes += 8L * SPLIT_BLOCK * remotePeers;
        }
        return bytes;
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static ClusterNode awaitUp(ClusterNode node) {
        if (!node.awaitUp(java.time.Duration.ofSeconds(60))) {
            node.close();
            throw new IllegalStateException(node.hostPort() + " did not join the cluster");
        }
        return node;
    }

    private static void awaitHosts(ClusterNode node) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (BlockHosts.get(node.system()).choose(SPLIT_NODES).size() < SPLIT_NODES) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the block hosts of the other nodes are unknown");
            sleep();
        }
    }

    private static RunResult check(RunResult result) {
        if (!result.succeeded()) throw new IllegalStateException("a benchmark run failed: " + result.failure());
        return result;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
