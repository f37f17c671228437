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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** An ensemble of 1000 members of N = 8: members run in parallel on the actor engine. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EnsembleBenchmark {
    static final int MEMBERS = 1000, N = 8;
    static final long STEPS = 500;

    private Simulation simulation;
    private final AtomicLong runs = new AtomicLong();

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
        return BenchSystems.plainLoop(N, STEPS, MEMBERS);
    }

    @Benchmark
    public double engine() {
        RunResult r = simulation.run(BenchSystems.spec("bench-ensemble-" + runs.incrementAndGet(), N, STEPS, MEMBERS, N),
                RecorderFactory.inMemory(), RunListener.NONE);
        if (!r.succeeded()) throw new IllegalStateException(r.failure());
        return r.members().size();
    }
}
