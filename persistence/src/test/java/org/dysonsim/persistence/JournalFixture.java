package org.dysonsim.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;

import java.nio.file.Path;
import java.time.Duration;

/**
 * An actor test kit whose journal is a real H2 file in a temporary data directory, or the
 * database that {@code journal} selects (e.g. {@link PostgresJournal#overrides()}).
 */
final class JournalFixture implements AutoCloseable {

    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    final DataDirectory dir;
    final ActorTestKit testKit;

    private JournalFixture(DataDirectory dir, ActorTestKit testKit) {
        this.dir = dir;
        this.testKit = testKit;
    }

    static JournalFixture open(Path root, String overrides) {
        return open(root, ConfigFactory.empty(), overrides, "journal");
    }

    static JournalFixture open(Path root, Config journal, String overrides, String systemName) {
        DataDirectory dir = DataDirectory.createOrOpen(root);
        Config config = JournalConfig.forWriting(dir, journal.withFallback(ConfigFactory.parseString(overrides))
                .withFallback(ActorTestKit.applicationTestConfig()));
        ActorTestKit testKit = ActorTestKit.create(systemName, config);
        Journal.ensureSchema(testKit.system());
        return new JournalFixture(dir, testKit);
    }

    static TrajectoryEvent.RunStarted started(String runId, int member, int n) {
        return new TrajectoryEvent.RunStarted(runId, member, "name = \"harmonic test\"\nn = " + n + "\n", 7L, "test", n);
    }

    /** Positions that say which member and step they belong to: value(member, step, i). */
    static TrajectoryEvent.SnapshotRecorded snapshot(int member, long step, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = value(member, step, i);
        }
        return new TrajectoryEvent.SnapshotRecorded(step, 0.01 * step, values);
    }

    static double value(int member, long step, int index) {
        return member * 1000.0 + step + index / 1024.0;
    }

    /** Records a whole run without waiting between commands, then waits for every Ack. */
    void recordRun(String runId, int member, int n, long steps, long every, boolean complete) {
        TestProbe<RecorderCommand.Ack> acks = testKit.createTestProbe();
        var recorder = testKit.spawn(TrajectoryRecorder.create(runId, member));
        recorder.tell(new RecorderCommand.Begin(started(runId, member, n), acks.ref()));
        int expected = 1;
        for (long step = 0; step <= steps; step += every) {
            recorder.tell(new RecorderCommand.Record(snapshot(member, step, n), acks.ref()));
            expected++;
        }
        if (complete) {
            recorder.tell(new RecorderCommand.Complete(new TrajectoryEvent.RunCompleted(steps, 0.01 * steps), acks.ref()));
            expected++;
        }
        acks.receiveSeveralMessages(expected, WRITE_TIMEOUT);
        testKit.stop(recorder);
    }

    @Override
    public void close() {
        testKit.shutdownTestKit();
    }
}
