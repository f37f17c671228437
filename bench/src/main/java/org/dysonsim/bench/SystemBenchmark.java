package org.dysonsim.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dysonsim.actors.RecorderFactory;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One system of N eigenvalues: the actor engine (blocks exchanging Coulomb partials) against
 * the plain loop of the same integrator, both timed for the same number of nominal steps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SystemBenchmark {
    @Param({"64", "512", "2048"})
    public int n;

    private Simulation simulation;
    private final AtomicLong runs = new AtomicLong();

    /**
     * Nominal steps per timed operation: about 10¹⁰ pair evaluations' worth (half a second to a
     * second here), and at least 400, so that a run's fixed cost (spawning its actors and tile
     * plan, stopping them: about 6 ms at N = 2048) stays near 1 % of the steady state the ratio is about.
     */
    static long steps(int n) {
        return Math.max(400, 10_000_000_000L / ((long) n * n * 40));
    }

    /**
     * The default block layout ({@code blocks.size = 0}, chosen from n and the cores as
     * {@code dyson run} chooses it), so that the benchmark times what users get.
     */
    static final int DEFAULT_BLOCK_SIZE = 0;

    @Setup(Level.Trial)
    public void start() {
        simulation = new Simulation(BenchConfig.engine());
    }

    @TearDown(Level.Trial)
    public void stop() {
        simulation.close();
    }

    @Benchmark
    public double plainLoop() {
        return BenchSystems.plainLoop(n, steps(n), 1);
    }

    @Benchmark
    public double engine() {
        RunResult r = simulation.run(BenchSystems.spec("bench-system-" + runs.incrementAndGet(), n, steps(n), 1,
                DEFAULT_BLOCK_SIZE), RecorderFactory.inMemory(), RunListener.NONE);
        if (!r.succeeded()) throw new IllegalStateException(r.failure());
        double[][] v = r.members().get(0).values();
        return v[v.length - 1][n - 1];
    }
}
