package org.dysonsim.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dysonsim.actors.RecorderFactory;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.network.DenseLayer;
import org.dysonsim.physics.network.LabelledImages;
import org.dysonsim.physics.network.LayerSpectrum;
import org.dysonsim.physics.network.NetworkInit;
import org.dysonsim.physics.network.NetworkTraining;
import org.dysonsim.physics.sgd.SgdSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Network training speed (issue 13): the 784-300-100-10 perceptron of mlp-fashion on Fashion-MNIST
 * for {@value #STEPS} steps with a record (every layer's spectrum, gradient record, test metrics on
 * {@value #TEST} images) every {@value #EVERY} steps. {@code actorEngine} runs it through the
 * layer actors and the loss actor, {@code plainLoop} the same steps and records in a loop, and
 * {@code spectraOnly} only the records' eigen-decompositions. The images are read once per JVM
 * (both paths); the actor system is MatrixBenchmark's. Needs Debian's dataset-fashion-mnist; BenchMain leaves it out without it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NetworkBenchmark {
    static final long STEPS = 100;
    static final int EVERY = 25, BATCH = 32, TEST = 1000, TOP_K = 4;
    static final int[] WIDTHS = {784, 300, 100, 10};

    private NetworkModel model;
    private LabelledImages train;
    private LabelledImages test;
    private final AtomicLong runs = new AtomicLong();

    static boolean dataInstalled() {
        return java.nio.file.Files.isRegularFile(LabelledImages.DEBIAN_FASHION_MNIST.resolve("train-images-idx3-ubyte.gz"));
    }

    @Setup(Level.Trial)
    public void start() throws IOException {
        model = new NetworkModel(WIDTHS, Math.sqrt(2), new SgdSettings(0.05, BATCH, 0.9), 60000, TEST, TOP_K, 0,
                LabelledImages.DEBIAN_FASHION_MNIST.toString());
        train = LabelledImages.read(LabelledImages.DEBIAN_FASHION_MNIST, "train");
        test = LabelledImages.read(LabelledImages.DEBIAN_FASHION_MNIST, "t10k").first(TEST);
    }

    @Benchmark
    public double actorEngine(MatrixBenchmark.Engine engine) {
        RunSpec spec = new RunSpec("bench-network-" + runs.incrementAndGet(), "bench", "name = bench", model, null,
                StepSizeRule.fixed(), model.sgd().alpha(), STEPS, EVERY, BenchSystems.SEED, 1, 64,
                RunSpec.Coordinates.EIGENVALUES);
        RunResult r = engine.simulation.run(spec, RecorderFactory.inMemory(), RunListener.NONE);
        if (!r.succeeded()) throw new IllegalStateException(r.failure());
        double[][] values = r.members().get(0).values();
        return values[values.length - 1][model.n() - 1];
    }

    @Benchmark
    public double plainLoop() {
        NetworkTraining training = new NetworkTraining(model, train, BenchSystems.SEED, 0,
                NetworkInit.layers(model, BenchSystems.SEED, 0), 0);
        double last = 0;
        for (long s = 0; s <= STEPS; s++) {
            if (s % EVERY == 0 || s == STEPS) last = training.recordAndAdvance(test, s < STEPS).testLoss();
            else training.advance();
        }
        return last;
    }

    @Benchmark
    public double spectraOnly() {
        double sum = 0;
        for (long s = 0; s <= STEPS; s += EVERY) {
            for (DenseLayer layer : NetworkInit.layers(model, BenchSystems.SEED, 0)) {
                sum += LayerSpectrum.of(layer.weights(), TOP_K).eigenvalues()[0];
            }
        }
        return sum;
    }
}
