package org.dysonsim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.dysonsim.actors.RecorderFactory;
import org.dysonsim.actors.JournalRecorders;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.actors.Simulation;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.Journal;
import org.dysonsim.persistence.JournalConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of recording: N = 1024 with a snapshot every 10 steps into the embedded H2 journal,
 * against the same run with recording off (nothing but the final state kept in memory). A run
 * of 1000 steps (about a second) keeps the journal's fixed cost per run, the final commit,
 * small against the steady cost per snapshot that the target is about.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RecordingBenchmark {
    static final int N = 1024;
    static final long STEPS = 1000;
    static final int EVERY = 10;

    private Path dir;
    private Simulation simulation;
    private final AtomicLong runs = new AtomicLong();

    @Setup(Level.Trial)
    public void start() throws IOException {
        dir = Files.createTempDirectory("dyson-bench-journal");
        simulation = new Simulation(JournalConfig.forWriting(DataDirectory.createOrOpen(dir), BenchConfig.engine()));
        Journal.ensureSchema(simulation.system());
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        simulation.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private RunSpec spec(int recordEvery) {
        RunSpec s = BenchSystems.spec("bench-recording-" + runs.incrementAndGet(), N, STEPS, 1, N);
        return new RunSpec(s.runId(), s.scenarioName(), s.scenarioText(), s.model(), s.init(), s.rule(), s.dt(), s.steps(),
                recordEvery, s.seed(), s.members(), s.blockSize(), s.coordinates());
    }

    @Benchmark
    public int recordingOff() {
        return check(simulation.run(spec((int) STEPS), RecorderFactory.inMemory(), RunListener.NONE));
    }

    @Benchmark
    public int recordingEvery10() {
        return check(simulation.run(spec(EVERY), JournalRecorders.members(simulation.system()), RunListener.NONE));
    }

    private static int check(RunResult r) {
        if (!r.succeeded()) throw new IllegalStateException(r.failure());
        return r.members().get(0).steps().length;
    }
}
