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
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.dysonsim.scenarios.run.ActorEngine;
import org.junit.jupiter.api.Test;

/**
 * A JVM error in an actor thread: one line and exit code 1, not Pekko's stack trace and 255. One
 * real process with a small heap runs out of memory in an actor of the command line's dispatcher.
 */
class FatalErrorsTest {

    @Test
    void outOfMemoryInAnActorIsOneLineAndExitOne() throws Exception {
        ChildJvm.Result result = ChildJvm.run(List.of("-Xmx48m"), ActorRunningOutOfMemory.class);
        String err = result.err();
        assertEquals(Main.FAILED, result.exit(), err);
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), err);
        assertTrue(lines.get(0).startsWith("dyson: out of memory (Java heap space); give the JVM more with DYSON_JAVA_OPTS=-Xmx"),
                lines.get(0));
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

    /** An actor system configured as the command line's, whose one actor asks for more memory than the heap has. */
    static final class ActorRunningOutOfMemory {
        public static void main(String[] args) throws Exception {
            org.slf4j.LoggerFactory.getILoggerFactory(); // as Main does: before actor threads log
            ActorSystem<Void> system = ActorSystem.create(Behaviors.<Void>setup(context -> {
                long[] tooLarge = new long[1 << 30]; // 8 GiB in a 48 MiB heap: no time lost collecting first
                throw new IllegalStateException("allocated " + tooLarge.length);
            }), "fill", ConfigFactory.parseResources(ActorEngine.SETTINGS).withFallback(ConfigFactory.load()));
            system.getWhenTerminated().toCompletableFuture().get(1, TimeUnit.MINUTES);
            System.exit(3); // not reached: the error ends the process
        }
    }
}
