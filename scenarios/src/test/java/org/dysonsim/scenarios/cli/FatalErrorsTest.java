package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.dysonsim.persistence.FatalErrorActorSystem;
import org.dysonsim.persistence.TrajectoryRecorder;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;
import org.dysonsim.scenarios.run.ActorEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import scala.concurrent.ExecutionContext;

/**
 * A JVM error on any thread: one line and exit code 1, not Pekko's stack trace and 255. Real
 * processes with a small heap run out of memory on the two kinds of thread Pekko starts: a
 * dispatcher's (in an actor) and the scheduler's. (Every dispatcher's threads, pooled or pinned,
 * come from the one thread factory of the actor system.)
 */
class FatalErrorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"actor", "scheduler"})
    void outOfMemoryOnAPekkoThreadIsOneLineAndExitOne(String where) throws Exception {
        ChildJvm.Result result = ChildJvm.run(List.of("-Xmx48m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                OutOfMemoryOnAPekkoThread.class, where);
        String err = result.err();
        assertEquals(Main.FAILED, result.exit(), err);
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), err);
        assertTrue(lines.get(0).startsWith("dyson: out of memory (Java heap space); give the JVM more with DYSON_JAVA_OPTS=-Xmx"),
                lines.get(0));
    }

    /**
     * H2 reports the JVM running out of memory inside the database as SQL error 90108: a recorder
     * whose write fails so ends the process as the error itself would, not after write retries.
     */
    @Test
    void outOfMemoryInsideTheDatabaseDuringAWriteIsOneLineAndExitOne() throws Exception {
        ChildJvm.Result result = ChildJvm.run(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                OutOfMemoryInTheJournal.class);
        String err = result.err();
        assertEquals(Main.FAILED, result.exit(), err);
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), err);
        assertEquals("dyson: out of memory (Java heap space, in the journal database while writing run r1 member 0);"
                + " give the JVM more with DYSON_JAVA_OPTS=-Xmx... or make the scenario smaller", lines.get(0));
    }

    @Test
    void aSecondErrorAddsNoLineAndOtherFailuresGoToTheOtherHandler() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<Integer> exits = new ArrayList<>();
        List<Throwable> others = new ArrayList<>();
        Thread.UncaughtExceptionHandler handler = FatalErrors.handler((t, e) -> others.add(e), err, exits::add,
                new AtomicBoolean());
        handler.uncaughtException(Thread.currentThread(), new StackOverflowError());
        handler.uncaughtException(Thread.currentThread(), new OutOfMemoryError("Java heap space"));
        IllegalStateException bug = new IllegalStateException("a bug");
        handler.uncaughtException(Thread.currentThread(), bug);
        assertEquals(List.of(Main.FAILED, Main.FAILED), exits);
        assertEquals("dyson: stack overflow (input nested too deeply?)\n", bytes.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(bug), others);
    }

    /** A recorder, with write retries as the command line's, whose journal fails every write with H2's 90108. */
    static final class OutOfMemoryInTheJournal {
        public static void main(String[] args) throws Exception {
            org.slf4j.LoggerFactory.getILoggerFactory();
            FatalErrors.installDefault();
            ActorSystem<Void> system = FatalErrorActorSystem.start("write", ConfigFactory.parseString("""
                    pekko.persistence.journal.plugin = out-of-memory-journal
                    out-of-memory-journal.class = "%s"
                    pekko.persistence.snapshot-store.plugin = "pekko.persistence.no-snapshot-store"
                    """.formatted(OutOfMemoryJournal.class.getName()))
                    .withFallback(ConfigFactory.parseResources(ActorEngine.SETTINGS)).withFallback(ConfigFactory.load()));
            ActorRef<RecorderCommand> recorder = system.systemActorOf(TrajectoryRecorder.create("r1", 0), "recorder",
                    Props.empty());
            recorder.tell(new RecorderCommand.Begin(new TrajectoryEvent.RunStarted("r1", 0, "n = 2\n", 1L, "test", 2),
                    system.ignoreRef()));
            system.getWhenTerminated().toCompletableFuture().get(1, TimeUnit.MINUTES);
            System.exit(3); // not reached: the error ends the process
        }
    }

    /**
     * The command line's process handler and an actor system as the command line starts one; then
     * more memory than the heap has is asked for on the thread {@code args[0]} names.
     */
    static final class OutOfMemoryOnAPekkoThread {
        public static void main(String[] args) throws Exception {
            org.slf4j.LoggerFactory.getILoggerFactory(); // as Main does: before actor threads log
            FatalErrors.installDefault();
            ActorSystem<Void> system = FatalErrorActorSystem.start("fill",
                    ConfigFactory.parseResources(ActorEngine.SETTINGS).withFallback(ConfigFactory.load()));
            Runnable fill = () -> {
                long[] tooLarge = new long[1 << 30]; // 8 GiB in a 48 MiB heap: no time lost collecting first
                throw new IllegalStateException("allocated " + tooLarge.length);
            };
            switch (args[0]) {
                case "actor" -> system.systemActorOf(Behaviors.<Void>setup(context -> {
                    fill.run();
                    return Behaviors.empty();
                }), "fill", Props.empty());
                // a task the scheduler's own thread runs, as its timer wheel's work is
                case "scheduler" -> system.scheduler().scheduleOnce(Duration.ofMillis(1), fill,
                        ExecutionContext.fromExecutor(Runnable::run));
                default -> throw new IllegalArgumentException(args[0]);
            }
            system.getWhenTerminated().toCompletableFuture().get(1, TimeUnit.MINUTES);
            System.exit(3); // not reached: the error ends the process
        }
    }
}
