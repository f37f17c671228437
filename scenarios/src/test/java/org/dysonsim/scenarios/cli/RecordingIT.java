package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dysonsim.persistence.JournalSession;
import org.dysonsim.protocol.TrajectoryEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real `dyson run` records while it simulates: its journal grows snapshot by snapshot, `dyson
 * list` shows it running, and a SIGKILL loses at most what the recorder's bounded backlog holds
 * plus the record interval being simulated (read from the process's debug log of the snapshots
 * it sent, against the journal after the kill).
 */
class RecordingIT {
    private static final int EVERY = 20, BACKLOG = 64;
    private static final Pattern SENT = Pattern.compile("member 0: sent the snapshot of step (\\d+);");

    @TempDir
    Path dir;

    private static long recordedStepOfMember0(Path data, String runId) {
        try (JournalSession session = JournalSession.openForReading(data, ConfigFactory.empty());
             Stream<TrajectoryEvent> events = session.reader().events(runId, 0)) {
            return events.filter(e -> e instanceof TrajectoryEvent.SnapshotRecorded)
                    .mapToLong(e -> ((TrajectoryEvent.SnapshotRecorded) e).step()).max().orElse(-1);
        } catch (RuntimeException e) {
            return -1; // the journal or the run is not there yet
        }
    }

    /** Waits until member 0's recorded step exceeds {@code than}, while {@code run} is alive; returns it. */
    private static long recordedBeyond(Process run, Path data, String runId, long than) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        long step;
        while ((step = recordedStepOfMember0(data, runId)) <= than && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return step;
    }

    @Test
    void theJournalGrowsWhileTheRunSimulatesAndAKillLosesAtMostTheBacklog() throws Exception {
        Path scenario = dir.resolve("long.conf");
        Files.writeString(scenario, String.join("\n",
                "name = long", "model = coulomb", "n = 16", "steps = 20000000", "dt = 0.005", "record-every = " + EVERY,
                "seed = 42", "ensemble.members = 2", "noise.g2 = 0.5", "error-control.members = 0",
                "drift { kind = harmonic, centre = 16.0, stiffness = 1.0 }",
                "init { kind = marchenko-pastur, rows = 32, sigma2 = 0.5 }", ""));
        Files.writeString(dir.resolve("logback-debug.xml"), """
                <configuration>
                  <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
                    <target>System.err</target>
                    <encoder><pattern>%msg%n</pattern></encoder>
                  </appender>
                  <logger name="org.dysonsim.actors.RecorderLink" level="DEBUG"/>
                  <root level="ERROR"><appender-ref ref="STDERR"/></root>
                </configuration>
                """);
        ProcessBuilder pb = DysonProcess.builder(dir, "victim", List.of("run", scenario.toString(), "--data-dir", "data",
                "--quiet"));
        pb.environment().put("DYSON_JAVA_OPTS", "-Dlogback.configurationFile=" + dir.resolve("logback-debug.xml"));
        Process victim = pb.start();
        try {
            Path data = dir.resolve("data");
            String runId = null;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (runId == null && victim.isAlive() && System.nanoTime() < deadline) {
                if (Files.isDirectory(data)) runId = DysonProcess.runIds(data).stream().findFirst().orElse(null);
                Thread.sleep(200);
            }
            assertTrue(runId != null, "the run never appeared under " + data);
            String id = runId;
            long first = recordedBeyond(victim, data, id, -1);
            long later = recordedBeyond(victim, data, id, first + EVERY);
            assertTrue(victim.isAlive(), "the run must still be simulating");
            assertTrue(first >= 0 && later > first, "member 0's journal grew from step " + first + " to " + later);

            DysonProcess.finish(dir, "list", DysonProcess.builder(dir, "list", List.of("list", "--data-dir", "data")));
            assertTrue(victim.isAlive(), "still simulating after the listing");
            String listed = Files.readString(dir.resolve("list.out"));
            assertTrue(listed.lines().anyMatch(line -> line.startsWith(id) && line.contains(" running ")), listed);

            victim.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertTrue(victim.waitFor(1, TimeUnit.MINUTES));
            long recorded = recordedStepOfMember0(data, id);
            long sent = -1;
            Matcher m = SENT.matcher(Files.readString(dir.resolve("victim.err")));
            while (m.find()) sent = Long.parseLong(m.group(1));
            assertTrue(sent >= later && recorded >= later, "sent " + sent + ", recorded " + recorded + ", seen " + later);
            // the clock is at most one record interval past the last snapshot it sent
            long lost = sent + EVERY - recorded;
            assertTrue(lost <= (BACKLOG + 1) * EVERY, "a kill lost " + lost + " steps of member 0 (sent up to " + sent
                    + ", recorded up to " + recorded + ")");
            assertEquals(0, recorded % EVERY, "recorded snapshots sit on record steps");
        } finally {
            victim.destroyForcibly();
        }
    }
}
