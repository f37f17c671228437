package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.BehaviorInterceptor;
import org.apache.pekko.actor.typed.TypedActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.dysonsim.physics.gas.CirExact;
import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.GasStepper;
import org.dysonsim.physics.gas.ParticleModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.protocol.RecorderCommand;

/** Models, specs and the plain-loop reference shared by the engine's tests. */
final class EngineFixtures {
    private EngineFixtures() {}

    static final long SEED = 20260423L;

    /**
     * Every message is serialized on every send (proving each one crosses a node boundary
     * intact); {@code parallelism} threads in the default dispatcher; short timeouts so a
     * dropped message fails a test instead of hanging it.
     */
    static Config config(int parallelism, boolean singleBlockFastPath) {
        return ConfigFactory.parseString("""
                pekko.loglevel = INFO
                pekko.actor.serialize-messages = on
                pekko.actor.default-dispatcher.fork-join-executor {
                  parallelism-min = %d
                  parallelism-factor = 1.0
                  parallelism-max = %d
                }
                dysonsim.engine {
                  ask-timeout = 10s
                  stall-timeout = 20s
                  single-block-fast-path = %s
                }
                """.formatted(parallelism, parallelism, singleBlockFastPath ? "on" : "off"));
    }

    static double[] linspace(double from, double to, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = from + (to - from) * i / (n - 1);
        return v;
    }

    static double[] constant(int n, double value) {
        double[] v = new double[n];
        Arrays.fill(v, value);
        return v;
    }

    /** Dyson's β = 1 gas in a harmonic well of the given stiffness, noise g² = 1. */
    static GasModel harmonicGas(int n, double stiffness) {
        return new GasModel(constant(n, 1.0), constant(n, 1.0), constant(n, 0.0),
                new Drift.Harmonic(constant(n, 0.0), constant(n, stiffness)), Wall.NONE, Wall.NONE);
    }

    /** Singular values of an m×n Wishart process (Bru's form): image charges and a barrier at 0. */
    static GasModel wishartGas(int n, int m, double s2) {
        double gamma = s2 / 2;
        return new GasModel(constant(n, gamma), constant(n, gamma), constant(n, gamma),
                new Drift.Harmonic(constant(n, 1.5), constant(n, 0.5)), Wall.barrier(0.0, gamma * (m - n)), Wall.NONE);
    }

    static RunSpec spec(String runId, ParticleModel model, InitialSpectrum init, StepSizeRule rule, double dt,
                        long steps, int recordEvery, int members, int blockSize) {
        return new RunSpec(runId, "test", "name = test", model, init, rule, dt, steps, recordEvery, SEED, members,
                blockSize, RunSpec.Coordinates.EIGENVALUES);
    }

    static RunSpec withBlockSize(RunSpec spec, int blockSize) {
        return new RunSpec(spec.runId() + "-b" + blockSize, spec.scenarioName(), spec.scenarioText(), spec.model(),
                spec.init(), spec.rule(), spec.dt(), spec.steps(), spec.recordEvery(), spec.seed(), spec.members(),
                blockSize, spec.coordinates());
    }

    /** What the plain single-threaded loop records, and the finest sub-step level it used. */
    record Reference(MemberTrajectory trajectory, int maxLevel) {}

    /** Nominal step k advances with noise counter k, from the positions after k steps. */
    static Reference reference(RunSpec spec, int member) {
        double[] x = spec.initialPositions(member);
        List<Long> steps = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        steps.add(0L);
        values.add(x.clone());
        GasStepper stepper = spec.model() instanceof GasModel gas
                ? new GasStepper(gas, spec.rule(), spec.seed(), member) : null;
        int maxLevel = 0;
        for (long k = 0; k < spec.steps(); k++) {
            if (stepper != null) {
                maxLevel = Math.max(maxLevel, stepper.advance(x, k, spec.dt()));
            } else {
                CirExact.advance((CirModel) spec.model(), x, k, spec.dt(), spec.seed(), member, 0, x.length);
            }
            long done = k + 1;
            if (done % spec.recordEvery() == 0 || done == spec.steps()) {
                steps.add(done);
                values.add(x.clone());
            }
        }
        long[] stepArray = steps.stream().mapToLong(Long::longValue).toArray();
        double[] times = new double[stepArray.length];
        for (int k = 0; k < times.length; k++) times[k] = stepArray[k] * spec.dt();
        return new Reference(new MemberTrajectory(member, stepArray, times, values.toArray(new double[0][])), maxLevel);
    }

    /** Bit for bit: assertArrayEquals on doubles compares their bits. */
    static void assertSameTrajectory(MemberTrajectory expected, MemberTrajectory actual) {
        assertEquals(expected.member(), actual.member());
        assertArrayEquals(expected.steps(), actual.steps(), "recorded steps of member " + expected.member());
        assertArrayEquals(expected.times(), actual.times(), "recorded times of member " + expected.member());
        assertEquals(expected.values().length, actual.values().length);
        for (int k = 0; k < expected.values().length; k++) {
            assertArrayEquals(expected.values()[k], actual.values()[k],
                    "member " + expected.member() + " at step " + expected.steps()[k]);
        }
    }

    /**
     * Member 0's recorder fails on being asked to record {@code crashAt}, before storing it (an
     * interrupted journal); everything before was stored by the same actor. The other members'
     * runs are stopped wherever they are.
     */
    static RecorderFactory crashingAt(InMemoryJournal journal, long crashAt) {
        return crashing(journal, crashAt, false);
    }

    /**
     * As {@link #crashingAt}, at the first snapshot from {@code crashFrom} on that comes after a
     * checkpoint was stored: a member whose checkpoint is gathered from other actors (a network's
     * layers) may send it after later snapshots, and a crash before it would leave nothing to resume from.
     */
    static RecorderFactory crashingAfterCheckpointFrom(InMemoryJournal journal, long crashFrom) {
        return crashing(journal, crashFrom, true);
    }

    private static RecorderFactory crashing(InMemoryJournal journal, long crashAt, boolean afterCheckpoint) {
        return RecorderFactory.of((runId, member) -> member != 0 ? journal.recorder(runId, member)
                : Behaviors.intercept(() -> new BehaviorInterceptor<RecorderCommand, RecorderCommand>(RecorderCommand.class) {
                    private boolean checkpointed;

                    @Override
                    public Behavior<RecorderCommand> aroundReceive(TypedActorContext<RecorderCommand> context,
                                                                   RecorderCommand command,
                                                                   ReceiveTarget<RecorderCommand> target) {
                        if (command instanceof RecorderCommand.SaveCheckpoint) checkpointed = true;
                        if (command instanceof RecorderCommand.Record record && (afterCheckpoint
                                ? checkpointed && record.snapshot().step() >= crashAt : record.snapshot().step() == crashAt)) {
                            throw new IllegalStateException("disk full");
                        }
                        return target.apply(context, command);
                    }
                }, journal.recorder(runId, member)), journal::recorded);
    }
}
