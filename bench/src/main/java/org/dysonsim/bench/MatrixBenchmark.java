package org.dysonsim.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dysonsim.actors.RecorderFactory;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.actors.Simulation;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.sgd.InitialWeights;
import org.dysonsim.physics.sgd.LossSpec;
import org.dysonsim.physics.sgd.MatrixTraining;
import org.dysonsim.physics.sgd.MinibatchLoss;
import org.dysonsim.physics.sgd.SgdSettings;
import org.dysonsim.physics.sgd.WeightSpectrum;
import org.ejml.data.DMatrixRMaj;
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
 * Matrix-level training speed (issue 5): one member of M×N trained by minibatch SGD on the
 * teacher–student loss for {@value #STEPS} steps with the spectrum of WᵀW (and the top singular
 * pairs of the gradient record) every {@value #EVERY} steps. {@code actorEngine} runs it through
 * the weight-matrix and loss actors, {@code plainLoop} the same training in a loop, and
 * {@code spectraOnly} only its {@value #STEPS}/{@value #EVERY} + 1 decompositions (WᵀW and EJML's
 * symmetric eigen-decomposition with vectors), {@code dataSetOnly} only the generation of the
 * data set (teacher and labels: {@value #DATA} samples of M·N work each), which every run pays
 * once. Steps per second are STEPS/(run − dataSetOnly); the eigen share is
 * spectraOnly/(plainLoop − dataSetOnly).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatrixBenchmark {
    static final long STEPS = 100;
    static final int EVERY = 10;
    static final int BATCH = 32, DATA = 256, TOP_K = 4;

    /** Rows × columns of W. */
    @Param({"256x64", "1024x256"})
    public String shape;

    private MatrixModel model;
    private DMatrixRMaj w0;
    private final AtomicLong runs = new AtomicLong();

    /** The actor system, started only for the benchmark that uses it. */
    @State(Scope.Benchmark)
    public static class Engine {
        Simulation simulation;

        @Setup(Level.Trial)
        public void start() {
            simulation = new Simulation(BenchConfig.engine());
        }

        @TearDown(Level.Trial)
        public void stop() {
            simulation.close();
        }
    }

    @Setup(Level.Trial)
    public void start() {
        String[] mn = shape.split("x");
        int m = Integer.parseInt(mn[0]), n = Integer.parseInt(mn[1]);
        model = new MatrixModel(m, n, new LossSpec.TeacherStudent(1.0, 0.1, 0.0), new SgdSettings(0.05, BATCH, 0.0),
                DATA, 0.05, TOP_K);
        w0 = InitialWeights.gaussian(m, n, model.initScale(), BenchSystems.SEED, 0);
    }

    private RunSpec spec() {
        return new RunSpec("bench-matrix-" + runs.incrementAndGet(), "bench", "name = bench", model,
                new InitialSpectrum.MarchenkoPastur(model.rows(), model.n(), model.initScale() * model.initScale()),
                StepSizeRule.fixed(), model.sgd().alpha(), STEPS, EVERY, BenchSystems.SEED, 1, model.n(),
                RunSpec.Coordinates.EIGENVALUES);
    }

    @Benchmark
    public double actorEngine(Engine engine) {
        RunResult r = engine.simulation.run(spec(), RecorderFactory.inMemory(), RunListener.NONE);
        if (!r.succeeded()) throw new IllegalStateException(r.failure());
        double[][] values = r.members().get(0).values();
        return values[values.length - 1][model.n() - 1];
    }

    @Benchmark
    public double plainLoop() {
        MinibatchLoss loss = MinibatchLoss.create(model.loss(), model.rows(), model.n(), DATA, BATCH, BenchSystems.SEED, 0);
        MatrixTraining training = new MatrixTraining(loss, model.sgd(), w0);
        double last = 0;
        for (long s = 0; s <= STEPS; s++) {
            if (s % EVERY == 0) {
                WeightSpectrum.Decomposed d = WeightSpectrum.withTopPairs(training.weights(), TOP_K);
                last = d.eigenvalues()[model.n() - 1];
                if (s == STEPS) loss.gradient(s + 1, training.weights(), d.top()); // the last record's gradient
                else training.advance(d.top());
            } else {
                training.advance(null);
            }
        }
        return last;
    }

    @Benchmark
    public Object dataSetOnly() {
        return MinibatchLoss.create(model.loss(), model.rows(), model.n(), DATA, BATCH, BenchSystems.SEED, 0);
    }

    @Benchmark
    public double spectraOnly() {
        double sum = 0;
        for (long s = 0; s <= STEPS; s += EVERY) sum += WeightSpectrum.withTopPairs(w0, TOP_K).eigenvalues()[0];
        return sum;
    }
}
