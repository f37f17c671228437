package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.protocol.BlockCommand;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.protocol.BlockDynamics;
import org.dysonsim.protocol.BlockHostCommand;
import org.dysonsim.protocol.BlockSetup;
import org.dysonsim.protocol.DriftLaw;
import org.dysonsim.protocol.StepRule;
import org.dysonsim.protocol.ClockCommand;
import org.dysonsim.protocol.EnsembleCommand;
import org.dysonsim.protocol.LossCommand;
import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.LayerCommand;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.protocol.MemberCommand;
import org.dysonsim.protocol.NetworkLossCommand;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.MatrixLossCommand;
import org.dysonsim.protocol.WeightMatrixCommand;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.physics.sgd.SgdSettings;
import org.dysonsim.protocol.TrajectoryEvent;
import org.dysonsim.protocol.InitialLaw;
import org.dysonsim.protocol.MemberEntityCommand;
import org.dysonsim.protocol.ResolvedRun;
import org.dysonsim.protocol.RunModel;
import org.dysonsim.protocol.StudyCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every class of the engine's messages in the Kryo registry (ids 160–499 of protocol's
 * reference.conf) round-trips with all its values, including the forms of a resolved run that no
 * engine run happens to send.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolSerializationTest {
    private final ActorTestKit testKit = ActorTestKit.create("serialization", ConfigFactory.load());

    @AfterAll
    void stop() {
        testKit.shutdownTestKit();
    }

    private List<Object> samples() {
        ActorRef<BlockCommand> block = testKit.<BlockCommand>createTestProbe().getRef();
        ActorRef<ClockCommand> clock = testKit.<ClockCommand>createTestProbe().getRef();
        ActorRef<MatrixLossCommand.Gradient> weights = testKit.<MatrixLossCommand.Gradient>createTestProbe().getRef();
        double[] a = {1.5, -2.25, Double.MIN_VALUE};
        List<Object> samples = new ArrayList<>(List.of(
                new BlockCommand.UseDrift(new DriftLaw(DriftLaw.Kind.RBM_SMOOTH, a)),
                new DriftLaw(DriftLaw.Kind.ZERO, new double[0]),
                DriftLaw.Kind.MEAN_FIELD,
                new BlockDynamics.Gas(a, a, a, new BlockDynamics.Boundary(BlockDynamics.BoundaryKind.BARRIER, 0, 2.5),
                        new BlockDynamics.Boundary(BlockDynamics.BoundaryKind.NONE, 0, 0)),
                new BlockDynamics.SquareRootDiffusions(3, 1.0, 0.5, 0.1),
                new BlockDynamics.Boundary(BlockDynamics.BoundaryKind.REFLECT, 9, 0),
                BlockDynamics.BoundaryKind.REFLECT,
                new StepRule(true, 0.01, 0.1, 6, 1),
                new BlockCommand.Peer(3, block),
                new BlockCommand.Run(2, 40, a, clock),
                new BlockCommand.Predictions(7, 1, a),
                new BlockCommand.CoulombForce(7, new int[] {0, 1}, new int[] {1, 1}, new double[][] {a, a}, null),
                new BlockCommand.CoulombForce(7, new int[] {2}, new int[] {0}, new double[][] {a}, new double[][] {a}),
                new BlockCommand.Advance(10, 20, a, clock),
                new ClockCommand.Stepped(20, a),
                new ClockCommand.Advanced(1, 20, a),
                new ClockCommand.BlockDiverged(1, 12, "eigenvalue 3 became NaN"),
                new LossCommand.Subscribe(block),
                new MemberCommand.Start(),
                new MemberCommand.InjectFault(15, 2),
                new MemberCommand.Snapshot(2, 30, 0.3, a),
                new MemberCommand.Snapshot(2, 30, 0.3, a, new TrajectoryEvent.GradientRecorded(30, 0.3, 1.25, a, a, a, 0.5)),
                new MemberCommand.Progress(2, 31),
                new MemberCommand.Finished(2, 40),
                new MemberCommand.Diverged(2, "non-finite"),
                new MemberCommand.StateLoaded(new RecorderCommand.RecorderState(null, null, RecorderCommand.Status.NEW, null)),
                new MemberCommand.RecorderUnavailable("timeout"),
                new MemberCommand.RecordAcked(30),
                new MemberCommand.Stalled(2),
                new EnsembleCommand.MemberProgress(4, 100),
                new EnsembleCommand.MemberFinished(4, 1, null),
                new EnsembleCommand.MemberFinished(4, 0, "member 4: diverged"),
                new MatrixLossCommand.ComputeGradient(3, 2, 1, new double[] {1, 2}, new MatrixLossCommand.Directions(
                        new double[] {2.2}, new double[] {0.4, 0.9}, new double[] {1}), true, weights),
                new MatrixLossCommand.ComputeGradient(4, 2, 1, new double[] {1, 2}, null, false, weights),
                new MatrixLossCommand.Directions(new double[] {2.2}, new double[] {0.4, 0.9}, new double[] {1}),
                new MatrixLossCommand.Gradient(4, a, 0.5, a, a, 0.25, a),
                new WeightMatrixCommand.GradientArrived(new MatrixLossCommand.Gradient(4, a, 0.5, null, null, Double.NaN, null)),
                new MemberCommand.Checkpointed(2, new MatrixCheckpoint(30, 3, 1, a, a, new double[0])),
                new MemberCommand.CheckpointLoaded(new MatrixCheckpoint(30, 1, 3, a, a, a)),
                new MemberCommand.CheckpointLoaded(null)));
        GasModel gas = new GasModel(a, a, new double[] {0, 0, 0}, new Drift.Harmonic(a, a), Wall.barrier(0, 2.5),
                Wall.reflect(9));
        RunSpec spec = new RunSpec("run-1", "test", "name = test", gas, new InitialSpectrum.Explicit(a),
                StepSizeRule.adaptive(0.01, 6), 0.01, 100, 10, 7L, 3, 2, RunSpec.Coordinates.SINGULAR_VALUES);
        ActorRef<StudyCommand> study = testKit.<StudyCommand>createTestProbe().getRef();
        ActorRef<MemberEntityCommand> entity = testKit.<MemberEntityCommand>createTestProbe().getRef();
        RunSpec fromScenario = new RunSpec("run-2", "test", "name = test", gas, new InitialSpectrum.Explicit(a),
                StepSizeRule.fixed(), 0.01, 100, 10, 7L, 3, new RunSpec.Placement(2, 3), RunSpec.Coordinates.EIGENVALUES,
                new RunSpec.Mapping.Wishart(5, 0.05, 2.0), new RunSpec.Checks(new String[] {"wishart-mp"}, 4));
        ResolvedRun resolved = RunSpecWire.toWire(fromScenario);
        samples.addAll(List.of(
                resolved,
                RunSpecWire.toWire(spec),
                ResolvedRun.Coordinates.SINGULAR_VALUES,
                new ResolvedRun.Direct(),
                new ResolvedRun.Sgd(0.01, 8),
                new ResolvedRun.Wishart(5, 0.05, 2.0),
                new RunModel.Gas(new BlockDynamics.Gas(a, a, a, new BlockDynamics.Boundary(BlockDynamics.BoundaryKind.BARRIER,
                        0, 2.5), new BlockDynamics.Boundary(BlockDynamics.BoundaryKind.NONE, 0, 0)),
                        new DriftLaw(DriftLaw.Kind.HARMONIC, a)),
                new RunModel.SquareRootDiffusions(new BlockDynamics.SquareRootDiffusions(3, 1.0, 0.5, 0.1)),
                new RunModel.Matrix(6, 3, new RunModel.RbmPcd(1, 7, 1, 1), 0.01, 8, 0.5, 100, 0.1, 2, 1000),
                new RunModel.RbmPcd(1, 7, 1, 2),
                new RunModel.TeacherStudent(1, 0.1, 0.01),
                new RunModel.ZeroGradient(2.0),
                new InitialLaw.Explicit(a),
                new InitialLaw.MarchenkoPastur(20, 10, 1.0),
                new InitialLaw.DegeneratePairs(a, 0.01),
                new MemberEntityCommand.Run(resolved, 2, 1, study),
                new MemberEntityCommand.Release(),
                new MemberEntityCommand.Reported(new EnsembleCommand.MemberProgress(2, 50)),
                new StudyCommand.MemberRunning(2, 1, entity),
                new StudyCommand.MemberProgress(2, 50),
                new StudyCommand.MemberDone(2, 1, 0, "member 2: diverged"),
                new LayerLayout(List.of(new LayerLayout.Layer("fc1", 300, 784), new LayerLayout.Layer("fc2", 100, 300))),
                new LayerLayout.Layer("fc2", 100, 300)));
        // A system split over nodes: what block hosts are sent and answer.
        ActorRef<LossCommand> loss = testKit.<LossCommand>createTestProbe().getRef();
        ActorRef<MemberCommand> owner = testKit.<MemberCommand>createTestProbe().getRef();
        BlockSetup setup = ParticleMessages.blockSetup(spec, 2, BlockLayout.of(3, 2), 1, loss, true);
        samples.addAll(List.of(
                setup,
                new BlockHostCommand.Spawn(setup, 3, owner),
                new BlockHostCommand.Release(owner, List.of(block, block)),
                new MemberCommand.BlockPlaced(3, 1, block),
                new MemberCommand.BlocksUnplaced(3)));
        // A network member: its layers, its loss actor, its metrics and its model.
        ActorRef<LayerCommand> layer = testKit.<LayerCommand>createTestProbe().getRef();
        samples.addAll(List.of(
                new LayerLayout(List.of(new LayerLayout.Layer("fc1", 3, 4), new LayerLayout.Layer("fc2", 2, 3))),
                new LayerLayout.Layer("fc1", 3, 4),
                new TrajectoryEvent.NetworkMetricsRecorded(10, 0.1, 0.5, 0.625, 0.75),
                new TrajectoryEvent.NetworkMetricsRecorded(10, 0.1, 0.5, 0.625, 0.75, new double[] {0.1, 0.2},
                        new double[] {0.3, 0.4}),
                new LayerCommand.Forward(3, 1, 2, new double[] {0.5, 1}, false, true, true, layer),
                new LayerCommand.Backward(3, 1, 2, new double[] {0.5, 1}),
                new NetworkLossCommand.Logits(3, 1, 2, new double[] {0.5, 1}, true),
                new NetworkLossCommand.LayerRecorded(2, 1, a, a, a, a, 0.5, null, 0.25, Double.NaN),
                new NetworkLossCommand.Stepped(3),
                new RunModel.Network(new int[] {4, 3, 2}, 1.5, 0.1, 4, 0.9, 100, 10, 2, 0, "/data"),
                RunSpecWire.toWire(new RunSpec("run-4", "net", "model = network",
                        new NetworkModel(new int[] {4, 3, 2}, 1.5, new SgdSettings(0.1, 4, 0.9), 100, 10, 2, 0, "/data"),
                        new InitialSpectrum.Explicit(new double[] {1, 2, 3, 4, 5, 6, 7}), StepSizeRule.fixed(), 0.1, 10, 5, 3L, 1,
                        new RunSpec.Placement(64, 1), RunSpec.Coordinates.EIGENVALUES, new RunSpec.Mapping.Direct(),
                        RunSpec.Checks.DEFAULTS, new LayerLayout(List.of(new LayerLayout.Layer("fc1", 3, 4),
                                new LayerLayout.Layer("fc2", 2, 3))))),
                // as the scenario reader gives a network run: no initial spectrum
                RunSpecWire.toWire(new RunSpec("run-5", "net", "model = network",
                        new NetworkModel(new int[] {4, 3, 2}, 1.5, new SgdSettings(0.1, 4, 0.9), 100, 10, 2, 0, "/data"),
                        null, StepSizeRule.fixed(), 0.1, 10, 5, 3L, 1, new RunSpec.Placement(64, 1),
                        RunSpec.Coordinates.EIGENVALUES, new RunSpec.Mapping.Direct(), RunSpec.Checks.DEFAULTS,
                        new LayerLayout(List.of(new LayerLayout.Layer("fc1", 3, 4), new LayerLayout.Layer("fc2", 2, 3)))))));
        return samples;
    }

    @Test
    void everyRegisteredEngineClassRoundTrips() throws Exception {
        Serialization serialization = SerializationExtension.get(Adapter.toClassic(testKit.system()));
        // Use the serializer bound to Wire for every sample, also for the enums inside messages.
        SerializerWithStringManifest kryo =
                (SerializerWithStringManifest) serialization.serializerFor(MemberCommand.Start.class);
        Map<String, Object> byClass = new HashMap<>();
        for (Object sample : samples()) {
            byClass.put(sample.getClass().getName(), sample);
            Object back = kryo.fromBinary(kryo.toBinary(sample), kryo.manifest(sample));
            assertTrue(deepEquals(sample, back), "round trip of " + sample);
        }
        var registered = ConfigFactory.load().getConfig("dysonsim.kryo.classes").root();
        for (String name : registered.keySet()) {
            int id = ConfigFactory.load().getConfig("dysonsim.kryo.classes").getInt("\"" + name + "\"");
            if (id >= 160 && id < 500) assertNotNull(byClass.get(name), "a sample of " + name);
        }
    }

    /** Records compared component by component, arrays by content. */
    static boolean deepEquals(Object a, Object b) {
        if (a == null || b == null) return a == b;
        if (a.getClass() != b.getClass()) return false;
        if (a instanceof Object[] x) {
            Object[] y = (Object[]) b;
            if (x.length != y.length) return false;
            for (int k = 0; k < x.length; k++) if (!deepEquals(x[k], y[k])) return false;
            return true;
        }
        if (a instanceof List<?> x) {
            List<?> y = (List<?>) b;
            if (x.size() != y.size()) return false;
            for (int k = 0; k < x.size(); k++) if (!deepEquals(x.get(k), y.get(k))) return false;
            return true;
        }
        if (a.getClass().isArray()) return java.util.Objects.deepEquals(a, b);
        if (!a.getClass().isRecord()) return a.equals(b);
        try {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                if (!deepEquals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) return false;
            }
            return true;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
