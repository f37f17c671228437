package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import com.typesafe.config.ConfigFactory;
import org.dysonsim.persistence.JournalSession;
import org.dysonsim.protocol.TrajectoryEvent;

/**
 * The project's {@code dyson} script started as a process of its own, for the integration tests
 * that kill it or run several at once. It does not build (the verify phase has packaged the jars);
 * its stdout and stderr go to {@code <name>.out} and {@code <name>.err} in its working directory.
 */
final class DysonProcess {
    /** Failsafe runs in the module directory; the script sits at the repository root. */
    static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    private DysonProcess() {}

    /** {@code dyson args} in {@code dir}, not yet started: callers may still set its environment. */
    static ProcessBuilder builder(Path dir, String name, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("dyson").toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("DYSON_NO_BUILD", "1");
        pb.redirectOutput(dir.resolve(name + ".out").toFile());
        pb.redirectError(dir.resolve(name + ".err").toFile());
        return pb;
    }

    /** Runs {@code pb} to its end: exit code 0 within five minutes, or the test fails with its stderr. */
    static void finish(Path dir, String name, ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), name + " did not finish");
        assertEquals(0, p.exitValue(), name + ": " + Files.readString(dir.resolve(name + ".err")));
    }

    /** The ids of the runs with a directory under {@code data} (those with a resolved scenario). */
    static List<String> runIds(Path data) throws IOException {
        try (Stream<Path> s = Files.list(data)) {
            return s.filter(p -> Files.exists(p.resolve("scenario.conf"))).map(p -> p.getFileName().toString()).toList();
        }
    }

    /** The id of the one run under {@code data}. */
    static String onlyRun(Path data) throws IOException {
        List<String> runs = runIds(data);
        assertEquals(1, runs.size(), runs.toString());
        return runs.get(0);
    }

    /** The snapshots member 0 of {@code runId} has in the journal of {@code data} so far; 0 while there is no journal yet. */
    static long snapshotsOfMember0(Path data, String runId) {
        try (JournalSession session = JournalSession.openForReading(data, ConfigFactory.empty());
             Stream<TrajectoryEvent> events = session.reader().events(runId, 0)) {
            return events.filter(e -> e instanceof TrajectoryEvent.SnapshotRecorded).count();
        } catch (Exception e) { // the journal's driver throws SQLException unchecked, through Scala
            return 0; // the journal, its tables or the run are not there yet
        }
    }
}
