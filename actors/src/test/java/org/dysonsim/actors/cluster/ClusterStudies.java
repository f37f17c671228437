package org.dysonsim.actors.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RecorderFactory;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.actors.Simulation;
import org.dysonsim.persistence.TrajectoryReader;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.protocol.TrajectoryEvent;

/** Studies for the cluster tests, their one-node reference runs and the checks that compare them. */
final class ClusterStudies {
    private ClusterStudies() {}

    static final long SEED = 20261123L;

    /**
     * Dyson's β = 1 gas of {@code n} eigenvalues in a harmonic well, adaptive steps, in blocks of
     * {@code blockSize} (so blocks exchange positions every step unless one block holds them all).
     */
    static RunSpec harmonic(String runId, int n, long steps, int recordEvery, int members, int blockSize) {
        double[] ones = new double[n];
        double[] zeros = new double[n];
        double[] start = new double[n];
        Arrays.fill(ones, 1.0);
        for (int i = 0; i < n; i++) start[i] = -2.0 + 4.0 * i / (n - 1);
        GasModel gas = new GasModel(ones, ones, zeros, new Drift.Harmonic(zeros, ones), Wall.NONE, Wall.NONE);
        return new RunSpec(runId, "cluster test", "name = \"cluster test\"", gas, new InitialSpectrum.Explicit(start),
                StepSizeRule.adaptive(0.02, 3), 0.01, steps, recordEvery, SEED, members, blockSize,
                RunSpec.Coordinates.EIGENVALUES);
    }

    /** The same study on one node: the local engine, one actor system, recording in memory. */
    static RunResult oneNode(RunSpec spec) {
        try (Simulation simulation = new Simulation(ConfigFactory.parseString("pekko.loglevel = WARNING"))) {
            RunResult result = simulation.run(spec, RecorderFactory.inMemory(), RunListener.NONE);
            assertNull(result.failure());
            return result;
        }
    }

    /** Bit for bit: assertArrayEquals on doubles compares their bits. */
    static void assertSameRun(RunResult expected, RunResult actual) {
        assertNull(actual.failure());
        assertEquals(expected.members().size(), actual.members().size());
        for (int m = 0; m < expected.members().size(); m++) {
            MemberTrajectory e = expected.members().get(m);
            MemberTrajectory a = actual.members().get(m);
            assertEquals(e.member(), a.member());
            assertArrayEquals(e.steps(), a.steps(), "recorded steps of member " + m);
            assertArrayEquals(e.times(), a.times(), "recorded times of member " + m);
            assertEquals(e.values().length, a.values().length);
            for (int k = 0; k < e.values().length; k++) {
                assertArrayEquals(e.values()[k], a.values()[k], "member " + m + " at step " + e.steps()[k]);
            }
        }
    }

    /** The steps a member's journal recorded, in journal order, duplicates and all. */
    static long[] journalSteps(TrajectoryReader reader, String runId, int member) {
        List<Long> steps = new ArrayList<>();
        try (Stream<TrajectoryEvent> events = reader.events(runId, member)) {
            events.forEach(e -> {
                if (e instanceof TrajectoryEvent.SnapshotRecorded s) steps.add(s.step());
            });
        }
        return steps.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The study on the cluster equals the same study on one node bit for bit, and the shared
     * journal, read through {@code reading}, holds every recorded step of every member once.
     */
    static void assertSameAsOneNode(RunSpec spec, ClusterStudyResult onCluster, ClusterNode reading) {
        RunResult oneNode = oneNode(spec);
        assertSameRun(oneNode, onCluster.result());
        TrajectoryReader reader = new TrajectoryReader(reading.system());
        for (int m = 0; m < spec.members(); m++) {
            assertArrayEquals(oneNode.members().get(m).steps(), journalSteps(reader, spec.runId(), m),
                    "the shared journal holds every recorded step of member " + m + " once");
        }
    }
}
