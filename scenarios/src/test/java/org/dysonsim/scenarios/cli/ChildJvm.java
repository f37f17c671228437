package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class of the test class path run in a JVM of its own, for the tests that need a process that
 * ends (an exit code, a lock holder that dies) or the command line's own logging on stderr,
 * without the packaged jars the {@code dyson} script needs.
 */
final class ChildJvm {
    record Result(int exit, String err) {}

    private ChildJvm() {}

    /** Runs {@code main} with {@code jvmOptions} and {@code args} to its end (at most two minutes); stdout is dropped. */
    static Result run(List<String> jvmOptions, Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), main.getSimpleName() + " did not end");
        return new Result(process.exitValue(), err);
    }
}
