package org.dysonsim.persistence;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;

import java.nio.file.Path;

/**
 * A second process recording into a data directory, for {@link ConcurrentProcessesTest}:
 * {@code RecordingProcess DATA_DIR RUN_ID RECORDS DELAY_MS [--await-kill]}. Prints READY once the
 * journal is open and DONE once every record is acknowledged. With {@code --await-kill} it
 * completes nothing: it prints ACKED once every snapshot is acknowledged and waits to be killed.
 * {@code RecordingProcess DATA_DIR --serve} only opens the journal (serving the file to other
 * processes), prints READY and waits to be killed (or exits once a line arrives on its input).
 */
public final class RecordingProcess {

    static final int N = 64;

    private RecordingProcess() {}

    public static void main(String[] args) throws Exception {
        DataDirectory dir = DataDirectory.createOrOpen(Path.of(args[0]));
        if (args[1].equals("--serve")) {
            serve(dir);
            return;
        }
        String runId = args[1];
        int records = Integer.parseInt(args[2]);
        long delayMillis = Long.parseLong(args[3]);
        boolean awaitKill = args.length > 4 && args[4].equals("--await-kill");
        ActorTestKit testKit = ActorTestKit.create("child", JournalConfig.forWriting(dir, ConfigFactory.empty()));
        int status = 1;
        try (RunLock lock = RunLock.acquire(dir, runId)) {
            Journal.ensureSchema(testKit.system());
            System.out.println("READY");
            System.out.flush();
            TestProbe<RecorderCommand.Ack> acks = testKit.createTestProbe();
            var recorder = testKit.spawn(TrajectoryRecorder.create(runId, 0));
            recorder.tell(new RecorderCommand.Begin(JournalFixture.started(runId, 0, N), acks.ref()));
            for (int step = 0; step < records; step++) {
                recorder.tell(new RecorderCommand.Record(JournalFixture.snapshot(0, step, N), acks.ref()));
                Thread.sleep(delayMillis);
            }
            if (awaitKill) {
                acks.receiveSeveralMessages(records + 1, JournalFixture.WRITE_TIMEOUT);
                System.out.println("ACKED");
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
            recorder.tell(new RecorderCommand.Complete(new TrajectoryEvent.RunCompleted(records - 1, 1.0), acks.ref()));
            acks.receiveSeveralMessages(records + 2, JournalFixture.WRITE_TIMEOUT);
            System.out.println("DONE");
            status = 0;
        } finally {
            testKit.shutdownTestKit();
            System.exit(status);
        }
    }

    private static void serve(DataDirectory dir) throws Exception {
        ActorTestKit testKit = ActorTestKit.create("server", JournalConfig.forWriting(dir, ConfigFactory.empty()));
        try {
            Journal.ensureSchema(testKit.system());
            System.out.println("READY");
            System.out.flush();
            new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
                    .readLine();
        } finally {
            testKit.shutdownTestKit();
        }
        System.exit(0);
    }
}
