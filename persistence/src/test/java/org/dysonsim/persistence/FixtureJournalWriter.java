package org.dysonsim.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the fixture journal committed under {@code src/test/resources/fixture-journal}, with the
 * event classes and Kryo ids of the build that runs it. {@link FixtureJournalTest} checks that
 * later builds still read it; regenerate it only when a journal format change is intended:
 * <pre>
 *   mvn -o -q -pl persistence dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 *   java -cp persistence/target/test-classes:persistence/target/classes:$(cat cp.txt) \
 *        org.dysonsim.persistence.FixtureJournalWriter persistence/src/test/resources/fixture-journal
 * </pre>
 */
public final class FixtureJournalWriter {

    static final String RUN = "fixture-run";
    static final int N = 3;
    /** Small, so the fixture also holds Pekko snapshots of the recorder state. */
    static final int SNAPSHOT_EVERY = 2;

    private FixtureJournalWriter() {}

    static TrajectoryEvent.RunStarted started(int member) {
        return new TrajectoryEvent.RunStarted(RUN, member, "name = fixture\nn = 3\n", 11L, "0.1.0-SNAPSHOT", N);
    }

    /** Values exact in binary, so the test can compare them with ==. */
    static TrajectoryEvent.SnapshotRecorded snapshot(int member, long step) {
        double[] values = new double[N];
        for (int i = 0; i < N; i++) {
            values[i] = member + step / 8.0 + i * 0.5;
        }
        return new TrajectoryEvent.SnapshotRecorded(step, step / 100.0, values);
    }

    /** The events each member's journal holds: member 0 completes, member 1 fails. */
    static List<TrajectoryEvent> expectedEvents(int member) {
        List<TrajectoryEvent> events = new ArrayList<>();
        events.add(started(member));
        long last = member == 0 ? 30 : 10;
        for (long step = 0; step <= last; step += 10) {
            events.add(snapshot(member, step));
        }
        events.add(member == 0 ? new TrajectoryEvent.RunCompleted(30, 0.3)
                : new TrajectoryEvent.RunFailed(15, "fixture failure"));
        return events;
    }

    public static void main(String[] args) throws Exception {
        DataDirectory dir = DataDirectory.createOrOpen(Path.of(args[0]));
        Config config = JournalConfig.forWriting(dir, ConfigFactory.parseString(
                "dysonsim.recorder.snapshot-every = " + SNAPSHOT_EVERY));
        ActorTestKit testKit = ActorTestKit.create("fixture", config);
        try {
            Journal.ensureSchema(testKit.system());
            for (int member = 0; member < 2; member++) {
                TestProbe<RecorderCommand.Ack> acks = testKit.createTestProbe();
                var recorder = testKit.spawn(TrajectoryRecorder.create(RUN, member));
                for (TrajectoryEvent event : expectedEvents(member)) {
                    recorder.tell(commandOf(event, acks));
                }
                acks.receiveSeveralMessages(expectedEvents(member).size(), Duration.ofSeconds(30));
                testKit.stop(recorder);
            }
        } finally {
            testKit.shutdownTestKit();
        }
        // Compact the file so the committed fixture stays small.
        try (Connection db = Journal.connect(JournalConfig.forReading(dir, ConfigFactory.empty()));
             Statement statement = db.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
    }

    private static RecorderCommand commandOf(TrajectoryEvent event, TestProbe<RecorderCommand.Ack> acks) {
        if (event instanceof TrajectoryEvent.RunStarted started) {
            return new RecorderCommand.Begin(started, acks.ref());
        }
        if (event instanceof TrajectoryEvent.SnapshotRecorded snapshot) {
            return new RecorderCommand.Record(snapshot, acks.ref());
        }
        if (event instanceof TrajectoryEvent.RunCompleted completed) {
            return new RecorderCommand.Complete(completed, acks.ref());
        }
        return new RecorderCommand.Fail((TrajectoryEvent.RunFailed) event, acks.ref());
    }
}
